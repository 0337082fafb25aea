package cn.worksafety.local;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.GraphQL;
import cn.worksafety.support.ReadPaths;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The compiled read path answers exactly as the GraphQL engine does: every query of a corpus
 * that covers each compiled field, argument and root, for every role acting for a unit in the
 * data's region, a unit elsewhere and no unit, gives the same JSON both ways, and the compiled
 * path did answer it. (Every other test's queries are compared the same way by
 * support.GraphQL; this one walks the role and scope matrix on data of every shape.)
 */
@QuarkusTest
class DifferentialReadTest {

    private static final List<String> ROLES = List.of("admin", "coordinator", "unit-editor", "viewer", "exchange");

    @Inject
    EntityManager em;

    @Inject
    OrganisationSample organisation;

    @Inject
    ResponsibilitySample responsibility;

    @Inject
    PlanningSample planning;

    @Inject
    PlanTaskSample tasks;

    private static World world;

    /** A county of its own beside the seed samples: items of every status, a withdrawn list, plans with observations. */
    record World(String county, Fixtures.Unit office, Fixtures.Unit department, Fixtures.Unit elsewhere, String itemId, String listId,
            String planId, String personId) {
    }

    @BeforeEach
    void load() {
        // Not the training sample: its rules bind every region's people and would change other tests' alerts.
        SampleData.ensureLoaded(em, organisation, responsibility, planning, tasks);
        if (world == null) {
            world = build();
        }
    }

    private static World build() {
        String admin = Tokens.admin();
        String county = Fixtures.county();
        Fixtures.Unit office = Fixtures.unit(county, "OTHER");
        Fixtures.Unit department = Fixtures.department(county);
        Fixtures.Unit elsewhere = Fixtures.department(Fixtures.county());
        String personId = Fixtures.person(department, List.of("SAFETY_MANAGER", "PRINCIPAL_PERSON"), "11010519491231002X", "13812345678");
        Fixtures.person(office, List.of("ENFORCEMENT_OFFICER"), null, "0838-1234567");

        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item("(一)", "DATE", "2020-06-30", office, department, "LEAD"));
        items.add(item("(二)", "LONG_TERM", null, office, department, "RESPONSIBLE"));
        items.add(item("(三)", "DATE_THEN_ONGOING", "2030-12-31", office, office, "LEAD"));
        items.add(item("(四)", "DATE", "2099-01-01", office, elsewhere, "SUPPORTING"));
        Map<String, Object> list = ok(admin, "mutation($i: ResponsibilityListInput!) { createResponsibilityList(input: $i) "
                + "{ id items(first: 10) { edges { node { id } } } } }", vars("i", listInput(office, items))).getMap("data.createResponsibilityList");
        String listId = (String) list.get("id");
        @SuppressWarnings("unchecked")
        List<Map<String, Map<String, String>>> edges = (List<Map<String, Map<String, String>>>) ((Map<String, Object>) list.get("items")).get("edges");
        String itemId = edges.get(0).get("node").get("id");
        report(admin, edges.get(0).get("node").get("id"), department, "2020-05-01", false);
        report(admin, edges.get(0).get("node").get("id"), department, "2020-06-01", true);
        report(admin, edges.get(2).get("node").get("id"), office, "2024-02-29", true);

        Map<String, Object> withdrawn = ok(admin, "mutation($i: ResponsibilityListInput!) { createResponsibilityList(input: $i) { id version } }",
                vars("i", listInput(office, List.of(item("(一)", "DATE", "2021-01-01", office, department, "LEAD"))))).getMap("data.createResponsibilityList");
        ok(admin, "mutation($id: ID!, $v: Int!) { withdrawResponsibilityList(id: $id, version: $v, reason: \"superseded\") { id } }",
                vars("id", withdrawn.get("id"), "v", withdrawn.get("version")));
        // A list issued elsewhere with an item assigned to the department: visible to it through the assignment.
        ok(admin, "mutation($i: ResponsibilityListInput!) { createResponsibilityList(input: $i) { id } }",
                vars("i", listInput(elsewhere, List.of(item("(一)", "DATE", "2026-03-31", elsewhere, department, "RESPONSIBLE")))));

