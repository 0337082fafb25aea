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
 * PLAN_NOT_FILED (002 (十二): 应急预案…报行业主管部门和应急管理局备案): an enterprise bound by a DRILL
 * duty rule in effect with no emergency plan filed, before the as-of date, with both the
 * emergency management bureau designated for its region (or the nearest above) and a
 * DEPARTMENT-kind unit other than that bureau (its industry department). One alert per
 * enterprise (subject and unit = the enterprise, no period); resolved once such a plan exists.
 * Raised, reopened and resolved by {@link AlertLifecycle}, in one statement.
 */
@ApplicationScoped
public class PlanCheck implements Check {

    /** Whether enterprise {@code %1$s} has a plan filed before {@code %3$s} with bureau {@code %2$s} and a department. */
    private static final String FILED = """
            exists (select 1 from emergency_plan p
                    where p.unit_id = %1$s and p.filed_on is not null and p.filed_on < %3$s and %2$s = any(p.filed_with_ids)
                      and exists (select 1 from unit du where du.id = any(p.filed_with_ids) and du.kind = 'DEPARTMENT' and du.id <> %2$s))""";

    /** The designated emergency management bureau of a region's units (nearest designation above). */
    private static final String BUREAU = """
            (select d.unit_id from unit_designation d join region dr on dr.code = d.region_code
             where d.role = 'EMERGENCY_BUREAU' and %s like dr.path || '%%' order by length(dr.path) desc limit 1)""";

    /**
     * Enterprises bound by a DRILL rule in effect as of :asOf without a plan filed with both, whatever
     * the filing date (as {@link #cleared} judges), so a replay of an earlier date never reopens an
     * alert a later filing resolved (the lifecycle would flip it at every run).
     */
    private static final String MISSING = """
            drill_rules as (
                select r.id, r.unit_ids, r.unit_kinds, rg.path as region_path
                from duty_rule r left join region rg on rg.code = r.region_code
                where r.kind = 'DRILL' and r.effective_from < :asOf
            ), enterprises as (
                select u.id, u.name, u.region_code from drill_rules r join unit u on u.id = any(r.unit_ids) where u.kind = 'ENTERPRISE'
                union
                select u.id, u.name, u.region_code from drill_rules r
                join region ur on ur.path like r.region_path || '%%'
                join unit u on u.region_code = ur.code and u.kind = any(r.unit_kinds) and u.kind = 'ENTERPRISE'
                where r.region_path is not null
            ), bureaus as (
                select r.code, %s as bureau_id from region r where r.code in (select distinct region_code from enterprises)
            ), missing as (
                select e.id, e.name, b.bureau_id from enterprises e join bureaus b on b.code = e.region_code
                where b.bureau_id is null or not %s
            )""".formatted(BUREAU.formatted("r.path"), FILED.formatted("e.id", "b.bureau_id", "date '9999-12-31'"));

    private static final String TARGETS = """
            select 'PLAN_NOT_FILED' as kind, id as subject_id, id as unit_id, cast(null as bigint) as training_rule_id,
                   cast(null as varchar) as period,
                   left(name, 200) || case when bureau_id is null
                       then ': no emergency management bureau is designated for its region, so its emergency plan cannot be filed with one.'
                       else ': no emergency plan filed with both its industry department and the emergency management bureau.' end as message
            from missing""";

    /** Open alerts whose enterprise now has a plan filed with both (whatever the as-of date); {@code filter} narrows them. */
    private static String cleared(String filter) {
        return """
                select a.id, 'An emergency plan filed with the industry department and the emergency management bureau is recorded.' as note
                from alert a join unit u on u.id = a.unit_id join region ur on ur.code = u.region_code
                where a.kind = 'PLAN_NOT_FILED' and a.status <> 'RESOLVED' %s
                  and %s""".formatted(filter, FILED.formatted("u.id", BUREAU.formatted("ur.path"), "date '9999-12-31'"));
    }

    private static final List<AlertKind> KINDS = List.of(AlertKind.PLAN_NOT_FILED);
    private static final String CLEARED = cleared("");
    private static final String CLEARED_UNIT = cleared("and u.id = :unit");

    @Inject
    AlertLifecycle lifecycle;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        return lifecycle.run(asOf, KINDS, MISSING, TARGETS, CLEARED, Map.of());
    }

    /** Resolves at once the unit's alert a newly registered plan has cleared. */
    public int resolveCleared(long unitId) {
        return lifecycle.resolve(KINDS, null, CLEARED_UNIT, Map.of("unit", unitId));
    }
}
