package cn.worksafety.responsibility;

import java.time.LocalDate;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import cn.worksafety.alert.AlertKind;
import cn.worksafety.alert.Check;
import cn.worksafety.alert.CheckOutcome;

/**
 * RESPONSIBILITY_OVERDUE (RULES.md "Responsibilities"): one alert per overdue item and LEAD
 * unit, {@code period} being the item's due date (ISO), so a new deadline that is missed again
 * raises a new alert. Items of withdrawn lists are not checked.
 *
 * <p>An open alert is resolved when its condition is gone for a reason other than the calendar:
 * the item was completed (by the as-of date), removed, its list withdrawn, its deadline changed
 * or made long-term, or the unit is no longer a LEAD unit of it. Replaying an earlier as-of date
 * therefore never resolves an alert just because the item was not yet due then.
 */
@ApplicationScoped
public class ResponsibilityOverdueCheck implements Check {

    static final String KIND = "RESPONSIBILITY_OVERDUE";

    // responsibility_status's OVERDUE without its calendar part (as_of > due_on), so that replaying an
    // earlier date keeps the alert: a dated kind, the same due date, no completing report by as_of.
    // Completed in time (ONGOING) and completed late (COMPLETED) both clear it (V10).
    private static final String STILL_OVERDUE = """
            exists (select 1 from responsibility r
                    join responsibility_list l on l.id = r.list_id
                    join responsibility_assignment a on a.responsibility_id = r.id and a.role = 'LEAD'
                    where r.id = al.subject_id and a.unit_id = al.unit_id and l.withdrawn_on is null
                      and r.deadline_kind <> 'LONG_TERM' and to_char(r.due_on, 'YYYY-MM-DD') = al.period
                      and coalesce(responsibility_completed_on(r.id) <= :asOf, false) = false)""";

    private static final String RESOLVE = """
            update alert al set status = 'RESOLVED', resolved_at = now(), resolved_by = 'system',
                resolution_note = case
                    when not exists (select 1 from responsibility r where r.id = al.subject_id)
                        then 'The item was removed from its list.'
                    when exists (select 1 from responsibility r join responsibility_list l on l.id = r.list_id
                                 where r.id = al.subject_id and l.withdrawn_on is not null)
                        then 'The list was withdrawn.'
                    when coalesce((select responsibility_completed_on(al.subject_id)) <= :asOf, false)
                        then 'The item was completed.'
                    when not exists (select 1 from responsibility_assignment a where a.responsibility_id = al.subject_id
                                     and a.unit_id = al.unit_id and a.role = 'LEAD')
                        then 'The unit is no longer a lead unit of the item.'
                    else 'The item''s deadline was changed.'
                end,
                updated_at = now(), version = version + 1
            where al.kind = 'RESPONSIBILITY_OVERDUE' and al.status <> 'RESOLVED'
            """;

    @Inject
    EntityManager em;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        int found = ((Number) em.createNativeQuery("""
                select count(*) from responsibility r join responsibility_list l on l.id = r.list_id
                where l.withdrawn_on is null
                  and responsibility_status(r.deadline_kind, r.due_on, responsibility_completed_on(r.id), :asOf) = 'OVERDUE'""")
                .setParameter("asOf", asOf).getSingleResult()).intValue();
        int raised = em.createNativeQuery("""
                insert into alert (kind, status, period, subject_id, unit_id, message, raised_at)
                select 'RESPONSIBILITY_OVERDUE', 'OPEN', to_char(r.due_on, 'YYYY-MM-DD'), r.id, a.unit_id,
                       left('Item ' || r.number || ' ' || r.title || ' of the list ' || l.title || ' was due on '
                            || to_char(r.due_on, 'YYYY-MM-DD') || ' and is not completed.', 1000),
                       now()
                from responsibility r
                join responsibility_list l on l.id = r.list_id
                join responsibility_assignment a on a.responsibility_id = r.id and a.role = 'LEAD'
                where l.withdrawn_on is null
                  and responsibility_status(r.deadline_kind, r.due_on, responsibility_completed_on(r.id), :asOf) = 'OVERDUE'
                on conflict on constraint alert_identity do nothing""").setParameter("asOf", asOf).executeUpdate();
        int resolved = em.createNativeQuery(RESOLVE + " and not " + STILL_OVERDUE).setParameter("asOf", asOf).executeUpdate();
        return CheckOutcome.of(AlertKind.RESPONSIBILITY_OVERDUE, found, raised, resolved);
    }

    /** Resolves at once the open alerts about these items whose condition a change has just cleared. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resolveCleared(Collection<Long> itemIds, LocalDate asOf) {
        if (itemIds.isEmpty()) {
            return 0;
        }
        Query query = em.createNativeQuery(RESOLVE + " and al.subject_id in (:items) and not " + STILL_OVERDUE);
        return query.setParameter("asOf", asOf).setParameter("items", itemIds).executeUpdate();
    }
}
