package cn.worksafety.local;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Period;
import cn.worksafety.duty.Drill;
import cn.worksafety.duty.DrillKind;
import cn.worksafety.duty.DutyEvent;
import cn.worksafety.duty.DutyFrequency;
import cn.worksafety.duty.DutyKind;
import cn.worksafety.duty.DutyRule;
import cn.worksafety.duty.EmergencyPlan;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitRepository;

/**
 * The seed duties as rules (sample/duty-rules.csv) bound to the seed units, with events for every
 * other completed period of each rule for the named units (and, for rules binding by kind, for
 * the first bound unit of each kind) so that running the checks in local mode shows met and missed
 * periods; and an emergency plan filed with both required units for the Guangyuan sample
 * enterprise, with one drill, while the Yicheng one has none (PLAN_NOT_FILED only applies to
 * enterprises bound by a DRILL rule: the Guangyuan ones here).
 */
@ApplicationScoped
public class DutySample implements SampleDataSet {

    @Inject
    UnitRepository units;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "duties";
    }

    @Override
    public int order() {
        // After the hazard sample, whose designations (the emergency management bureau) plans are filed with.
        return 70;
    }

    @Override
    public void load() {
        LocalDate today = LocalDate.now(clock);
        for (String[] row : SampleDataSet.csv("sample/duty-rules.csv")) {
            DutyRule rule = new DutyRule();
            rule.title = row[0];
            rule.kind = DutyKind.valueOf(row[1]);
            rule.frequency = DutyFrequency.valueOf(row[2]);
            rule.minimum = Integer.parseInt(row[3]);
            rule.unitKindNames = new ArrayList<>(split(row[4]));
            rule.regionCode = row[5].isEmpty() ? null : row[5];
            for (String code : split(row[6])) {
                rule.unitIds.add(unit(code).id);
            }
            rule.dueDay = row[7].isEmpty() ? null : Integer.valueOf(row[7]);
            rule.graceDays = Integer.parseInt(row[8]);
            rule.effectiveFrom = today.withDayOfMonth(1).minusMonths(Long.parseLong(row[9]));
            em.persist(rule);
            em.flush();
            audit.created("sample-data", rule);
            for (Long unitId : sampleUnits(rule)) {
                events(rule, unitId, today);
            }
        }
        Unit enterprise = unit("GY-QY-WH01");
        EmergencyPlan plan = new EmergencyPlan();
        plan.unitId = enterprise.id;
        plan.title = "（示例）危险化学品泄漏事故应急预案";
        plan.version = "2024 修订版";
        plan.filedOn = today.minusMonths(3);
        plan.filedWithIds = new ArrayList<>(List.of(unit("GY-JJSW").id, unit("GY-YJJ").id));
        em.persist(plan);
        em.flush();
        audit.changed("sample-data", "EmergencyPlan", plan.id, null, audit.snapshot(plan));
        Drill drill = new Drill();
        drill.unitId = enterprise.id;
        drill.planId = plan.id;
        drill.heldOn = today.minusMonths(2);
        drill.kind = DrillKind.FIELD;
        drill.evaluation = "（示例）疏散用时6分钟，预案可行";
        em.persist(drill);
        em.flush();
        audit.created("sample-data", drill);
    }

    /** The named units, else the first unit (by code) the rule binds by kind in its region. */
    private List<Long> sampleUnits(DutyRule rule) {
        if (!rule.unitIds.isEmpty()) {
            return rule.unitIds;
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                select min(u.id) from unit u join region ur on ur.code = u.region_code
                join region rg on rg.code = :region and ur.path like rg.path || '%'
                where u.kind = any(cast(:kinds as varchar[])) group by u.kind""")
                .setParameter("region", rule.regionCode).setParameter("kinds", "{" + String.join(",", rule.unitKindNames) + "}")
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** One event in every other completed period since the rule applies: the others are missed. */
    private void events(DutyRule rule, Long unitId, LocalDate today) {
        Period.Kind kind = rule.frequency.periodKind();
        Period first = Period.containing(rule.effectiveFrom, kind);
        if (first.start().isBefore(rule.effectiveFrom)) {
            first = first.next();
        }
        int n = 0;
        for (Period p = first; p.end().isBefore(today); p = p.next(), n++) {
            if (n % 2 == 1) {
                continue;
            }
            DutyEvent event = new DutyEvent();
            event.ruleId = rule.id;
            event.unitId = unitId;
            event.period = p.key();
            event.happenedOn = p.start().plusDays(1);
            event.summary = "（示例）" + rule.title;
            event.recordedBy = "sample-data";
            em.persist(event);
            audit.created("sample-data", event);
        }
    }

    private static List<String> split(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split("\\|"));
    }

    private Unit unit(String code) {
        return units.findByCode(code).orElseThrow(() -> new IllegalStateException("Sample unit " + code + " is missing"));
    }
}
