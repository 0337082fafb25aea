package cn.worksafety.exchange;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.worksafety.alert.Check;
import cn.worksafety.alert.CheckOutcome;
import cn.worksafety.common.AppConfig;

/**
 * Keeps the change log from growing without end, as part of the scheduled checks: after
 * {@code app.exchange.tombstone-days} days a DELETE change (a tombstone) is dropped, and so is
 * every change followed by a later change of the same record. The latest change of every
 * record that still exists stays, so reading the feed from the start still yields every record.
 * The greatest pruned tombstone becomes the horizon: a cursor before it is refused (re-export).
 *
 * <p>Ages count from the real clock, never from a later replayed as-of date, so replaying the
 * checks for a future date cannot drop tombstones that are younger than promised.
 */
@ApplicationScoped
public class ChangeLogPruning implements Check {

    private static final String PRUNE = """
            with gone as (
                delete from change_log c
                where c.changed_at < :cutoff
                  and (c.operation = 'DELETE'
                       or exists (select 1 from change_log n where n.record_type = c.record_type and n.record_id = c.record_id
                                  and (n.xid, n.id) > (c.xid, c.id)))
                returning c.xid, c.id, c.operation),
            last_tombstone as (
                select xid, id from gone where operation = 'DELETE' order by xid desc, id desc limit 1)
            update change_log_horizon h set xid = t.xid, id = t.id
            from last_tombstone t where (t.xid, t.id) > (h.xid, h.id)
            """;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AppConfig config;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        LocalDate today = LocalDate.now(clock);
        LocalDate until = (asOf.isBefore(today) ? asOf : today).minusDays(config.exchange().tombstoneDays());
        OffsetDateTime cutoff = until.atStartOfDay(clock.getZone()).toOffsetDateTime();
        em.createNativeQuery(PRUNE).setParameter("cutoff", cutoff).executeUpdate();
        return CheckOutcome.none();
    }
}
