package cn.worksafety.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import cn.worksafety.common.AppConfig;
import cn.worksafety.alert.AlertKind;
import cn.worksafety.alert.AlertLifecycle;
import cn.worksafety.alert.Check;
import cn.worksafety.alert.CheckOutcome;

/**
 * SUPERVISION_DUE (RULES.md "Supervision"): an alert still open past the day its next ladder step
 * was due ({@code nextDueOn < asOf}), one per alert and step (subject = the alert, period = the
 * step), for the committee office designated for the alert unit's region or the nearest above it
 * (no office designated: no alert; the board still shows the step due). The steps issued are all
 * the recorded ones, whatever {@code asOf}: a replay of an earlier day never raises a step issued
 * since. Resolved when the step (or one above it) is issued (at once) or the alert is resolved (at
 * the next run); raised, reopened and resolved by {@link AlertLifecycle}, in one statement.
 */
@ApplicationScoped
public class SupervisionDueCheck implements Check {

    private static final String WITH = SupervisionSql.state("true", "true") + """
            ,
            offices as (
                select r.code as region_code,
                       (select d.unit_id from unit_designation d join region dr on dr.code = d.region_code
                        where d.role = 'COMMITTEE_OFFICE' and r.path like dr.path || '%'
                        order by length(dr.path) desc limit 1) as unit_id
                from region r where r.code in (select distinct region_code from state))""";

    private static final String TARGETS = """
            select 'SUPERVISION_DUE' as kind, s.alert_id as subject_id, o.unit_id, cast(null as bigint) as training_rule_id,
                   s.next_step as period,
                   s.kind || ' alert ' || s.alert_id || ' is still open and its next step, ' || s.next_step || ', was due on '
                       || to_char(s.next_due_on, 'YYYY-MM-DD') || '.' as message
            from state s join offices o on o.region_code = s.region_code
            where s.next_step is not null and s.next_due_on < cast(:asOf as date) and o.unit_id is not null""";

    private static final String CLEARED = """
            select d.id, case when x.status = 'RESOLVED' or x.id is null then 'The alert was resolved.'
                              else 'The step ' || d.period || ' was issued, or is no longer the next step of the ladder.' end as note
            from alert d left join alert x on x.id = d.subject_id
            where d.kind = 'SUPERVISION_DUE' and d.status <> 'RESOLVED'
              and not exists (select 1 from state s where s.alert_id = d.subject_id and s.next_step = d.period)""";

    private static final List<AlertKind> KINDS = List.of(AlertKind.SUPERVISION_DUE);

    @Inject
    AlertLifecycle lifecycle;

    @Inject
    AppConfig config;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        return lifecycle.run(asOf, KINDS, WITH, TARGETS, CLEARED, Map.of("zone", config.zone().getId()));
    }

    /** Resolves at once the alert's SUPERVISION_DUE a step just issued has cleared (SupervisionService, in its transaction). */
    public int resolveCleared(long alertId) {
        return lifecycle.resolve(KINDS, SupervisionSql.state("al.id = :alert", "true"), CLEARED + " and d.subject_id = :alert",
                Map.of("zone", config.zone().getId(), "alert", alertId));
    }
}
