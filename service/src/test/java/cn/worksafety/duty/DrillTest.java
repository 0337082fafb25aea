package cn.worksafety.duty;

import static cn.worksafety.duty.DutyTest.alerts;
import static cn.worksafety.duty.DutyTest.editor;
import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.hazard.HazardWorld;
import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/** Emergency plans, drills and PLAN_NOT_FILED over HTTP. */
@QuarkusTest
class DrillTest {

    static final String PLAN = "mutation($i: EmergencyPlanInput!) { registerEmergencyPlan(input: $i) { id title version filedOn "
            + "unit { id } filedWith { id } } }";
    static final String DRILL = "mutation($i: DrillInput!) { recordDrill(input: $i) { id heldOn kind evaluation unit { id } "
            + "plan { id title version filedWith { id } } } }";
    static final String ALERTS = "query($u: ID) { alerts(unitId: $u, kind: PLAN_NOT_FILED, first: 50) { edges { node { status subjectId period } } } }";

    static Map<String, Object> plan(Fixtures.Unit unit, String version, String filedOn, List<String> filedWith) {
        Map<String, Object> input = new HashMap<>();
        input.put("unitId", unit.id());
        input.put("title", "Hazardous chemicals leak plan");
        input.put("version", version);
        input.put("filedOn", filedOn);
        input.put("filedWithIds", filedWith);
        return input;
    }

    static Map<String, Object> drill(Fixtures.Unit unit, String planId, String heldOn) {
        Map<String, Object> input = new HashMap<>();
        input.put("unitId", unit.id());
        input.put("planId", planId);
        input.put("heldOn", heldOn);
        input.put("kind", "FIELD");
        input.put("evaluation", "Evacuation in 6 minutes");
        return input;
    }

    /** The enterprise's PLAN_NOT_FILED statuses (one alert per enterprise at most). */
    static List<String> planAlerts(Fixtures.Unit enterprise) {
        List<Map<String, Object>> all = ok(Tokens.admin(), ALERTS, vars("u", enterprise.id())).getList("data.alerts.edges.node");
        all.forEach(a -> assertEquals(enterprise.id(), a.get("subjectId")));
        return all.stream().map(a -> (String) a.get("status")).toList();
    }

    @Test
    void anEnterpriseThatMustDrillNeedsItsPlanFiledWithItsDepartmentAndTheBureau() {
        HazardWorld world = HazardWorld.create();
        Fixtures.Unit enterprise = world.enterprise();
        Map<String, Object> rule = DutyTest.rule("DRILL", "HALF_YEAR", 1, "2026-01-01");
        rule.put("unitIds", List.of(enterprise.id()));
        String ruleId = (String) DutyTest.create(Tokens.admin(), rule).get("id");
        Fixtures.Unit unbound = Fixtures.unit(world.town(), "ENTERPRISE");

        DutyTest.run("2026-07-02");
        assertEquals(List.of("OPEN"), planAlerts(enterprise));
        assertEquals(List.of(), planAlerts(unbound), "no drill rule binds it");
        assertEquals(Map.of("2026-H1", "OPEN"), alerts(enterprise, "MISSED_DRILL", ruleId));

        ok(editor(enterprise), PLAN, vars("i", plan(enterprise, "2026 v1", "2026-03-01", List.of(world.department().id()))));
        assertEquals(List.of("OPEN"), planAlerts(enterprise), "filed with the department only");
        JsonPath filed = ok(editor(enterprise), PLAN,
                vars("i", plan(enterprise, "2026 v2", "2026-03-10", List.of(world.department().id(), world.bureau().id()))));
        String planId = filed.getString("data.registerEmergencyPlan.id");
        assertEquals("2026 v2", filed.getString("data.registerEmergencyPlan.version"));
        assertEquals(List.of(world.department().id(), world.bureau().id()), filed.getList("data.registerEmergencyPlan.filedWith.id"));
        assertEquals(List.of("RESOLVED"), planAlerts(enterprise), "filed with both: resolved at once");
        DutyTest.run("2026-07-02");
        assertEquals(List.of("RESOLVED"), planAlerts(enterprise));
        DutyTest.run("2026-03-05");
        assertEquals(List.of("RESOLVED"), planAlerts(enterprise), "a replay of a day before the filing does not reopen it");

        JsonPath drill = ok(editor(enterprise), DRILL, vars("i", drill(enterprise, planId, "2026-06-20")));
        assertEquals("2026 v2", drill.getString("data.recordDrill.plan.version"));
        assertEquals(Map.of("2026-H1", "RESOLVED"), alerts(enterprise, "MISSED_DRILL", ruleId), "the drill fills 2026-H1");
        assertEquals(Map.of("period", "2026-H1", "required", 1, "done", 1, "compliant", true),
                DutyTest.compliance(ruleId, enterprise, 2026).get(0));
    }

    @Test
    void badPlansAndDrillsAreRefused() {
        HazardWorld world = HazardWorld.create();
        Fixtures.Unit enterprise = world.enterprise();
        String otherPlan = ok(editor(world.department()), PLAN, vars("i", plan(world.department(), "1", null, null)))
                .getString("data.registerEmergencyPlan.id");
        assertEquals("BAD_USER_INPUT", errorCode(editor(enterprise), DRILL, vars("i", drill(enterprise, otherPlan, "2026-06-20"))),
                "another unit's plan");
        assertEquals("BAD_USER_INPUT", errorCode(editor(enterprise), DRILL, vars("i", drill(enterprise, null, "2099-06-20"))), "future");
        assertEquals("BAD_USER_INPUT", errorCode(editor(enterprise), PLAN,
                vars("i", plan(enterprise, "1", null, List.of(world.bureau().id())))), "filed with someone but no date");
        assertEquals("FORBIDDEN", errorCode(editor(world.park()), DRILL, vars("i", drill(enterprise, null, "2026-06-20"))),
                "another unit's editor");
    }
}
