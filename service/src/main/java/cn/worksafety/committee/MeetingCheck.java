package cn.worksafety.committee;

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
 * MISSED_MEETING (RULES.md; rule from 002 (六): district committee at least one plenary meeting a
 * quarter, towns one a month). One {@link AlertLifecycle} statement for every committee at once:
 * <ol>
 * <li>every period of each committee's frequency that starts on or after its establishment and
 * ended {@code graceDays} days or more before {@code asOf} ({@code generate_series} over the
 * periods), with fewer PLENARY meetings than the rule asks, raises one alert (committee, unit,
 * period key), or reopens it as {@link AlertLifecycle} says (the system had resolved it and a
 * meeting record was withdrawn or corrected away, or the office's closure is past its quiet period);</li>
 * <li>open alerts whose period now has enough PLENARY meetings, or which the committee's current
 * rule or establishment date no longer requires, are resolved.</li>
 * </ol>
 * Resolving does not depend on {@code asOf}, so replaying an earlier date never resolves an alert
 * whose condition still holds.
 */
@ApplicationScoped
public class MeetingCheck implements Check {

    /** Periods short of the rule as of :asOf (the CTEs the targets use). */
    private static final String MISSED = """
            due as (
                select c.id as committee_id, c.unit_id, c.name, c.frequency, c.minimum_meetings, cast(p.start as date) as start
                from committee c
                cross join lateral (select make_interval(months => meeting_period_months(c.frequency)) as step,
                                           meeting_period_start(c.frequency, c.established_on) as containing) f
                cross join lateral generate_series(
                        cast(case when f.containing = c.established_on then f.containing
                                  else cast(f.containing + f.step as date) end as timestamp),
                        cast(cast(:asOf as date) as timestamp), f.step) as p(start)
                where cast(p.start + f.step as date) - 1 + c.grace_days < :asOf
            ), held as (
                select m.committee_id, meeting_period_start(c.frequency, m.held_on) as start, count(*) as held
                from meeting m join committee c on c.id = m.committee_id
                where m.kind = 'PLENARY' and m.withdrawn_at is null and m.held_on >= c.established_on and m.held_on < :asOf
                group by 1, 2
            ), missed as (
                select d.committee_id, d.unit_id, d.name, d.minimum_meetings, meeting_period_key(d.frequency, d.start) as period,
                       coalesce(h.held, 0) as held
                from due d left join held h on h.committee_id = d.committee_id and h.start = d.start
                where coalesce(h.held, 0) < d.minimum_meetings
            )""";

    private static final String TARGETS = """
            select 'MISSED_MEETING' as kind, committee_id as subject_id, unit_id, cast(null as bigint) as training_rule_id, period,
                   left(name, 200) || ': ' || held || ' of ' || minimum_meetings || ' required plenary meeting(s) held in ' || period || '.'
                       as message
            from missed""";

    /** Open alerts whose condition is gone, with the note; {@code %s} takes an optional committee filter. */
    private static final String CLEARED = """
            with open as (
                select a.id, a.period, c.id as committee_id, c.frequency, c.minimum_meetings, c.established_on,
                       meeting_period_key_start(a.period) as start
                from alert a join committee c on c.id = a.subject_id and c.unit_id = a.unit_id
                where a.kind = 'MISSED_MEETING' and a.status <> 'RESOLVED' %s
            ), judged as (
                select o.id, o.period, o.minimum_meetings,
                       (o.start is null or meeting_period_key(o.frequency, o.start) <> o.period or o.start < o.established_on) as not_required,
                       (select count(*) from meeting m
                        where m.committee_id = o.committee_id and m.kind = 'PLENARY' and m.withdrawn_at is null
                          and m.held_on >= o.start
                          and m.held_on < cast(o.start + make_interval(months => meeting_period_months(o.frequency)) as date)) as held
                from open o
            )
            select j.id, case when j.not_required
                       then 'The committee''s rule no longer requires meetings in ' || j.period || '.'
                       else 'Plenary meetings recorded for ' || j.period || ' now meet the rule.' end as note
            from judged j
            where j.not_required or j.held >= j.minimum_meetings""";

    private static final List<AlertKind> KINDS = List.of(AlertKind.MISSED_MEETING);

    @Inject
    AlertLifecycle lifecycle;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        return lifecycle.run(asOf, KINDS, MISSED, TARGETS, CLEARED.formatted(""), Map.of());
    }

    /**
     * Resolves at once the committee's open MISSED_MEETING alerts whose condition a change has
     * cleared (a meeting recorded or corrected, the rule or establishment date edited); called by
     * {@link CommitteeService} and {@link MeetingService} inside their transactions, after flushing the change.
     */
    public int resolveCleared(long committeeId) {
        return lifecycle.resolve(KINDS, null, CLEARED.formatted("and c.id = :committee"), Map.of("committee", committeeId));
    }
}
