package cn.worksafety.duty;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.worksafety.alert.AlertKind;
import cn.worksafety.alert.Check;
import cn.worksafety.alert.CheckOutcome;

/**
 * PLAN_NOT_FILED (002 (十二): 应急预案…报行业主管部门和应急管理局备案): an enterprise bound by a DRILL
 * duty rule in effect with no emergency plan filed, before the as-of date, with both the
 * emergency management bureau designated for its region (or the nearest above) and a
 * DEPARTMENT-kind unit other than that bureau (its industry department). One alert per
 * enterprise (subject and unit = the enterprise, no period); resolved once such a plan exists.
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

    private static final String RAISE = """
            with drill_rules as (
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
                select e.id, e.name, b.bureau_id, (b.bureau_id is null or not %s) as missing_now
                from enterprises e join bureaus b on b.code = e.region_code
                where b.bureau_id is null or not %s
            ), raised as (
                insert into alert (kind, status, period, subject_id, unit_id, message, raised_at)
                select 'PLAN_NOT_FILED', 'OPEN', null, id, id,
                       left(left(name, 200) || case when bureau_id is null
                           then ': no emergency management bureau is designated for its region, so its emergency plan cannot be filed with one.'
                           else ': no emergency plan filed with both its industry department and the emergency management bureau.' end, 1000),
                       now()
                from missing
                on conflict on constraint alert_identity do nothing
                returning 1
            ), reopened as (
                update alert a set status = 'OPEN', acknowledged_at = null, acknowledged_by = null, resolved_at = null,
                       resolved_by = null, resolution_note = null, updated_at = now(), version = a.version + 1
                from missing m
                where a.kind = 'PLAN_NOT_FILED' and a.subject_id = m.id and a.unit_id = m.id and a.period is null
                  and a.training_rule_id is null and a.status = 'RESOLVED' and a.resolved_by = 'system' and m.missing_now
                returning 1
            )
            select (select count(*) from missing), (select count(*) from raised), (select count(*) from reopened)
            """.formatted(BUREAU.formatted("r.path"), FILED.formatted("e.id", "b.bureau_id", "date '9999-12-31'"),
            FILED.formatted("e.id", "b.bureau_id", ":asOf"));

    /** Open alerts whose enterprise now has a plan filed with both (whatever the as-of date); {@code filter} narrows them. */
    private static String resolve(String filter) {
        return """
                update alert a set status = 'RESOLVED', resolved_at = now(), resolved_by = 'system',
                       resolution_note = 'An emergency plan filed with the industry department and the emergency management bureau is recorded.',
                       updated_at = now(), version = a.version + 1
                from unit u join region ur on ur.code = u.region_code
                where a.kind = 'PLAN_NOT_FILED' and a.status <> 'RESOLVED' and u.id = a.unit_id %s
                  and %s
                """.formatted(filter, FILED.formatted("u.id", BUREAU.formatted("ur.path"), "date '9999-12-31'"));
    }

    private static final String RESOLVE = resolve("");
    private static final String RESOLVE_UNIT = resolve("and u.id = :unit");

    @Inject
    EntityManager em;

    @Override
    public CheckOutcome run(LocalDate asOf) {
        Object[] counts = (Object[]) em.createNativeQuery(RAISE).setParameter("asOf", asOf).getSingleResult();
        int resolved = em.createNativeQuery(RESOLVE).executeUpdate();
        return CheckOutcome.of(AlertKind.PLAN_NOT_FILED, ((Number) counts[0]).intValue(),
                ((Number) counts[1]).intValue() + ((Number) counts[2]).intValue(), resolved);
    }

    /** Resolves at once the unit's alert a newly registered plan has cleared. */
    public int resolveCleared(long unitId) {
        return em.createNativeQuery(RESOLVE_UNIT).setParameter("unit", unitId).executeUpdate();
    }
}
