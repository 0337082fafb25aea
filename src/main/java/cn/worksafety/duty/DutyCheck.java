package cn.worksafety.duty;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.worksafety.alert.AlertKind;
import cn.worksafety.alert.Check;
import cn.worksafety.alert.CheckOutcome;

/**
 * MISSED_INSPECTION, RETURN_MISSING and MISSED_DRILL (RULES.md "Recurring duties"): two statements
 * for every rule, unit and period at once.
 * <ol>
 * <li>{@link #RAISE}: every period of each rule's frequency that starts on or after
 * {@code effectiveFrom} and ended {@code graceDays} days or more before {@code asOf}, for every unit
 * the rule binds, with fewer events (duty_done: events, inspections, drills dated before
 * {@code asOf}) than the rule's minimum, raises one alert (kind from the rule's kind, subject = the
 * rule, unit, period key); an alert the system had resolved is reopened when the period is short
 * again. Rule kinds without an alert kind (MEETING, STAFF_TRAINING) are skipped.</li>
 * <li>{@link #RESOLVE}: open alerts whose period now has enough events are resolved, whatever their
 * date (a return filed late, an event recorded after the alert).</li>
 * </ol>
 * Resolving does not depend on {@code asOf}, so replaying an earlier date never resolves an alert
 * whose condition still holds. The raise/reopen/resolve pattern is MeetingCheck's.
 */
@ApplicationScoped
public class DutyCheck implements Check {

    static final String KINDS = "('MISSED_INSPECTION', 'RETURN_MISSING', 'MISSED_DRILL')";

    /** Periods short of their rule as of :asOf: found per kind, raised, reopened, in one statement. */
    private static final String RAISE = """
            with rules as (
                select r.id, r.title, r.frequency, r.minimum, r.grace_days, r.unit_ids, r.unit_kinds, r.effective_from,
                       duty_alert_kind(r.kind) as alert_kind, rg.path as region_path,
                       duty_period_step(r.frequency) as step, duty_period_start(r.frequency, r.effective_from) as containing
                from duty_rule r left join region rg on rg.code = r.region_code
                where duty_alert_kind(r.kind) is not null and r.effective_from < :asOf
            ), bound as (
                select r.id as rule_id, u.id as unit_id from rules r join unit u on u.id = any(r.unit_ids)
                union
                select r.id, u.id from rules r
                join region ur on ur.path like r.region_path || '%'
                join unit u on u.region_code = ur.code and u.kind = any(r.unit_kinds)
                where r.region_path is not null and cardinality(r.unit_kinds) > 0
            ), due as (
                select r.id as rule_id, r.title, r.minimum, r.alert_kind,
                       duty_period_key(r.frequency, cast(p.start as date)) as period
                from rules r
                cross join lateral generate_series(
                        cast(case when r.containing = r.effective_from then r.containing
                                  else cast(r.containing + r.step as date) end as timestamp),
                        cast(cast(:asOf as date) as timestamp), r.step) as p(start)
                where cast(p.start + r.step as date) - 1 + r.grace_days < :asOf
            ), done as (
                -- done: as of :asOf (what raises); done_now: whatever the date, as RESOLVE counts, so a
                -- replay never reopens an alert that later events resolved.
                select x.rule_id, x.unit_id, x.period, count(*) filter (where x.happened_on < :asOf) as done, count(*) as done_now
                from duty_done x
                where x.rule_id in (select id from rules)
                group by 1, 2, 3
            ), missed as (
                select d.alert_kind, d.rule_id, b.unit_id, d.period, d.title, d.minimum, coalesce(x.done, 0) as done,
                       coalesce(x.done_now, 0) as done_now
                from due d
                join bound b on b.rule_id = d.rule_id
                left join done x on x.rule_id = d.rule_id and x.unit_id = b.unit_id and x.period = d.period
                where coalesce(x.done, 0) < d.minimum
            ), raised as (
                insert into alert (kind, status, period, subject_id, unit_id, message, raised_at)
                select alert_kind, 'OPEN', period, rule_id, unit_id,
                       left(left(title, 200) || ': ' || done || ' of ' || minimum || ' required in ' || period || '.', 1000), now()
                from missed
                on conflict on constraint alert_identity do nothing
                returning 1
            ), reopened as (
                update alert a set status = 'OPEN', acknowledged_at = null, acknowledged_by = null, resolved_at = null,
                       resolved_by = null, resolution_note = null, updated_at = now(), version = a.version + 1
                from missed m
                where a.kind = m.alert_kind and a.subject_id = m.rule_id and a.unit_id = m.unit_id and a.period = m.period
                  and a.training_rule_id is null and a.status = 'RESOLVED' and a.resolved_by = 'system' and m.done_now < m.minimum
                returning 1
            )
            select (select count(*) from missed where alert_kind = 'MISSED_INSPECTION'),
                   (select count(*) from missed where alert_kind = 'RETURN_MISSING'),
                   (select count(*) from missed where alert_kind = 'MISSED_DRILL'),
                   (select count(*) from raised), (select count(*) from reopened)
            """;

    /** Open alerts whose period now has enough events; {@code %s} takes an optional rule and unit filter. */
    private static final String RESOLVE = """
            with open as (
                select a.id, a.period, a.unit_id, r.id as rule_id, r.minimum
                from alert a join duty_rule r on r.id = a.subject_id and duty_alert_kind(r.kind) = a.kind
                where a.kind in %s and a.status <> 'RESOLVED' %s
            ), judged as (
                select o.id, o.minimum,
                       (select count(*) from duty_done x
                        where x.rule_id = o.rule_id and x.unit_id = o.unit_id and x.period = o.period) as done
                from open o
            )
            update alert a set status = 'RESOLVED', resolved_at = now(), resolved_by = 'system',
                   resolution_note = 'Events recorded for ' || a.period || ' now meet the rule.',
                   updated_at = now(), version = a.version + 1
            from judged j
            where a.id = j.id and j.done >= j.minimum
            """;

    @Inject
    EntityManager em;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        Object[] counts = (Object[]) em.createNativeQuery(RAISE).setParameter("asOf", asOf).getSingleResult();
        int raised = ((Number) counts[3]).intValue() + ((Number) counts[4]).intValue();
        int resolved = em.createNativeQuery(RESOLVE.formatted(KINDS, "")).executeUpdate();
        return CheckOutcome.of(AlertKind.MISSED_INSPECTION, ((Number) counts[0]).intValue(), raised, resolved)
                .plus(CheckOutcome.of(AlertKind.RETURN_MISSING, ((Number) counts[1]).intValue(), 0, 0))
                .plus(CheckOutcome.of(AlertKind.MISSED_DRILL, ((Number) counts[2]).intValue(), 0, 0));
    }

    /** Resolves at once the unit's alerts of the rule that a newly recorded event has cleared; inside the caller's transaction. */
    public int resolveCleared(long ruleId, long unitId) {
        return em.createNativeQuery(RESOLVE.formatted(KINDS, "and r.id = :rule and a.unit_id = :unit"))
                .setParameter("rule", ruleId).setParameter("unit", unitId).executeUpdate();
    }

    /** Resolves at once the unit's alerts that newly recorded inspections or drills have cleared. */
    public int resolveCleared(long unitId) {
        return em.createNativeQuery(RESOLVE.formatted(KINDS, "and a.unit_id = :unit")).setParameter("unit", unitId).executeUpdate();
    }
}
