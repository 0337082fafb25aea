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

    private PlanningApi() {
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
