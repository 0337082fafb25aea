package cn.worksafety.training;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.worksafety.alert.AlertKind;
import cn.worksafety.alert.Check;
import cn.worksafety.alert.CheckOutcome;
import cn.worksafety.common.AppConfig;

/**
 * Raises TRAINING_EXPIRED and TRAINING_EXPIRING (one alert per person, rule and expiry date, period
 * = the expiry date) and TRAINING_MISSING (one per person and rule, no period) to the person's unit,
 * reopens those the system had resolved whose condition holds again (a person's resolution
 * stands), and resolves those a newer qualifying record has made good: one set-based statement
 * ({@link TrainingStateSql#check()}), whatever the number of people.
 */
@ApplicationScoped
public class TrainingCheck implements Check {

    @Inject
    EntityManager em;

    @Inject
    AppConfig config;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        Object[] row = (Object[]) em.createNativeQuery(TrainingStateSql.check())
                .setParameter("asOf", asOf).setParameter("expiringDays", config.training().expiringDays())
                .getSingleResult();
        // Reopened alerts count as raised, as in MeetingCheck: CheckRun.alertsRaised is the number
        // of alerts this run made (or made again) open.
        int raised = ((Number) row[3]).intValue() + ((Number) row[5]).intValue();
        int resolved = ((Number) row[4]).intValue();
        return CheckOutcome.of(AlertKind.TRAINING_EXPIRED, ((Number) row[0]).intValue(), raised, resolved)
                .plus(CheckOutcome.of(AlertKind.TRAINING_EXPIRING, ((Number) row[1]).intValue(), 0, 0))
                .plus(CheckOutcome.of(AlertKind.TRAINING_MISSING, ((Number) row[2]).intValue(), 0, 0));
    }
}
