package cn.worksafety.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import cn.worksafety.common.AppConfig;
import cn.worksafety.common.Timestamps;

/**
 * The alert lifecycle every {@link Check} shares (RULES.md "Supervision", docs/supervision.md):
 * one statement per call raises, reopens and resolves the alerts of a check's kinds.
 *
 * <p>Contract of {@link #run}: the check gives
 * <ul>
 * <li>{@code targets}: a SELECT of the conditions that hold as of {@code :asOf}, one row per alert
 * identity, with the columns {@code kind, subject_id, unit_id, training_rule_id, period, message}
 * ({@code training_rule_id} and {@code period} may be null; cast a null {@code training_rule_id}
 * as {@code bigint}). It may use CTEs given in {@code with} (a CTE list without the keyword);</li>
 * <li>{@code cleared}: a SELECT of {@code id, note} over {@code alert al}: the open alerts of its
 * kinds whose condition is gone, with the resolution note. It may use {@code :asOf} and the CTEs of
 * {@code with}. The same SELECT serves {@link #resolve} right after a change (then without
 * {@code :asOf} unless the caller binds it).</li>
 * </ul>
 * and the helper, in one statement:
 * <ol>
 * <li>raises an alert for every target that has none ({@code on conflict do nothing}: the
 * {@code alert_identity} constraint settles races and repeated runs);</li>
 * <li>reopens the target's alert when it is RESOLVED and either the system resolved it (the
 * condition had cleared and holds again) or the office closed it ({@code closed_on} set) and the
 * quiet period has passed as of {@code :asOf}: {@code alert_quiet_until(period, closed_on,
 * quietPeriods, quietDays) <= asOf} (V17: one period of the key's frequency per quiet period for a
 * period key such as 2026-Q3, 2026-03, 2026-H1, 2026 or 2026-W05; {@code quietDays} days
 * otherwise, including the ISO dates of training, responsibility and hazard alerts);</li>
 * <li>resolves, as {@code system}, the open alerts {@code cleared} names.</li>
 * </ol>
 * Reopen touches RESOLVED rows and resolve the others (in the statement's snapshot), so no row is
 * written twice. Found counts one per identity without the unit (a hazard alerted to two units is
 * one hazard). Reopened alerts count as raised, as they always have. Every time it writes (raised,
 * resolved, updated) is the service clock's instant, bound as {@code :now}, not the database's
 * {@code now()}: one clock for the entities and the checks.
 */
@ApplicationScoped
public class AlertLifecycle {

    @Inject
    EntityManager em;

    @Inject
    AppConfig config;

    @Inject
    Clock clock;

    /** The SQL condition on {@code al} under which a RESOLVED alert whose condition holds is opened again as of {@code :asOf}. */
    public static final String REOPENABLE = "(al.resolved_by = 'system' or (al.closed_on is not null "
            + "and alert_quiet_until(al.period, al.closed_on, cast(:quietPeriods as integer), cast(:quietDays as integer)) <= cast(:asOf as date)))";

    private static final String RESOLVE = """
            update alert al set status = 'RESOLVED', resolved_at = :now, resolved_by = 'system',
                   resolution_note = left(c.note, 1000), closed_on = null, updated_at = :now, version = al.version + 1
            from (%s) c
            where al.id = c.id and al.status <> 'RESOLVED' and al.kind in (%s)
            """;

    /** Raises, reopens and resolves the alerts of {@code kinds} as of {@code asOf}; see the class comment. */
    public CheckOutcome run(LocalDate asOf, Collection<AlertKind> kinds, String with, String targets, String cleared,
            Map<String, Object> params) {
        String kindList = literals(kinds);
        String sql = "with " + (with == null || with.isBlank() ? "" : with + ",\n") + """
                targets as materialized (%s),
                known as (
                    select t.*, a.id as alert_id
                    from targets t
                    left join alert a on a.kind = t.kind and a.subject_id = t.subject_id and a.unit_id = t.unit_id
                          and coalesce(a.period, '') = coalesce(t.period, '')
                          and coalesce(a.training_rule_id, 0) = coalesce(t.training_rule_id, 0)),
                raised as (
                    insert into alert (kind, status, period, subject_id, unit_id, training_rule_id, message, raised_at, created_at, updated_at)
                    select k.kind, 'OPEN', k.period, k.subject_id, k.unit_id, k.training_rule_id, left(k.message, 1000), :now, :now, :now
                    from known k where k.alert_id is null
                    on conflict on constraint alert_identity do nothing
                    returning 1),
                reopened as (
                    update alert al set status = 'OPEN', acknowledged_at = null, acknowledged_by = null, resolved_at = null,
                           resolved_by = null, resolution_note = null, closed_on = null, updated_at = :now, version = al.version + 1
                    from known k
                    where al.id = k.alert_id and al.status = 'RESOLVED' and %s
                    returning 1),
                resolved as (%s returning 1)
                select x.kind,
                       (select count(distinct cast(t.subject_id as text) || '/' || coalesce(cast(t.training_rule_id as text), '')
                                              || '/' || coalesce(t.period, ''))
                        from targets t where t.kind = x.kind),
                       (select count(*) from raised) + (select count(*) from reopened),
                       (select count(*) from resolved)
                from (values %s) x(kind)
                """.formatted(targets, REOPENABLE, RESOLVE.formatted(cleared, kindList), values(kinds));
        Query query = em.createNativeQuery(sql).setParameter("now", Timestamps.now(clock)).setParameter("asOf", asOf)
                .setParameter("quietPeriods", config.alerts().quietPeriods()).setParameter("quietDays", config.alerts().quietDays());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<AlertKind, Integer> found = new EnumMap<>(AlertKind.class);
        rows.forEach(row -> found.put(AlertKind.valueOf((String) row[0]), ((Number) row[1]).intValue()));
        Object[] first = rows.get(0);
        return new CheckOutcome(found, ((Number) first[2]).intValue(), ((Number) first[3]).intValue());
    }

    /**
     * Resolves, as {@code system}, the open alerts of {@code kinds} that {@code cleared} names: a
     * service calls it right after a change that may clear a condition (a meeting recorded, an item
     * completed), inside its transaction. {@code with} as for {@link #run}.
     */
    public int resolve(Collection<AlertKind> kinds, String with, String cleared, Map<String, Object> params) {
        String sql = (with == null || with.isBlank() ? "" : "with " + with + "\n") + RESOLVE.formatted(cleared, literals(kinds));
        Query query = em.createNativeQuery(sql).setParameter("now", Timestamps.now(clock));
        params.forEach(query::setParameter);
        return query.executeUpdate();
    }

    // Kinds are enum constants: safe to write as literals (a list parameter would do, but literals let
    // the planner use the partial index on open alerts per kind).
    private static String literals(Collection<AlertKind> kinds) {
        return kinds.stream().map(kind -> "'" + kind.name() + "'").collect(Collectors.joining(", "));
    }

    private static String values(Collection<AlertKind> kinds) {
        return kinds.stream().map(kind -> "(cast('" + kind.name() + "' as varchar))").collect(Collectors.joining(", "));
    }
}
