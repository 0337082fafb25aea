package cn.worksafety.responsibility;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import cn.worksafety.support.TestClock;
import io.restassured.path.json.JsonPath;

/**
 * Test data for responsibility lists, made through the API: a county of its own with a
 * committee office (whose coordinator maintains the lists) and departments, so every test
 * works on its own records.
 */
final class Lists {

    static final String CREATE = "mutation($i: ResponsibilityListInput!) { createResponsibilityList(input: $i) "
            + "{ id items(first: 500) { edges { node { id number version } } } } }";
    static final String REPORT = "mutation($i: ProgressReportInput!) { reportProgress(input: $i) "
            + "{ id completed filedByOffice countsAsCompletion reportedOn unit { code } } }";
    static final String ITEM = "query($id: ID!) { responsibility(id: $id) { id number title version status completedOn "
            + "deadline { kind dueOn } assignments { role unit { code } } progressReports { summary completed unit { code } } } }";

    private Lists() {
    }

    /** Today in the service's zone, as the service computes status. */
    static LocalDate today() {
        return TestClock.today();
    }

    /** A county with its office (issuer, coordinator's unit) and three departments. */
    record Office(String county, Fixtures.Unit office, Fixtures.Unit a, Fixtures.Unit b, Fixtures.Unit c) {
        String coordinator() {
            return Tokens.token(office.code(), "coordinator");
        }

        String editor(Fixtures.Unit unit) {
            return Tokens.token(unit.code(), "unit-editor");
        }

        String viewer() {
            return Tokens.token(office.code(), "viewer");
        }
    }

    static Office office() {
        String county = Fixtures.county();
        return new Office(county, Fixtures.unit(county, "OTHER"), Fixtures.department(county), Fixtures.department(county),
                Fixtures.department(county));
    }

    static Map<String, Object> assignment(Fixtures.Unit unit, String role) {
        return Map.of("unitId", unit.id(), "role", role);
    }

    static Map<String, Object> item(String number, String kind, LocalDate dueOn, List<Map<String, Object>> assignments) {
        Map<String, Object> deadline = new HashMap<>();
        deadline.put("kind", kind);
        deadline.put("dueOn", dueOn == null ? null : dueOn.toString());
        Map<String, Object> item = new HashMap<>();
        item.put("number", number);
        item.put("title", "Measure " + number);
        item.put("content", "Full text of measure " + number + ".");
        item.put("assignments", assignments);
        item.put("deadline", deadline);
        return item;
    }

    static Map<String, Object> listInput(Fixtures.Unit issuer, List<Map<String, Object>> items) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", "List " + Fixtures.unique("L"));
        input.put("documentNumber", "广安委〔2022〕22号");
        input.put("issuerId", issuer.id());
        input.put("issuedOn", "2022-06-13");
        input.put("items", items);
        return input;
    }

    /** The created list: its id and its items' ids in order. */
    record Created(String listId, List<String> itemIds) {
        String item(int index) {
            return itemIds.get(index);
        }
    }

    static Created create(String token, Fixtures.Unit issuer, List<Map<String, Object>> items) {
        JsonPath json = ok(token, CREATE, vars("i", listInput(issuer, items)));
        return new Created(json.getString("data.createResponsibilityList.id"),
                new ArrayList<>(json.getList("data.createResponsibilityList.items.edges.node.id", String.class)));
    }

    static Map<String, Object> report(String itemId, Fixtures.Unit unit, LocalDate on, boolean completed) {
        return Map.of("responsibilityId", itemId, "unitId", unit.id(), "reportedOn", on.toString(),
                "summary", "Done what was asked on " + on, "completed", completed);
    }

    static JsonPath item(String token, String id) {
        return ok(token, ITEM, vars("id", id));
    }

    static String status(String token, String id) {
        return item(token, id).getString("data.responsibility.status");
    }
}
