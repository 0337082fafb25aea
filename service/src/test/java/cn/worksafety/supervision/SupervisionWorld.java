package cn.worksafety.supervision;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import cn.worksafety.support.TestClock;
import io.restassured.path.json.JsonPath;

/**
 * A county of its own for one test: its committee office (designated, and the issuer of the
 * responsibility lists) and two departments that lead items. Public: the alert tests use it.
 */
public record SupervisionWorld(String county, Fixtures.Unit office, Fixtures.Unit a, Fixtures.Unit b) {

    public static final String RUN = "mutation($d: Date!) { runChecks(asOf: $d) { alertsRaised } }";
    public static final String ALERTS = "query($u: ID, $k: AlertKind) { alerts(unitId: $u, kind: $k, first: 100) { totalCount "
            + "edges { node { id kind status period subjectId resolvedBy resolutionNote closedOn raisedAt } } } }";

    public static SupervisionWorld create() {
        String county = Fixtures.county();
        SupervisionWorld world = new SupervisionWorld(county, Fixtures.unit(county, "OTHER"), Fixtures.department(county),
                Fixtures.department(county));
        ok(Tokens.admin(), "mutation($r: ID!, $u: ID!) { designateUnit(regionCode: $r, role: COMMITTEE_OFFICE, unitId: $u) { role } }",
                vars("r", county, "u", world.office.id()));
        return world;
    }

    /** Today in the service's zone, as the service computes it. */
    public static LocalDate today() {
        return TestClock.today();
    }

    public String coordinator() {
        return Tokens.token(office.code(), "coordinator");
    }

    public String editor(Fixtures.Unit unit) {
        return Tokens.token(unit.code(), "unit-editor");
    }

    /** One item due on the day, led by the unit; returns the item's id. */
    public String item(LocalDate dueOn, Fixtures.Unit lead) {
        Map<String, Object> item = new HashMap<>();
        item.put("number", "1");
        item.put("title", "Measure " + Fixtures.unique("M"));
        item.put("content", "Full text.");
        item.put("assignments", List.of(Map.of("unitId", lead.id(), "role", "LEAD")));
        item.put("deadline", Map.of("kind", "DATE", "dueOn", dueOn.toString()));
        Map<String, Object> input = new HashMap<>();
        input.put("title", "List " + Fixtures.unique("L"));
        input.put("documentNumber", "广安委〔2022〕22号");
        input.put("issuerId", office.id());
        input.put("issuedOn", "2022-06-13");
        input.put("items", List.of(item));
        return ok(coordinator(), "mutation($i: ResponsibilityListInput!) { createResponsibilityList(input: $i) "
                + "{ items(first: 5) { edges { node { id } } } } }", vars("i", input))
                .getString("data.createResponsibilityList.items.edges[0].node.id");
    }

    /** The lead unit reports the item completed on the day. */
    public void complete(String itemId, Fixtures.Unit unit, LocalDate on) {
        ok(editor(unit), "mutation($i: ProgressReportInput!) { reportProgress(input: $i) { id } }",
                vars("i", Map.of("responsibilityId", itemId, "unitId", unit.id(), "reportedOn", on.toString(),
                        "summary", "Done.", "completed", true)));
    }

    public static void run(LocalDate asOf) {
        ok(Tokens.admin(), RUN, vars("d", asOf.toString()));
    }

    public static JsonPath alerts(Fixtures.Unit unit, String kind) {
        return ok(Tokens.admin(), ALERTS, vars("u", unit.id(), "k", kind));
    }

    /** The only alert of the kind for the unit. */
    public static Map<String, Object> onlyAlert(Fixtures.Unit unit, String kind) {
        JsonPath json = alerts(unit, kind);
        if (json.getInt("data.alerts.totalCount") != 1) {
            throw new AssertionError("Expected one " + kind + " alert for " + unit.code() + ": " + json.prettify());
        }
        return json.getMap("data.alerts.edges[0].node");
    }
}
