package cn.worksafety.supervision;

/**
 * Where each open alert stands on its ladder, in set-based SQL shared by the SUPERVISION_DUE check
 * and the board (docs/supervision.md).
 */
final class SupervisionSql {

    private SupervisionSql() {
    }

    /**
     * CTEs (without the keyword) ending in {@code state}: one row per open alert chosen by
     * {@code alertCondition} (on {@code al}, {@code u} its unit, {@code r} the unit's region) with
     * alert_id, kind, unit_id, region_code, current_step, next_step and next_due_on. The ladder is the
     * one of the unit's region or the nearest region above with its own, else the default (looked up
     * once per kind and region, not per alert). The current step is the issued action (among those
     * {@code actionCondition} on {@code x} admits) whose step stands highest on the ladder; the next
     * step is the ladder's following one, due its afterDays after the current step was issued, or
     * after the day the alert was raised ({@code :zone}) when none was.
     */
    static String state(String alertCondition, String actionCondition) {
        return """
                open_alerts as (
                    select al.id, al.kind, al.unit_id, al.raised_at, r.code as region_code, r.path
                    from alert al join unit u on u.id = al.unit_id join region r on r.code = u.region_code
                    where al.status <> 'RESOLVED' and (%s)),
                ladders as (
                    select p.kind, p.region_code,
                           (select l.region_code from supervision_ladder l left join region lr on lr.code = l.region_code
                            where l.alert_kind = p.kind and (l.region_code is null or p.path like lr.path || '%%')
                            order by length(lr.path) desc nulls last limit 1) as ladder_region
                    from (select distinct kind, region_code, path from open_alerts) p),
                steps as (
                    select a.id as alert_id, s.position, s.step, s.after_days
                    from open_alerts a
                    join ladders l on l.kind = a.kind and l.region_code = a.region_code
                    join supervision_ladder_step s on s.alert_kind = a.kind and s.region_code is not distinct from l.ladder_region),
                current_steps as (
                    select distinct on (x.alert_id) x.alert_id, st.position, x.step, x.issued_on
                    from supervision_action x join steps st on st.alert_id = x.alert_id and st.step = x.step
                    where (%s)
                    order by x.alert_id, st.position desc, x.issued_on desc, x.id desc),
                state as (
                    select a.id as alert_id, a.kind, a.unit_id, a.region_code, c.step as current_step, n.step as next_step,
                           coalesce(c.issued_on, cast(a.raised_at at time zone cast(:zone as text) as date)) + n.after_days as next_due_on
                    from open_alerts a
                    left join current_steps c on c.alert_id = a.id
                    left join lateral (select s.step, s.after_days from steps s
                                       where s.alert_id = a.id and s.position > coalesce(c.position, 0)
                                       order by s.position limit 1) n on true)""".formatted(alertCondition, actionCondition);
    }
}
