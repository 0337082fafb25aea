package cn.worksafety.hazard;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.worksafety.alert.AlertKind;
import cn.worksafety.alert.Check;
import cn.worksafety.alert.CheckOutcome;

/**
 * HAZARD_OVERDUE and INTERVIEW_OVERDUE (RULES.md "Hazards", seed 002 (十五)), set-based: one
 * statement raises and reopens each kind for every hazard at once, one resolves.
 * <ul>
 * <li>HAZARD_OVERDUE: an OPEN hazard whose {@code dueOn} is before the as-of date; one alert per
 * hazard and due date (period = the due date, ISO) for the supervising unit and one for the
 * responsible unit (the issue asks for both: the one that must fix it and the one that must see
 * it fixed).</li>
 * <li>INTERVIEW_OVERDUE: an OPEN hazard with {@code dueOn + 3 < asOf} and no interview held on or
 * after {@code dueOn}; one per hazard and due date, for the committee office designated for the
 * hazard's region (or the nearest above it), else the supervising unit.</li>
 * </ul>
 * Whether a hazard is fixed is its current status, not a status "as of" the date: a replay of an
 * earlier date raises what was overdue then among hazards still open, and never raises an alert
 * about a hazard fixed since. Alerts are resolved when the hazard is rectified or verified, its
 * due date moved (an extension) or, for the interview, an interview was recorded; an alert the
 * system resolved is reopened when its hazard is OPEN and overdue again with the same due date (a
 * rejected verification). A person's resolution stands.
 */
@ApplicationScoped
public class HazardCheck implements Check {

    static final String OVERDUE = "HAZARD_OVERDUE";
    static final String INTERVIEW = "INTERVIEW_OVERDUE";

    /** Candidates (id, unit_id, due_on, message) of one kind as of :asOf; %s is the kind's CTE. */
    private static final String RAISE = """
            with %s,
            known as (
                select t.*, a.id as alert_id, a.status as alert_status, a.resolved_by as alert_resolved_by
                from targets t
                left join alert a on a.kind = :kind and a.subject_id = t.id and a.unit_id = t.unit_id
                       and a.period = to_char(t.due_on, 'YYYY-MM-DD') and a.training_rule_id is null),
            raised as (
                insert into alert (kind, status, period, subject_id, unit_id, message, raised_at)
                select :kind, 'OPEN', to_char(k.due_on, 'YYYY-MM-DD'), k.id, k.unit_id, left(k.message, 1000), now()
                from known k where k.alert_id is null
                on conflict on constraint alert_identity do nothing
                returning 1),
            reopened as (
                update alert al set status = 'OPEN', acknowledged_at = null, acknowledged_by = null, resolved_at = null,
                       resolved_by = null, resolution_note = null, updated_at = now(), version = al.version + 1
                from known k
                where al.id = k.alert_id and k.alert_status = 'RESOLVED' and k.alert_resolved_by = 'system'
                  and al.status = 'RESOLVED' and al.resolved_by = 'system'
                returning 1)
            select (select count(distinct id) from targets), (select count(*) from raised), (select count(*) from reopened)
            """;

    private static final String OVERDUE_TARGETS = """
            overdue as (
                select h.id, h.unit_id, h.supervising_unit_id, h.due_on,
                       h.grade || ' hazard ' || h.id || ' (' || left(h.description, 200) || ') was due on '
                           || to_char(h.due_on, 'YYYY-MM-DD') || ' and is not rectified.' as message
                from hazard h
                where h.status = 'OPEN' and h.due_on < :asOf),
            targets as (
                select id, supervising_unit_id as unit_id, due_on, message from overdue
                union all
                select id, unit_id, due_on, message from overdue where unit_id <> supervising_unit_id)""";

    private static final String INTERVIEW_TARGETS = """
            late as (
                select h.id, h.region_code, h.supervising_unit_id, h.due_on, h.description, h.grade
                from hazard h
                where h.status = 'OPEN' and h.due_on + 3 < :asOf
                  and not exists (select 1 from hazard_interview i where i.hazard_id = h.id and i.held_on >= h.due_on)),
            -- The committee office of each region concerned, looked up once per region, not per hazard.
            offices as (
                select r.code as region_code,
                       (select d.unit_id from unit_designation d join region dr on dr.code = d.region_code
                        where d.role = 'COMMITTEE_OFFICE' and r.path like dr.path || '%'
                        order by length(dr.path) desc limit 1) as unit_id
                from region r where r.code in (select distinct region_code from late)),
            targets as (
                select l.id, coalesce(o.unit_id, l.supervising_unit_id) as unit_id, l.due_on,
                       l.grade || ' hazard ' || l.id || ' (' || left(l.description, 200) || ') has been overdue since '
                           || to_char(l.due_on, 'YYYY-MM-DD')
                           || ' for more than 3 days and no interview (约谈) of the legal representative or actual investor is recorded.'
                           as message
                from late l left join offices o on o.region_code = l.region_code)""";

    /** Resolves open alerts of :kind whose hazard is no longer OPEN or has another due date; %s: extra conditions. */
    private static final String RESOLVE = """
            update alert al set status = 'RESOLVED', resolved_at = now(), resolved_by = 'system',
                   resolution_note = case
                       when h.status = 'VERIFIED' then 'The hazard was rectified and signed off (验收销号).'
                       when h.status = 'RECTIFIED' then 'The hazard was rectified.'
                       when to_char(h.due_on, 'YYYY-MM-DD') <> al.period
                           then 'The hazard''s due date is now ' || to_char(h.due_on, 'YYYY-MM-DD') || '.'
                       else 'An interview was recorded.' end,
                   updated_at = now(), version = al.version + 1
            from hazard h
            where al.kind = :kind and al.status <> 'RESOLVED' and h.id = al.subject_id
              and (h.status <> 'OPEN' or to_char(h.due_on, 'YYYY-MM-DD') <> al.period
                   or (al.kind = 'INTERVIEW_OVERDUE'
                       and exists (select 1 from hazard_interview i where i.hazard_id = h.id and i.held_on >= h.due_on)))
              %s""";

    @Inject
    EntityManager em;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        return run(AlertKind.HAZARD_OVERDUE, OVERDUE_TARGETS, asOf).plus(run(AlertKind.INTERVIEW_OVERDUE, INTERVIEW_TARGETS, asOf));
    }

    private CheckOutcome run(AlertKind kind, String targets, LocalDate asOf) {
        Object[] row = (Object[]) em.createNativeQuery(RAISE.formatted(targets))
                .setParameter("asOf", asOf).setParameter("kind", kind.name()).getSingleResult();
        int resolved = em.createNativeQuery(RESOLVE.formatted("")).setParameter("kind", kind.name()).executeUpdate();
        // Reopened alerts count as raised, as in the other checks.
        return CheckOutcome.of(kind, ((Number) row[0]).intValue(), ((Number) row[1]).intValue() + ((Number) row[2]).intValue(), resolved);
    }

    /** Resolves at once the hazard's alerts a change has cleared (rectified, verified, extended, interviewed). */
    public int resolveCleared(long hazardId) {
        int resolved = 0;
        for (AlertKind kind : new AlertKind[] { AlertKind.HAZARD_OVERDUE, AlertKind.INTERVIEW_OVERDUE }) {
            resolved += em.createNativeQuery(RESOLVE.formatted("and h.id = :hazard")).setParameter("kind", kind.name())
                    .setParameter("hazard", hazardId).executeUpdate();
        }
        return resolved;
    }
}
