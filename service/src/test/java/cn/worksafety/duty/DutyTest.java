package cn.worksafety.duty;

import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.post;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import cn.worksafety.supervision.SupervisionWorld;
import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Recurring duties over HTTP on the real database: rules, events, compliance and the checks (RULES.md "Recurring duties"). */
@QuarkusTest
class DutyTest {

    static final String CREATE = "mutation($i: DutyRuleInput!) { createDutyRule(input: $i) { id title kind frequency minimum unitKinds "
            + "region { code } units { id } dueDay graceDays effectiveFrom } }";
    static final String RECORD = "mutation($i: DutyEventInput!) { recordDutyEvent(input: $i) { id period happenedOn late summary "
            + "rule { id } unit { id } } }";
    static final String COMPLIANCE = "query($r: ID!, $u: ID!, $y: Int!) { dutyCompliance(ruleId: $r, unitId: $u, year: $y) { period required done compliant } }";
    static final String RUN = "mutation($d: Date!) { runChecks(asOf: $d) { asOf } }";
    static final String ALERTS = "query($u: ID, $k: AlertKind) { alerts(unitId: $u, kind: $k, first: 500) { edges { node { id kind status period subjectId message } } } }";

    /** A county with a town, an enterprise and a department in the town, and the county's coordinator. */
    record World(String county, String town, Fixtures.Unit enterprise, Fixtures.Unit department, String coordinator) {
        static World create() {
            String county = Fixtures.county();
            String town = Fixtures.town(county);
            Fixtures.Unit office = Fixtures.unit(county, "OTHER");
            return new World(county, town, Fixtures.unit(town, "ENTERPRISE"), Fixtures.department(town),
                    Tokens.token(office.code(), "coordinator"));
        }
    }

