package cn.worksafety.training;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;

import cn.worksafety.alert.Alert;

/** The field training adds to {@code Alert} (docs/architecture.md: fields on another feature's type). */
@GraphQLApi
public class AlertTrainingFields {

    @Inject
    TrainingService service;

    @Name("trainingRule")
    @Description("The training rule a TRAINING_* alert is about; null for other kinds.")
    public List<TrainingRule> alertTrainingRule(@Source List<Alert> alerts) {
        return service.rulesOfAlerts(alerts);
    }
}