        List<Map<String, Object>> indicators = List.of(
                indicator(1, "LT", 0.01), indicator(2, "GE", 100, "averageYears", 3), indicator(3, "EQ", 0),
                indicator(4, "DECREASE_BY_PERCENT", 10, "baselinePeriod", "2020"),
                indicator(5, "INCREASE_BY_PERCENT", 5, "baselinePeriod", "2018..2020"),
                indicator(6, "LE", 1.35, "responsibleUnitId", department.id()), indicator(7, "GT", 2.5));
        Map<String, Object> plan = ok(admin, "mutation($i: PlanInput!) { createPlan(input: $i) { id indicators { id } } }",
                vars("i", plan(office, indicators))).getMap("data.createPlan");
        @SuppressWarnings("unchecked")
        List<String> ids = ((List<Map<String, String>>) plan.get("indicators")).stream().map(m -> m.get("id")).toList();
        observe(admin, ids.get(0), "2024", 0.012);
        observe(admin, ids.get(0), "2025", 0.009);
        for (int year = 2021; year <= 2024; year++) {
            observe(admin, ids.get(1), String.valueOf(year), 95 + (year - 2021) * 1.5);
        }
        observe(admin, ids.get(2), "2025", 0);
        observe(admin, ids.get(3), "2020", 30);
        observe(admin, ids.get(3), "2025", 27);
        for (int year = 2018; year <= 2021; year++) {
            observe(admin, ids.get(4), String.valueOf(year), 10 + year % 3);
        }
        observe(admin, ids.get(5), "2023", 1.36);
        ok(admin, "mutation { runChecks(asOf: \"2026-01-15\") { alertsRaised } }");
        return new World(county, office, department, elsewhere, itemId, listId, (String) plan.get("id"), personId);
    }

    private static final List<String> CORPUS = List.of(
            "{ me { id code name kind region { code name level parent { code } } parent { id } } }",
            "{ regions { code name level parent { code } } }",
            "query($p: ID) { regions(parentCode: $p) { code name } }",
            "{ units(first: 500) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id code name kind version createdAt updatedAt region { code } parent { code } } } } }",
            "query($r: ID) { units(first: 7, regionCode: $r, kind: DEPARTMENT) { totalCount edges { node { id code } } pageInfo { endCursor hasNextPage } } }",
            "{ units(first: 3, updatedSince: \"2000-01-01T00:00:00+08:00\") { totalCount edges { cursor node { id updatedAt } } pageInfo { endCursor hasNextPage } } }",
            "query($d: ID!) { unit(id: $d) { id code name __typename } }",
            "{ persons(first: 50) { totalCount edges { cursor node { id name roles idNumber phone version unit { code } } } pageInfo { hasNextPage endCursor } } }",
            "query($u: ID) { persons(first: 5, unitId: $u, role: SAFETY_MANAGER) { totalCount edges { node { id idNumber phone } } } }",
            "query($p: ID!) { person(id: $p) { id name idNumber phone unit { code } } }",
            "{ responsibilityLists { id title documentNumber issuedOn withdrawnOn withdrawalReason version updatedAt issuer { code } "
                    + "items(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id number title status completedOn "
                    + "deadline { kind dueOn } progressReports { id reportedOn summary completed filedByOffice countsAsCompletion recordedAt unit { code } } "
                    + "assignments { role unit { code name } } } } } } }",
            "{ responsibilityLists(includeWithdrawn: true) { id withdrawnOn items(first: 2, status: OVERDUE) { totalCount edges { node { id status } } } } }",
            "query($u: ID) { responsibilityLists { id items(first: 3, unitId: $u) { totalCount edges { node { id } } } } }",
            "{ responsibilities(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id number title content unitsText "
                    + "deadlineText version createdAt updatedAt status completedOn list { id title } deadline { kind dueOn } "
                    + "assignments { role unit { name region { name } } } } } } }",
            "query($u: ID, $s: ResponsibilityStatus) { responsibilities(first: 10, status: $s, unitId: $u, includeWithdrawn: true) { totalCount edges { node { id status } } } }",
            "query($l: ID) { responsibilities(first: 5, listId: $l, updatedSince: \"2001-02-03T04:05:06Z\") { totalCount edges { cursor node { id } } pageInfo { endCursor } } }",
            "query($i: ID!) { responsibility(id: $i) { id number status list { id } progressReports { summary } } }",
            "query($l: ID!) { responsibilityList(id: $l) { id title items(first: 2) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }",
            "{ plans { id title kind periodStart periodEnd version updatedAt issuer { code } region { code name } "
                    + "indicators { id sequence category name unitOfMeasure nature periodKind status responsibleUnit { code } "
                    + "target { comparator value baselinePeriod averageYears wording } latest { period value recordedAt reportedBy { code } } "
                    + "observations { id period value reportedBy { code } } } "
                    + "tasks { id number title leadUnit { code } responsibility { id number status deadline { kind dueOn } } } } }",
            "{ plans(kind: FIVE_YEAR) { id } }",
            "query($p: ID!) { plan(id: $p) { id indicators { sequence status latest { value } } } }",
            "{ alerts(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind status period subjectId "
                    + "message raisedAt acknowledgedAt acknowledgedBy resolvedAt resolvedBy resolutionNote version unit { code } } } } }",
            "query($u: ID) { alerts(first: 5, status: OPEN, kind: RESPONSIBILITY_OVERDUE, unitId: $u) { totalCount edges { node { id } } } }",
            "query Two($d: ID!) { a: unit(id: $d) { ...U } b: units(first: 1) { edges { node { ...U ... on Unit { name } } } } __typename } "
                    + "fragment U on Unit { id code __typename }",
            "query($n: Int = 2) { units(first: $n) { edges { node { id } } } }");

    @Test
    void everyRoleGetsTheSameAnswersFromBothReadPaths() {
        Map<String, Object> variables = variables();
        int compared = 0;
        for (String role : ROLES) {
            for (String unit : new String[] { world.office().code(), world.department().code(), world.elsewhere().code(), null }) {
                String token = Tokens.token(unit, role);
                for (String query : CORPUS) {
                    ValidatableResponse answer = GraphQL.post(token, query, variables); // compared with the engine's in GraphQL.post
                    boolean missingRecord = answer.extract().jsonPath().get("errors") != null;
                    assertTrue(missingRecord || ReadPaths.compiled(answer), "not compiled for " + role + "@" + unit + ": " + query);
                    compared++;
                }
            }
        }
        assertEquals(ROLES.size() * 4 * CORPUS.size(), compared);
    }

    @Test
    void pagingThroughEveryUnitWithCursorsGivesTheSamePagesBothWays() {
        String token = Tokens.token(world.office().code(), "coordinator");
        String query = "query($a: String) { units(first: 1, after: $a) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }";
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            var page = ok(token, query, vars("a", after));
            more = page.getBoolean("data.units.pageInfo.hasNextPage");
            after = page.getString("data.units.pageInfo.endCursor");
            pages++;
        }
        assertTrue(pages > 1, "several pages");
        String changed = "query($a: String) { units(first: 1, after: $a, updatedSince: \"2000-01-01T00:00:00Z\") "
                + "{ edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }";
        String cursor = ok(token, changed, vars("a", null)).getString("data.units.pageInfo.endCursor");
        assertFalse(ok(token, changed, vars("a", cursor)).getList("data.units.edges").isEmpty());
    }

    @Test
    void requestsTheEngineMustJudgeAreLeftToIt() {
        String token = Tokens.token(world.office().code(), "viewer");
        // Each answer is compared with the engine's by GraphQL.post; none of them may come from the compiled path.
        for (String query : List.of(
                "{ units(first: 501) { totalCount } }",
                "{ units(after: \"not-a-cursor\") { totalCount } }",
                "{ unit(id: \"x\") { id } }",
                "query($k: UnitKind) { units(kind: $k) { totalCount } }",
                "{ units { totalCount } linkageMechanisms { id } }",
                "{ units @include(if: true) { totalCount } }")) {
            Map<String, Object> variables = query.contains("$k") ? vars("k", "NOT_A_KIND") : Map.of();
            assertFalse(ReadPaths.compiled(GraphQL.post(token, query, variables)), query);
        }
        assertFalse(ReadPaths.compiled(GraphQL.post(null, "{ units { totalCount } }", Map.of())), "anonymous");
        assertFalse(ReadPaths.compiled(GraphQL.post(Tokens.token(world.office().code()), "{ units { totalCount } }", Map.of())),
                "no role");
    }

    private static Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("p", world.personId());
        variables.put("r", world.county());
        variables.put("d", world.department().id());
        variables.put("u", world.department().id());
        variables.put("i", world.itemId());
        variables.put("l", world.listId());
        variables.put("s", "COMPLETED");
        return variables;
    }

    /** An item with {@code unit} in {@code role}, and {@code lead} as its LEAD unit when that role is another. */
    private static Map<String, Object> item(String number, String kind, String dueOn, Fixtures.Unit lead, Fixtures.Unit unit, String role) {
        Map<String, Object> deadline = new HashMap<>();
        deadline.put("kind", kind);
        deadline.put("dueOn", dueOn);
        List<Map<String, Object>> assignments = new ArrayList<>();
        if (!role.equals("LEAD")) {
            assignments.add(Map.of("unitId", lead.id(), "role", "LEAD"));
        }
        assignments.add(Map.of("unitId", unit.id(), "role", role));
        return Map.of("number", number, "title", "Measure " + number, "content", "Text of \"" + number + "\" \\ 第" + number,
                "assignments", assignments, "deadline", deadline);
    }

    private static Map<String, Object> listInput(Fixtures.Unit issuer, List<Map<String, Object>> items) {
        return Map.of("title", "List " + Fixtures.unique("L"), "documentNumber", "广安委〔2022〕22号", "issuerId", issuer.id(),
                "issuedOn", "2022-06-13", "items", items);
    }

    private static void report(String token, String itemId, Fixtures.Unit unit, String on, boolean completed) {
        ok(token, "mutation($i: ProgressReportInput!) { reportProgress(input: $i) { id } }", vars("i", Map.of("responsibilityId", itemId,
                "unitId", unit.id(), "reportedOn", on, "summary", "Report of " + on, "completed", completed)));
    }

    private static Map<String, Object> indicator(int sequence, String comparator, double value, Object... extras) {
        Map<String, Object> target = new HashMap<>(Map.of("comparator", comparator, "value", value));
        Map<String, Object> row = new HashMap<>(Map.of("sequence", sequence, "name", "Indicator " + sequence, "nature", "BINDING",
                "unitOfMeasure", "%", "category", "安全生产", "target", target));
        for (int i = 0; i < extras.length; i += 2) {
            (extras[i].equals("responsibleUnitId") ? row : target).put((String) extras[i], extras[i + 1]);
        }
        return row;
    }

    private static Map<String, Object> plan(Fixtures.Unit issuer, List<Map<String, Object>> indicators) {
        return Map.of("title", "Plan " + Fixtures.unique("P"), "kind", "FIVE_YEAR", "periodStart", "2021-01-01", "periodEnd",
                "2025-12-31", "issuerId", issuer.id(), "indicators", indicators);
    }

    private static void observe(String token, String indicatorId, String period, double value) {
        ok(token, "mutation($i: ObservationInput!) { recordObservation(input: $i) { id } }",
                vars("i", Map.of("indicatorId", indicatorId, "period", period, "value", value)));
    }
}
