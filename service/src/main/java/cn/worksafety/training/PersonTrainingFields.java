package cn.worksafety.training;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import cn.worksafety.organisation.Person;

/**
 * The fields training adds to the organisation's {@code Person} (docs/architecture.md: a field
 * on another feature's type lives with the feature whose data it serves, in a class named after
 * that type).
 */
@GraphQLApi
public class PersonTrainingFields {

    @Inject
    TrainingService service;

    @Name("training")
    @Description("The person's standing against every training rule of their roles as of the date (default today).")
    public @NonNull List<@NonNull List<@NonNull TrainingStatus>> personTraining(@Source List<Person> persons, LocalDate asOf) {
        return service.statusesFor(persons, asOf);
    }

    @Name("trainingRecords")
    @Description("The person's training history (of one kind when given), newest first.")
    public @NonNull List<@NonNull List<@NonNull TrainingRecord>> personTrainingRecords(@Source List<Person> persons, TrainingKind kind) {
        return service.recordsFor(persons, kind);
    }
}
