package cn.worksafety.planning;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Planning calls over HTTP shared by the planning tests. */
final class PlanningApi {

    static final String CREATE = "mutation($i: PlanInput!) { createPlan(input: $i) { id version indicators { id sequence } } }";
    static final String RECORD = "mutation($i: ObservationInput!) { recordObservation(input: $i) { id period value recordedAt reportedBy { code } } }";
    static final String DASHBOARD = "query($id: ID!) { plan(id: $id) { id title kind periodStart periodEnd version updatedAt "
            + "issuer { code } region { code } indicators { id sequence category name unitOfMeasure nature periodKind "
            + "responsibleUnit { code } target { comparator value baselinePeriod averageYears wording } status "
            + "latest { period value recordedAt reportedBy { code } } observations { period value reportedBy { code } } } } }";

    /** The dashboard with the plan's tasks, their lead units and the linked items with their computed status. */
    static final String DASHBOARD_WITH_TASKS = DASHBOARD.substring(0, DASHBOARD.length() - 4)
            + " tasks { id number title version leadUnit { code } responsibility { id number status deadline { kind dueOn } } } } }";
    static final String TASKS = "query($id: ID!) { plan(id: $id) { id version tasks { id number title version leadUnit { code } "
            + "responsibility { id number status deadline { kind dueOn } } } } }";
    static final String LINK = "mutation($t: ID!, $r: ID) { linkPlanTask(taskId: $t, responsibilityId: $r) "
            + "{ id number version responsibility { id status } } }";
    static final String CREATE_LIST = "mutation($i: ResponsibilityListInput!) { createResponsibilityList(input: $i) "
            + "{ id items(first: 500) { edges { node { id } } } } }";

    private PlanningApi() {
    }

    /** A task row: number and title, plus optional extras (id, leadUnitId, responsibilityId). */
    static Map<String, Object> task(String number, String title, Object... extras) {
        Map<String, Object> row = new HashMap<>();
        row.put("number", number);
        row.put("title", title);
        for (int i = 0; i < extras.length; i += 2) {
            row.put((String) extras[i], extras[i + 1]);
        }
        return row;
    }

    /** A plan input with no indicators and these tasks. */
    static Map<String, Object> planWithTasks(String issuerId, List<Map<String, Object>> tasks) {
        Map<String, Object> input = plan(issuerId, List.of());
        input.put("tasks", tasks);
        return input;
    }

    /** A responsibility-list item: number, deadline kind and due date (null for LONG_TERM), one LEAD unit. */
    static Map<String, Object> item(String number, String kind, String dueOn, String leadUnitId) {
        Map<String, Object> deadline = new HashMap<>();
        deadline.put("kind", kind);
        deadline.put("dueOn", dueOn);
        Map<String, Object> item = new HashMap<>();
        item.put("number", number);
        item.put("title", "Measure " + number);
        item.put("content", "Full text of measure " + number + ".");
        item.put("assignments", List.of(Map.of("unitId", leadUnitId, "role", "LEAD")));
        item.put("deadline", deadline);
        return item;
    }

    /** Creates a responsibility list issued by the unit through the responsibility API; returns its items' ids in order. */
    static List<String> responsibilityList(String token, String issuerId, List<Map<String, Object>> items) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", "List " + System.nanoTime());
        input.put("issuerId", issuerId);
        input.put("issuedOn", "2022-06-13");
        input.put("items", items);
        return ok(token, CREATE_LIST, vars("i", input)).getList("data.createResponsibilityList.items.edges.node.id", String.class);
    }

    /** An indicator row: sequence, comparator and value, plus optional extras (key/value pairs of IndicatorInput or TargetInput). */
    static Map<String, Object> indicator(int sequence, String comparator, double value, Object... extras) {
        Map<String, Object> target = new HashMap<>();
        target.put("comparator", comparator);
        target.put("value", value);
        Map<String, Object> row = new HashMap<>();
        row.put("sequence", sequence);
        row.put("name", "Indicator " + sequence);
        row.put("nature", "BINDING");
        row.put("target", target);
        for (int i = 0; i < extras.length; i += 2) {
            String key = (String) extras[i];
            if (List.of("baselinePeriod", "averageYears", "wording").contains(key)) {
                target.put(key, extras[i + 1]);
            } else {
                row.put(key, extras[i + 1]);
            }
        }
        return row;
    }

    static Map<String, Object> plan(String issuerId, List<Map<String, Object>> indicators) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", "Plan " + System.nanoTime());
        input.put("kind", "FIVE_YEAR");
        input.put("periodStart", "2021-01-01");
        input.put("periodEnd", "2025-12-31");
        input.put("issuerId", issuerId);
        input.put("indicators", indicators);
        return input;
    }

    /** Creates a plan; returns {planId, indicator ids in sequence order...}. */
    static List<String> create(String token, String issuerId, List<Map<String, Object>> indicators) {
        JsonPath json = ok(token, CREATE, vars("i", plan(issuerId, indicators)));
        List<String> ids = new ArrayList<>();
        ids.add(json.getString("data.createPlan.id"));
        ids.addAll(json.getList("data.createPlan.indicators.id"));
        return ids;
    }

    static Map<String, Object> observation(String indicatorId, String period, double value) {
        return Map.of("indicatorId", indicatorId, "period", period, "value", value);
    }

    static JsonPath record(String token, String indicatorId, String period, double value) {
        return ok(token, RECORD, vars("i", observation(indicatorId, period, value)));
    }

    static JsonPath dashboard(String token, String planId) {
        return ok(token, DASHBOARD, vars("id", planId));
    }

    /** Status of each indicator of the plan, in sequence order. */
    static List<String> statuses(String token, String planId) {
        return dashboard(token, planId).getList("data.plan.indicators.status");
    }
}
