package cn.worksafety.responsibility;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.alert.AlertKind;
import cn.worksafety.alert.AlertLifecycle;
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
 * therefore never resolves an alert just because the item was not yet due then. Raising, reopening
 * (after the system resolved it, or after the office's closure and its quiet period) and resolving
 * are {@link AlertLifecycle}'s.
 */
@ApplicationScoped
public class ResponsibilityOverdueCheck implements Check {

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

    private static final String TARGETS = """
            select 'RESPONSIBILITY_OVERDUE' as kind, r.id as subject_id, a.unit_id, cast(null as bigint) as training_rule_id,
                   to_char(r.due_on, 'YYYY-MM-DD') as period,
                   'Item ' || r.number || ' ' || r.title || ' of the list ' || l.title || ' was due on '
                       || to_char(r.due_on, 'YYYY-MM-DD') || ' and is not completed.' as message
            from responsibility r
            join responsibility_list l on l.id = r.list_id
            join responsibility_assignment a on a.responsibility_id = r.id and a.role = 'LEAD'
            where l.withdrawn_on is null
              and responsibility_status(r.deadline_kind, r.due_on, responsibility_completed_on(r.id), :asOf) = 'OVERDUE'""";

    private static final String CLEARED = """
            select al.id, case
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
                end as note
            from alert al
            where al.kind = 'RESPONSIBILITY_OVERDUE' and al.status <> 'RESOLVED' and not\s""" + STILL_OVERDUE;

    private static final List<AlertKind> KINDS = List.of(AlertKind.RESPONSIBILITY_OVERDUE);

    @Inject
    AlertLifecycle lifecycle;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        return lifecycle.run(asOf, KINDS, null, TARGETS, CLEARED, Map.of());
    }

    /** Resolves at once the open alerts about these items whose condition a change has just cleared. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resolveCleared(Collection<Long> itemIds, LocalDate asOf) {
        if (itemIds.isEmpty()) {
            return 0;
        }
        return lifecycle.resolve(KINDS, null, CLEARED + " and al.subject_id in (:items)", Map.of("asOf", asOf, "items", itemIds));
    }
}