    static Map<String, Object> rule(String kind, String frequency, int minimum, String effectiveFrom) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", "Duty " + Fixtures.unique("D"));
        input.put("kind", kind);
        input.put("frequency", frequency);
        input.put("minimum", minimum);
        input.put("effectiveFrom", effectiveFrom);
        return input;
    }

    static Map<String, Object> create(String token, Map<String, Object> input) {
        return ok(token, CREATE, vars("i", input)).getMap("data.createDutyRule");
    }

    static Map<String, Object> event(String ruleId, Fixtures.Unit unit, String on, String period) {
        Map<String, Object> input = new HashMap<>();
        input.put("ruleId", ruleId);
        input.put("unitId", unit.id());
        input.put("happenedOn", on);
        input.put("period", period);
        input.put("summary", "Done on " + on);
        return input;
    }

    static Map<String, Object> record(String token, String ruleId, Fixtures.Unit unit, String on, String period) {
        return ok(token, RECORD, vars("i", event(ruleId, unit, on, period))).getMap("data.recordDutyEvent");
    }

    static String editor(Fixtures.Unit unit) {
        return Tokens.token(unit.code(), "unit-editor");
    }

    static void run(String asOf) {
        ok(Tokens.admin(), RUN, vars("d", asOf));
    }

    /** The rule's alerts of a kind for the unit: period -> status (one alert per unit, rule and period). */
    static Map<String, String> alerts(Fixtures.Unit unit, String kind, String ruleId) {
        List<Map<String, Object>> all = ok(Tokens.admin(), ALERTS, vars("u", unit.id(), "k", kind)).getList("data.alerts.edges.node");
        Map<String, String> byPeriod = new TreeMap<>();
        for (Map<String, Object> alert : all) {
            if (ruleId.equals(alert.get("subjectId"))) {
                String before = byPeriod.put((String) alert.get("period"), (String) alert.get("status"));
                assertEquals(null, before, "one alert per unit, rule and period: " + all);
            }
        }
        return byPeriod;
    }

    static List<Map<String, Object>> compliance(String ruleId, Fixtures.Unit unit, int year) {
        return ok(Tokens.admin(), COMPLIANCE, vars("r", ruleId, "u", unit.id(), "y", year)).getList("data.dutyCompliance");
    }

    static int done(String ruleId, Fixtures.Unit unit, int year) {
        return compliance(ruleId, unit, year).stream().mapToInt(p -> (Integer) p.get("done")).sum();
    }

    // ---------- weeks ----------

    @Test
    void weeklySelfInspectionCountsInIsoWeeksIncludingWeek53AndSkipsThePartialFirstWeek() {
        World world = World.create();
        Map<String, Object> input = rule("SELF_INSPECTION", "WEEK", 1, "2020-12-01"); // a Tuesday: 2020-W49 is partial
        input.put("unitIds", List.of(world.enterprise().id()));
        String ruleId = (String) create(world.coordinator(), input).get("id");

        Map<String, Object> saturday = record(editor(world.enterprise()), ruleId, world.enterprise(), "2021-01-02", null);
        assertEquals("2020-W53", saturday.get("period"), "2 January 2021 lies in ISO week 53 of 2020");
        assertEquals(false, saturday.get("late"));
        assertEquals("2020-W53", record(editor(world.enterprise()), ruleId, world.enterprise(), "2020-12-28", null).get("period"));

        List<Map<String, Object>> weeks = compliance(ruleId, world.enterprise(), 2020);
        assertEquals(53, weeks.size());
        assertEquals("2020-W01", weeks.get(0).get("period"));
        assertEquals(Map.of("period", "2020-W49", "required", 0, "done", 0, "compliant", true), weeks.get(48));
        assertEquals(Map.of("period", "2020-W50", "required", 1, "done", 0, "compliant", false), weeks.get(49));
        assertEquals(Map.of("period", "2020-W53", "required", 1, "done", 2, "compliant", true), weeks.get(52));

        run("2021-01-12");
        assertEquals(Map.of("2020-W50", "OPEN", "2020-W51", "OPEN", "2020-W52", "OPEN", "2021-W01", "OPEN"),
                alerts(world.enterprise(), "MISSED_INSPECTION", ruleId), "W49 is partial, W53 was met, 2021-W01 ended on 10 January");

        // A week-key period must be a week, and a non-return event lies inside its period.
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.enterprise()), RECORD,
                vars("i", event(ruleId, world.enterprise(), "2021-01-02", "2021-01"))));
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.enterprise()), RECORD,
                vars("i", event(ruleId, world.enterprise(), "2021-01-04", "2020-W53"))));
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.enterprise()), RECORD,
                vars("i", event(ruleId, world.enterprise(), "2021-01-04", "2021-W54"))));

        // An event recorded after the alert resolves it; the checks do not raise it again.
        record(editor(world.enterprise()), ruleId, world.enterprise(), "2020-12-16", null);
        assertEquals("RESOLVED", alerts(world.enterprise(), "MISSED_INSPECTION", ruleId).get("2020-W51"));
        run("2021-01-12");
        assertEquals("RESOLVED", alerts(world.enterprise(), "MISSED_INSPECTION", ruleId).get("2020-W51"));
        assertEquals("OPEN", alerts(world.enterprise(), "MISSED_INSPECTION", ruleId).get("2020-W50"));
    }

    // ---------- months, February, returns, grace days ----------

    @Test
    void monthlyReturnsDueOnThe30thAreLateAfterItCountAnywayAndGraceDaysDelayTheAlert() {
        World world = World.create();
        Map<String, Object> input = rule("WRITTEN_RETURN", "MONTH", 1, "2026-01-01");
        input.put("unitKinds", List.of("DEPARTMENT", "TOWN"));
        input.put("dueDay", 30);
        input.put("graceDays", 5);
        Map<String, Object> created = create(world.coordinator(), input);
        String ruleId = (String) created.get("id");
        assertEquals(world.county(), ((Map<?, ?>) created.get("region")).get("code"), "defaults to the coordinator's region");
        Fixtures.Unit department = world.department();

        assertEquals(false, record(editor(department), ruleId, department, "2026-02-28", null).get("late"),
                "the 30th in February is its last day");
        assertEquals(true, record(editor(department), ruleId, department, "2026-03-31", null).get("late"), "due on 30 March");

        run("2026-05-05");
        assertEquals(Map.of("2026-01", "OPEN"), alerts(department, "RETURN_MISSING", ruleId),
                "April's return is still within its 5 grace days on 5 May");
        run("2026-05-06");
        assertEquals(Map.of("2026-01", "OPEN", "2026-04", "OPEN"), alerts(department, "RETURN_MISSING", ruleId));

        // April's return, filed in May: late, counted, and it resolves the alert at once.
        Map<String, Object> late = record(editor(department), ruleId, department, "2026-05-03", "2026-04");
        assertEquals("2026-04", late.get("period"));
        assertEquals(true, late.get("late"));
        assertEquals(Map.of("2026-01", "OPEN", "2026-04", "RESOLVED"), alerts(department, "RETURN_MISSING", ruleId));
        run("2026-05-06");
        assertEquals(Map.of("2026-01", "OPEN", "2026-04", "RESOLVED"), alerts(department, "RETURN_MISSING", ruleId));

        List<Map<String, Object>> months = compliance(ruleId, department, 2026);
        assertEquals(Map.of("period", "2026-01", "required", 1, "done", 0, "compliant", false), months.get(0));
        assertEquals(Map.of("period", "2026-04", "required", 1, "done", 1, "compliant", true), months.get(3));

        // A return cannot precede its period; the unit must be bound; a period key must parse.
        int before = done(ruleId, department, 2026);
        assertEquals("BAD_USER_INPUT", errorCode(editor(department), RECORD, vars("i", event(ruleId, department, "2026-03-31", "2026-04"))));
        assertEquals("BAD_USER_INPUT", errorCode(editor(department), RECORD, vars("i", event(ruleId, department, "2026-03-31", "2026-13"))));
        assertEquals("BAD_USER_INPUT", errorCode(editor(department), RECORD, vars("i", event(ruleId, department, "2026-03-31", "2026-Q1"))));
        assertEquals("BAD_USER_INPUT", errorCode(editor(department), RECORD, vars("i", event(ruleId, department, "2099-01-05", null))),
                "dated in the future");
        assertEquals("BAD_USER_INPUT", errorCode(world.coordinator(), RECORD,
                vars("i", event(ruleId, world.enterprise(), "2026-03-31", null))), "an enterprise is not bound by the rule");
        assertEquals(before, done(ruleId, department, 2026), "rejected events write nothing");
        assertEquals("FORBIDDEN", errorCode(editor(Fixtures.department(world.town())), RECORD,
                vars("i", event(ruleId, department, "2026-03-31", null))), "another bound unit's editor");
    }

    @Test
    void badRulesAreRefusedAndWriteNothing() {
        World world = World.create();
        int before = ok(world.coordinator(), "{ dutyRules { id } }").getList("data.dutyRules").size();
        Map<String, Object> zero = rule("WRITTEN_RETURN", "MONTH", 0, "2026-01-01");
        zero.put("unitIds", List.of(world.department().id()));
        assertEquals("BAD_USER_INPUT", errorCode(world.coordinator(), CREATE, vars("i", zero)), "minimum < 1");
        Map<String, Object> day = rule("WRITTEN_RETURN", "MONTH", 1, "2026-01-01");
        day.put("unitIds", List.of(world.department().id()));
        day.put("dueDay", 32);
        assertEquals("BAD_USER_INPUT", errorCode(world.coordinator(), CREATE, vars("i", day)), "dueDay 32");
        assertEquals("BAD_USER_INPUT", errorCode(world.coordinator(), CREATE, vars("i", rule("DRILL", "YEAR", 1, "2026-01-01"))),
                "binds nobody");
        Map<String, Object> elsewhere = rule("DRILL", "YEAR", 1, "2026-01-01");
        elsewhere.put("unitIds", List.of(World.create().enterprise().id()));
        assertTrue(List.of("FORBIDDEN", "BAD_USER_INPUT").contains(errorCode(world.coordinator(), CREATE, vars("i", elsewhere))),
                "a unit of another county");
        assertEquals(before, ok(world.coordinator(), "{ dutyRules { id } }").getList("data.dutyRules").size());
    }

    // ---------- half-years, a rule starting mid-period ----------

    @Test
    void halfYearlyDrillsFromARuleStartingMidPeriod() {
        World world = World.create();
        Map<String, Object> input = rule("DRILL", "HALF_YEAR", 1, "2025-03-15");
        input.put("unitKinds", List.of("ENTERPRISE"));
        String ruleId = (String) create(world.coordinator(), input).get("id");
        Fixtures.Unit enterprise = world.enterprise();

        assertEquals("2025-H1", record(editor(enterprise), ruleId, enterprise, "2025-06-30", null).get("period"));
        assertEquals("2025-H2", record(editor(enterprise), ruleId, enterprise, "2025-07-01", null).get("period"));
        assertEquals(List.of(Map.of("period", "2025-H1", "required", 0, "done", 1, "compliant", true),
                Map.of("period", "2025-H2", "required", 1, "done", 1, "compliant", true)), compliance(ruleId, enterprise, 2025));

        run("2026-07-02");
        assertEquals(Map.of("2026-H1", "OPEN"), alerts(enterprise, "MISSED_DRILL", ruleId),
                "2025-H1 started before the rule; 2025-H2 was met on its first day");
        // Replaying an earlier date raises nothing new and resolves nothing.
        run("2026-01-15");
        assertEquals(Map.of("2026-H1", "OPEN"), alerts(enterprise, "MISSED_DRILL", ruleId));

        // The other enterprise in the region is bound by kind too; the department is not.
        Fixtures.Unit other = Fixtures.unit(world.town(), "ENTERPRISE");
        run("2026-07-02");
        assertEquals(Map.of("2025-H2", "OPEN", "2026-H1", "OPEN"), alerts(other, "MISSED_DRILL", ruleId));
        assertEquals(Map.of(), alerts(world.department(), "MISSED_DRILL", ruleId));
    }

    // ---------- quarters, two runners ----------

    @Test
    void twoRunnersAtOnceRaiseEachMissedPeriodOnce() throws Exception {
        World world = World.create();
        Map<String, Object> input = rule("COMPREHENSIVE_INSPECTION", "QUARTER", 2, "2025-01-01");
        input.put("unitIds", List.of(world.department().id()));
        String ruleId = (String) create(world.coordinator(), input).get("id");
        record(world.coordinator(), ruleId, world.department(), "2025-03-31", null);
        record(world.coordinator(), ruleId, world.department(), "2025-01-01", null);
        record(world.coordinator(), ruleId, world.department(), "2025-04-01", null);

        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(clients.submit(() -> post(Tokens.admin(), RUN, vars("d", "2026-01-01")).extract().jsonPath()));
            }
            for (Future<JsonPath> answer : answers) {
                JsonPath json = answer.get();
                if (json.get("errors") != null) {
                    assertEquals("CONFLICT", json.getString("errors[0].extensions.code"), json.prettify());
                }
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(Map.of("2025-Q2", "OPEN", "2025-Q3", "OPEN", "2025-Q4", "OPEN"),
                alerts(world.department(), "MISSED_INSPECTION", ruleId), "Q1 had two; Q4 ended on 31 December");
    }

    // ---------- the office's closure and its quiet period (docs/supervision.md) ----------

    static final String CLOSE = "mutation($id: ID!, $r: String!) { closeAlert(id: $id, reason: $r) { status resolvedBy closedOn } }";

    /** The unit's alert of the rule for a period (id, status, resolvedBy, closedOn). */
    static Map<String, Object> alert(Fixtures.Unit unit, String kind, String ruleId, String period) {
        List<Map<String, Object>> all = ok(Tokens.admin(), "query($u: ID, $k: AlertKind) { alerts(unitId: $u, kind: $k, first: 500) "
                + "{ edges { node { id subjectId period status resolvedBy closedOn } } } }", vars("u", unit.id(), "k", kind))
                .getList("data.alerts.edges.node");
        return all.stream().filter(a -> ruleId.equals(a.get("subjectId")) && period.equals(a.get("period"))).findFirst().orElseThrow();
    }

    @Test
    void anOfficeClosedMissedInspectionIsBackOneQuarterLaterIfTheQuarterIsStillMissed() {
        World world = World.create();
        Map<String, Object> input = rule("SPECIAL_INSPECTION", "QUARTER", 1, "2025-01-01");
        input.put("unitIds", List.of(world.department().id()));
        String ruleId = (String) create(world.coordinator(), input).get("id");
        Fixtures.Unit department = world.department();
        run("2025-07-01");
        String q1 = (String) alert(department, "MISSED_INSPECTION", ruleId, "2025-Q1").get("id");
        String q2 = (String) alert(department, "MISSED_INSPECTION", ruleId, "2025-Q2").get("id");

        LocalDate today = SupervisionWorld.today();
        for (String id : List.of(q1, q2)) {
            Map<String, Object> closed = ok(world.coordinator(), CLOSE, vars("id", id, "r", "Inspection postponed by the county"))
                    .getMap("data.closeAlert");
            assertEquals("RESOLVED", closed.get("status"));
            assertEquals(today.toString(), closed.get("closedOn"));
        }
        // Q2 is made good after the closure; Q1 stays missed.
        record(editor(department), ruleId, department, "2025-05-20", null);

        // Quiet for one quarter (the key's frequency, app.alerts.quiet-periods = 1), not 30 days; a replay never reopens.
        run(today.plusDays(30).toString());
        run("2025-07-01");
        run(today.plusMonths(3).minusDays(1).toString());
        assertEquals("RESOLVED", alert(department, "MISSED_INSPECTION", ruleId, "2025-Q1").get("status"));
        run(today.plusMonths(3).toString());
        Map<String, Object> back = alert(department, "MISSED_INSPECTION", ruleId, "2025-Q1");
        assertEquals(q1, back.get("id"));
        assertEquals("OPEN", back.get("status"));
        assertNull(back.get("closedOn"));
        assertNull(back.get("resolvedBy"));

        // Q2's condition has cleared: its closure stands for good.
        Map<String, Object> q2After = alert(department, "MISSED_INSPECTION", ruleId, "2025-Q2");
        assertEquals("RESOLVED", q2After.get("status"));
        assertEquals(today.toString(), q2After.get("closedOn"));
    }
}
