package cn.worksafety.training;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.alert.AlertKind;
import cn.worksafety.alert.AlertLifecycle;
import cn.worksafety.alert.Check;
import cn.worksafety.alert.CheckOutcome;
import cn.worksafety.common.AppConfig;

/**
 * Raises TRAINING_EXPIRED and TRAINING_EXPIRING (one alert per person, rule and expiry date, period
 * = the expiry date) and TRAINING_MISSING (one per person and rule, no period) to the person's unit,
 * reopens and resolves them as {@link AlertLifecycle} says: one set-based statement, whatever the
 * number of people ({@link TrainingStateSql}).
 */
@ApplicationScoped
public class TrainingCheck implements Check {

    private static final List<AlertKind> KINDS = List.of(AlertKind.TRAINING_EXPIRED, AlertKind.TRAINING_EXPIRING,
            AlertKind.TRAINING_MISSING);

    @Inject
    AlertLifecycle lifecycle;

    @Inject
    AppConfig config;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        return lifecycle.run(asOf, KINDS, TrainingStateSql.states(), TrainingStateSql.TARGETS, TrainingStateSql.cleared("true", true),
                Map.of("expiringDays", config.training().expiringDays()));
    }

    /** Resolves the person's open training alerts whose condition a change has cleared; returns how many. */
    public int resolveCleared(long personId) {
        return lifecycle.resolve(KINDS, TrainingStateSql.personState(), TrainingStateSql.cleared("a.subject_id = :personId", false),
                Map.of("personId", personId));
    }
}
