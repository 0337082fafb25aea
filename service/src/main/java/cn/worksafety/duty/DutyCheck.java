package cn.worksafety.duty;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.alert.AlertKind;
import cn.worksafety.alert.AlertLifecycle;
import cn.worksafety.alert.Check;
import cn.worksafety.alert.CheckOutcome;

/**
 * MISSED_INSPECTION, RETURN_MISSING and MISSED_DRILL (RULES.md "Recurring duties"): one
 * {@link AlertLifecycle} statement for every rule, unit and period at once.
 * <ol>
 * <li>every period of each rule's frequency that starts on or after {@code effectiveFrom} and ended
 * {@code graceDays} days or more before {@code asOf}, for every unit the rule binds, with fewer
 * events (duty_done: events, inspections, drills dated before {@code asOf}) than the rule's minimum,
 * raises one alert (kind from the rule's kind, subject = the rule, unit, period key), or reopens it
 * as {@link AlertLifecycle} says (the system had resolved it, or the office's closure is past its
 * quiet period of one period of the rule's frequency). Rule kinds without an alert kind (MEETING,
 * STAFF_TRAINING) are skipped;</li>
 * <li>open alerts whose period now has enough events are resolved, whatever their date (a return
 * filed late, an event recorded after the alert).</li>
 * </ol>
 * Neither counting nor resolving depends on {@code asOf} (only which periods are due does), so
 * replaying an earlier date never resolves an alert whose condition still holds, and never reopens
 * one that events recorded since have made good (which would flip it at every run).
 */
@ApplicationScoped
public class DutyCheck implements Check {

    private static final List<AlertKind> KINDS = List.of(AlertKind.MISSED_INSPECTION, AlertKind.RETURN_MISSING, AlertKind.MISSED_DRILL);

    /** Periods short of their rule as of :asOf, per bound unit (the CTEs the targets use). */
    private static final String MISSED = """
            rules as (
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
                -- Every event of the period whatever its date, as CLEARED counts: a replay of an earlier
                -- date never raises or reopens what a later event (a late return) has made good.
                select x.rule_id, x.unit_id, x.period, count(*) as done
                from duty_done x
                where x.rule_id in (select id from rules)
                group by 1, 2, 3
            ), missed as (
                select d.alert_kind, d.rule_id, b.unit_id, d.period, d.title, d.minimum, coalesce(x.done, 0) as done
                from due d
                join bound b on b.rule_id = d.rule_id
                left join done x on x.rule_id = d.rule_id and x.unit_id = b.unit_id and x.period = d.period
                where coalesce(x.done, 0) < d.minimum
            )""";

    private static final String TARGETS = """
            select alert_kind as kind, rule_id as subject_id, unit_id, cast(null as bigint) as training_rule_id, period,
                   left(title, 200) || ': ' || done || ' of ' || minimum || ' required in ' || period || '.' as message
            from missed""";

    /** Open alerts whose period now has enough events, with the note; {@code %s} takes an optional rule and unit filter. */
    private static final String CLEARED = """
            select a.id, 'Events recorded for ' || a.period || ' now meet the rule.' as note
            from alert a join duty_rule r on r.id = a.subject_id and duty_alert_kind(r.kind) = a.kind
            where a.kind in ('MISSED_INSPECTION', 'RETURN_MISSING', 'MISSED_DRILL') and a.status <> 'RESOLVED' %s
              and (select count(*) from duty_done x
                   where x.rule_id = r.id and x.unit_id = a.unit_id and x.period = a.period) >= r.minimum""";

    @Inject
    AlertLifecycle lifecycle;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        return lifecycle.run(asOf, KINDS, MISSED, TARGETS, CLEARED.formatted(""), Map.of());
    }

    /** Resolves at once the unit's alerts of the rule that a newly recorded event has cleared; inside the caller's transaction. */
    public int resolveCleared(long ruleId, long unitId) {
        return lifecycle.resolve(KINDS, null, CLEARED.formatted("and r.id = :rule and a.unit_id = :unit"),
                Map.of("rule", ruleId, "unit", unitId));
    }

    /** Resolves at once the unit's alerts that newly recorded inspections or drills have cleared. */
    public int resolveCleared(long unitId) {
        return lifecycle.resolve(KINDS, null, CLEARED.formatted("and a.unit_id = :unit"), Map.of("unit", unitId));
    }
}
