package cn.worksafety.committee;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.worksafety.alert.AlertKind;
import cn.worksafety.alert.Check;
import cn.worksafety.alert.CheckOutcome;

/**
 * MISSED_MEETING (RULES.md; rule from 002 (六): district committee at least one plenary meeting a
 * quarter, towns one a month). Two statements for every committee at once:
 * <ol>
 * <li>every period of each committee's frequency that starts on or after its establishment and
 * ended {@code graceDays} days or more before {@code asOf} ({@code generate_series} over the
 * periods), with fewer PLENARY meetings than the rule asks, raises one alert (committee, unit,
 * period key); an alert the system had resolved is reopened when its period is short again (a
 * meeting record was withdrawn or corrected away);</li>
 * <li>open alerts whose period now has enough PLENARY meetings, or which the committee's current
 * rule or establishment date no longer requires, are resolved.</li>
 * </ol>
 * Resolving does not depend on {@code asOf}, so replaying an earlier date never resolves an alert
 * whose condition still holds.
 */
@ApplicationScoped
public class MeetingCheck implements Check {

    /** Periods short of the rule as of :asOf; raised and reopened alerts, in one statement. */
    private static final String RAISE = """
            with due as (
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
            ), raised as (
                insert into alert (kind, status, period, subject_id, unit_id, message, raised_at)
                select 'MISSED_MEETING', 'OPEN', period, committee_id, unit_id,
                       left(name, 200) || ': ' || held || ' of ' || minimum_meetings || ' required plenary meeting(s) held in ' || period || '.',
                       now()
                from missed
                on conflict on constraint alert_identity do nothing
                returning 1
            ), reopened as (
                update alert a set status = 'OPEN', acknowledged_at = null, acknowledged_by = null, resolved_at = null,
                       resolved_by = null, resolution_note = null, updated_at = now(), version = a.version + 1
                from missed m
                where a.kind = 'MISSED_MEETING' and a.subject_id = m.committee_id and a.unit_id = m.unit_id
                  and a.period = m.period and a.status = 'RESOLVED' and a.resolved_by = 'system'
                returning 1
            )
            select (select count(*) from missed), (select count(*) from raised), (select count(*) from reopened)
            """;

    /** Open alerts whose condition is gone; {@code %s} takes an optional committee filter. */
    private static final String RESOLVE = """
            with open as (
                select a.id, a.period, c.id as committee_id, c.frequency, c.minimum_meetings, c.established_on,
                       meeting_period_key_start(a.period) as start
                from alert a join committee c on c.id = a.subject_id and c.unit_id = a.unit_id
                where a.kind = 'MISSED_MEETING' and a.status <> 'RESOLVED' %s
            ), judged as (
                select o.id, o.minimum_meetings,
                       (o.start is null or meeting_period_key(o.frequency, o.start) <> o.period or o.start < o.established_on) as not_required,
                       (select count(*) from meeting m
                        where m.committee_id = o.committee_id and m.kind = 'PLENARY' and m.withdrawn_at is null
                          and m.held_on >= o.start
                          and m.held_on < cast(o.start + make_interval(months => meeting_period_months(o.frequency)) as date)) as held
                from open o
            )
            update alert a set status = 'RESOLVED', resolved_at = now(), resolved_by = 'system',
                   resolution_note = case when j.not_required
                       then 'The committee''s rule no longer requires meetings in ' || a.period || '.'
                       else 'Plenary meetings recorded for ' || a.period || ' now meet the rule.' end,
                   updated_at = now(), version = a.version + 1
            from judged j
            where a.id = j.id and (j.not_required or j.held >= j.minimum_meetings)
            """;

    @Inject
    EntityManager em;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        Object[] counts = (Object[]) em.createNativeQuery(RAISE).setParameter("asOf", asOf).getSingleResult();
        int found = ((Number) counts[0]).intValue();
        int raised = ((Number) counts[1]).intValue() + ((Number) counts[2]).intValue();
        int resolved = em.createNativeQuery(RESOLVE.formatted("")).executeUpdate();
        return CheckOutcome.of(AlertKind.MISSED_MEETING, found, raised, resolved);
    }

    /**
     * Resolves at once the committee's open MISSED_MEETING alerts whose condition a change has
     * cleared (a meeting recorded or corrected, the rule or establishment date edited); called by
     * {@link CommitteeService} inside its transaction, after flushing the change.
     */
    public int resolveCleared(long committeeId) {
        return em.createNativeQuery(RESOLVE.formatted("and c.id = :committee")).setParameter("committee", committeeId)
                .executeUpdate();
    }
}
