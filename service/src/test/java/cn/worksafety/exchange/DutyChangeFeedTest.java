package cn.worksafety.exchange;

import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.hazard.HazardWorld;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Recurring duties in the change feed and the export (V18): scoped by region as the duty reads are. */
@QuarkusTest
class DutyChangeFeedTest {

    static final List<String> TYPES = List.of("DUTY_RULE", "DUTY_EVENT", "INSPECTION", "EMERGENCY_PLAN", "DRILL");
    static final String CHANGES = "query($a: String, $t: [RecordType!]) { changes(after: $a, first: 500, recordTypes: $t) "
            + "{ pageInfo { hasNextPage endCursor } edges { node { recordType recordId operation "
            + "record { __typename ... on Inspection { id heldOn unit { id } hazards { id } } ... on Drill { id heldOn kind } "
            + "... on DutyRule { id title } } } } } }";
    static final String INSPECTION = "mutation($i: InspectionInput!) { recordInspection(input: $i) { id hazards { id } } }";
    static final String DRILL = "mutation($i: DrillInput!) { recordDrill(input: $i) { id } }";
    static final String RULE = "mutation($i: DutyRuleInput!) { createDutyRule(input: $i) { id } }";

    /** Every change of the duty types the reader receives from the start of the feed. */
    static List<Map<String, Object>> pull(String token) {
        List<Map<String, Object>> changes = new ArrayList<>();
        String cursor = null;
        while (true) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("a", cursor);
            variables.put("t", TYPES);
            JsonPath page = ok(token, CHANGES, variables);
            changes.addAll(page.getList("data.changes.edges.node"));
            cursor = page.getString("data.changes.pageInfo.endCursor");
            assertNotNull(cursor);
            if (!page.getBoolean("data.changes.pageInfo.hasNextPage")) {
                return changes;
            }
        }
    }

    static Map<String, Object> change(List<Map<String, Object>> changes, String type, String id) {
        List<Map<String, Object>> found = changes.stream().filter(c -> type.equals(c.get("recordType")) && id.equals(c.get("recordId"))).toList();
        assertEquals(1, found.size(), type + " " + id + " in " + changes);
        return found.get(0);
    }

    static boolean has(List<Map<String, Object>> changes, String type, String id) {
        return changes.stream().anyMatch(c -> type.equals(c.get("recordType")) && id.equals(c.get("recordId")));
    }

    @Test
    void aRecordedInspectionAndDrillAreInTheFeedOfTheirRegionOnly() {
        HazardWorld world = HazardWorld.create();
        Map<String, Object> inspection = new HashMap<>();
        inspection.put("unitId", world.department().id());
        inspection.put("kind", "SPECIAL");
        inspection.put("heldOn", "2026-02-10");
        inspection.put("enterpriseIds", List.of(world.enterprise().id()));
        inspection.put("hazards", List.of(world.input("GENERAL", "2026-02-10", null)));
        JsonPath recorded = ok(HazardWorld.editor(world.department()), INSPECTION, vars("i", inspection));
        String inspectionId = recorded.getString("data.recordInspection.id");
        String hazardId = recorded.getString("data.recordInspection.hazards[0].id");
        String drillId = ok(HazardWorld.editor(world.enterprise()), DRILL, vars("i", Map.of("unitId", world.enterprise().id(),
                "heldOn", "2026-03-01", "kind", "DESK"))).getString("data.recordDrill.id");
        // A rule of the county binding its enterprises by kind.
        String ruleId = ok(Tokens.admin(), RULE, vars("i", Map.of("title", "Drill twice a year", "kind", "DRILL", "frequency",
                "HALF_YEAR", "minimum", 1, "effectiveFrom", "2026-01-01", "regionCode", world.county(), "unitKinds", List.of("ENTERPRISE"))))
                .getString("data.createDutyRule.id");

        List<Map<String, Object>> ours = pull(Tokens.token(world.office().code(), "exchange"));
        Map<String, Object> inspected = change(ours, "INSPECTION", inspectionId);
        assertEquals("UPSERT", inspected.get("operation"));
        Map<?, ?> record = (Map<?, ?>) inspected.get("record");
        assertEquals("Inspection", record.get("__typename"));
        assertEquals(world.department().id(), ((Map<?, ?>) record.get("unit")).get("id"));
        assertEquals(List.of(Map.of("id", hazardId)), record.get("hazards"));
        Map<?, ?> drill = (Map<?, ?>) change(ours, "DRILL", drillId).get("record");
        assertEquals(Map.of("__typename", "Drill", "id", drillId, "heldOn", "2026-03-01", "kind", "DESK"), drill);
        assertEquals("DutyRule", ((Map<?, ?>) change(ours, "DUTY_RULE", ruleId).get("record")).get("__typename"));

        // The enterprise's own reader, in a town below the rule's county, gets the rule that binds it.
        List<Map<String, Object>> enterprise = pull(Tokens.token(world.enterprise().code(), "exchange"));
        assertEquals(ruleId, ((Map<?, ?>) change(enterprise, "DUTY_RULE", ruleId).get("record")).get("id"));
        assertTrue(has(enterprise, "DRILL", drillId));

        List<Map<String, Object>> theirs = pull(Tokens.token(HazardWorld.create().office().code(), "exchange"));
        assertTrue(!has(theirs, "INSPECTION", inspectionId) && !has(theirs, "DRILL", drillId) && !has(theirs, "DUTY_RULE", ruleId),
                theirs.toString());

        // The export follows the same scoping, with the inspection's hazards as its children.
        String exchange = Tokens.token(world.office().code(), "exchange");
        JsonPath line = ExportTest.export(exchange, "inspection").stream().filter(l -> inspectionId.equals(l.getString("recordId")))
                .findFirst().orElseThrow();
        assertEquals(List.of(hazardId), line.getList("record.hazards"));
        assertEquals(List.of(world.enterprise().id()), line.getList("record.enterpriseIds"));
        assertTrue(ExportTest.export(exchange, "drill").stream().anyMatch(l -> drillId.equals(l.getString("recordId"))));
        String other = Tokens.token(HazardWorld.create().office().code(), "exchange");
        assertTrue(ExportTest.export(other, "drill").stream().noneMatch(l -> drillId.equals(l.getString("recordId"))));
        assertTrue(ExportTest.export(other, "emergency-plan").stream().allMatch(l -> l.get("recordType") == null
                || "EMERGENCY_PLAN".equals(l.getString("recordType"))));
    }
}
