package cn.worksafety.alert;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.worksafety.common.Timestamps;

/**
 * A test-only check in the shape every real check takes: it flags units whose name starts with
 * "FLAG" (one MISSED_MEETING alert per unit and as-of year), set-based, and resolves the alert
 * when the unit is renamed. It lets the runner's guarantees be tested on their own.
 */
@ApplicationScoped
public class FlaggedUnitCheck implements Check {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        String period = String.valueOf(asOf.getYear());
        int found = ((Number) em.createNativeQuery("select count(*) from unit where name like 'FLAG%'").getSingleResult()).intValue();
        int raised = em.createNativeQuery("""
                insert into alert (kind, status, period, subject_id, unit_id, message, raised_at, created_at, updated_at)
                select 'MISSED_MEETING', 'OPEN', :period, u.id, u.id, 'Flagged unit ' || u.code, :now, :now, :now
                from unit u where u.name like 'FLAG%'
                on conflict on constraint alert_identity do nothing""").setParameter("period", period)
                .setParameter("now", Timestamps.now(clock)).executeUpdate();
        return CheckOutcome.of(AlertKind.MISSED_MEETING, found, raised, 0);
    }
}
