package cn.worksafety.hazard;

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
 * HAZARD_OVERDUE and INTERVIEW_OVERDUE (RULES.md "Hazards", seed 002 (十五)), set-based: one
 * {@link AlertLifecycle} statement raises, reopens and resolves both kinds for every hazard at once.
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
 * rejected verification), and one the office closed when its quiet period has passed.
 */
@ApplicationScoped
public class HazardCheck implements Check {

    private static final String OVERDUE_TARGETS = """
            overdue as (
                select h.id, h.unit_id, h.supervising_unit_id, h.due_on,
                       h.grade || ' hazard ' || h.id || ' (' || left(h.description, 200) || ') was due on '
                           || to_char(h.due_on, 'YYYY-MM-DD') || ' and is not rectified.' as message
                from hazard h
                where h.status = 'OPEN' and h.due_on < :asOf),
            overdue_targets as (
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
            interview_targets as (
                select l.id, coalesce(o.unit_id, l.supervising_unit_id) as unit_id, l.due_on,
                       l.grade || ' hazard ' || l.id || ' (' || left(l.description, 200) || ') has been overdue since '
                           || to_char(l.due_on, 'YYYY-MM-DD')
                           || ' for more than 3 days and no interview (约谈) of the legal representative or actual investor is recorded.'
                           as message
                from late l left join offices o on o.region_code = l.region_code)""";

    private static final String TARGETS = """
            select 'HAZARD_OVERDUE' as kind, id as subject_id, unit_id, cast(null as bigint) as training_rule_id,
                   to_char(due_on, 'YYYY-MM-DD') as period, message
            from overdue_targets
            union all
            select 'INTERVIEW_OVERDUE', id, unit_id, null, to_char(due_on, 'YYYY-MM-DD'), message
            from interview_targets""";

    /** Open alerts whose hazard is no longer OPEN, has another due date, or (interview) was interviewed; %s: extra conditions. */
    private static final String CLEARED = """
            select al.id, case
                       when h.status = 'VERIFIED' then 'The hazard was rectified and signed off (验收销号).'
                       when h.status = 'RECTIFIED' then 'The hazard was rectified.'
                       when to_char(h.due_on, 'YYYY-MM-DD') <> al.period
                           then 'The hazard''s due date is now ' || to_char(h.due_on, 'YYYY-MM-DD') || '.'
                       else 'An interview was recorded.' end as note
            from alert al join hazard h on h.id = al.subject_id
            where al.kind in ('HAZARD_OVERDUE', 'INTERVIEW_OVERDUE') and al.status <> 'RESOLVED'
              and (h.status <> 'OPEN' or to_char(h.due_on, 'YYYY-MM-DD') <> al.period
                   or (al.kind = 'INTERVIEW_OVERDUE'
                       and exists (select 1 from hazard_interview i where i.hazard_id = h.id and i.held_on >= h.due_on)))
              %s""";

    private static final List<AlertKind> KINDS = List.of(AlertKind.HAZARD_OVERDUE, AlertKind.INTERVIEW_OVERDUE);

    @Inject
    AlertLifecycle lifecycle;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        return lifecycle.run(asOf, KINDS, OVERDUE_TARGETS + ",\n" + INTERVIEW_TARGETS, TARGETS, CLEARED.formatted(""), Map.of());
    }

    /** Resolves at once the hazard's alerts a change has cleared (rectified, verified, extended, interviewed). */
    public int resolveCleared(long hazardId) {
        return lifecycle.resolve(KINDS, null, CLEARED.formatted("and h.id = :hazard"), Map.of("hazard", hazardId));
    }
}
