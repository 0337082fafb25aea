package cn.worksafety.planning;

import static cn.worksafety.planning.PlanningApi.CREATE;
import static cn.worksafety.planning.PlanningApi.LINK;
import static cn.worksafety.planning.PlanningApi.TASKS;
import static cn.worksafety.planning.PlanningApi.item;
import static cn.worksafety.planning.PlanningApi.planWithTasks;
import static cn.worksafety.planning.PlanningApi.responsibilityList;
import static cn.worksafety.planning.PlanningApi.task;
import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.post;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import cn.worksafety.support.TestClock;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A plan's main tasks over HTTP: linked to responsibility-list items made through the
 * responsibility API, the task shows the item's computed status; updatePlan replaces the task list;
 * linkPlanTask links and unlinks; permissions, scoping and validation.
 */
@QuarkusTest
class PlanTaskTest {

    private static final String UPDATE = "mutation($id: ID!, $v: Int!, $i: PlanInput!) { updatePlan(id: $id, version: $v, input: $i) "
            + "{ id version tasks { id number title leadUnit { code } responsibility { id } } } }";
    private static final String AUDIT = "query($r: ID) { auditTrail(first: 500, recordType: \"PlanTask\", recordId: $r) "
            + "{ edges { node { operation recordType recordId before after } } } }";
    private static final String REPORT = "mutation($i: ProgressReportInput!) { reportProgress(input: $i) { id countsAsCompletion } }";
    private static final String REMOVE = "mutation($id: ID!, $v: Int!) { removeResponsibility(id: $id, version: $v) }";

    private final String admin = Tokens.admin();

    /** A county with its committee office (coordinator's unit, issuer of lists and plans) and a department. */
    private record County(String code, Fixtures.Unit office, Fixtures.Unit department) {
        String coordinator() {
            return Tokens.token(office.code(), "coordinator");
        }
    }

    private static County county() {
        String code = Fixtures.county();
        return new County(code, Fixtures.unit(code, "OTHER"), Fixtures.department(code));
    }

    private static LocalDate today() {
        return TestClock.today();
    }

    private static String createPlan(String token, Map<String, Object> input) {
        return ok(token, CREATE, vars("i", input)).getString("data.createPlan.id");
    }

    private static JsonPath tasks(String token, String planId) {
        return ok(token, TASKS, vars("id", planId));
    }

    private List<Map<String, Object>> audit(String taskId) {
        return ok(admin, AUDIT, vars("r", taskId)).getList("data.auditTrail.edges.node");
    }

    // ---------- linked items and their status ----------

    @Test
    void aTaskLinkedToAResponsibilityItemShowsTheItemsComputedStatus() {
        County county = county();
        String coordinator = county.coordinator();
        String lead = county.department().id();
        List<String> items = responsibilityList(coordinator, county.office().id(), List.of(
                item("(一)", "DATE", today().minusDays(10).toString(), lead),
                item("(二)", "LONG_TERM", null, lead)));

        String planId = createPlan(coordinator, planWithTasks(county.office().id(), List.of(
                task("(一)1.", "完善应急组织体系", "leadUnitId", lead, "responsibilityId", items.get(0)),
                task("(一)2.", "健全统筹协调机制", "responsibilityId", items.get(1)),
                task("(二)1.", "建立完善自然灾害监测预警机制", "leadUnitId", county.office().id()))));

        JsonPath plan = tasks(Tokens.token(county.office().code(), "viewer"), planId);
        assertEquals(List.of("(一)1.", "(一)2.", "(二)1."), plan.getList("data.plan.tasks.number"), "document order");
        assertEquals("完善应急组织体系", plan.getString("data.plan.tasks[0].title"));
        assertEquals(county.department().code(), plan.getString("data.plan.tasks[0].leadUnit.code"));
        assertEquals(items.get(0), plan.getString("data.plan.tasks[0].responsibility.id"));
        assertEquals("(一)", plan.getString("data.plan.tasks[0].responsibility.number"));
        assertEquals("OVERDUE", plan.getString("data.plan.tasks[0].responsibility.status"));
        assertEquals("DATE", plan.getString("data.plan.tasks[0].responsibility.deadline.kind"));
        assertEquals(today().minusDays(10).toString(), plan.getString("data.plan.tasks[0].responsibility.deadline.dueOn"));
        assertNull(plan.get("data.plan.tasks[1].leadUnit"));
        assertEquals("ONGOING", plan.getString("data.plan.tasks[1].responsibility.status"));
        assertNull(plan.get("data.plan.tasks[2].responsibility"));

        // The lead unit completes the item: the task shows it at once (status is computed, never copied).
        ok(Tokens.token(county.department().code(), "unit-editor"), REPORT, vars("i", Map.of("responsibilityId", items.get(0),
                "unitId", lead, "reportedOn", today().toString(), "summary", "Done", "completed", true)));
        assertEquals("COMPLETED", tasks(coordinator, planId).getString("data.plan.tasks[0].responsibility.status"));

        // Each task's creation is audited as a PlanTask.
        String taskId = plan.getString("data.plan.tasks[0].id");
        List<Map<String, Object>> trail = audit(taskId);
        assertEquals(1, trail.size());
        assertEquals("createPlan", trail.get(0).get("operation"));
        assertNull(trail.get(0).get("before"));
        assertEquals(Long.valueOf(items.get(0)), JsonPath.from((String) trail.get(0).get("after")).getLong("responsibilityId"));
    }

    @Test
    void aPlanCreatedWithoutTasksHasNone() {
        County county = county();
        String planId = createPlan(admin, PlanningApi.plan(county.office().id(), List.of()));
        assertEquals(List.of(), tasks(admin, planId).getList("data.plan.tasks"));
    }

    // ---------- updatePlan ----------

    @Test
    void updatePlanReplacesTheTaskListWhenGivenAndLeavesItAloneWhenOmitted() {
        County county = county();
        String coordinator = county.coordinator();
        List<String> items = responsibilityList(coordinator, county.office().id(), List.of(item("(一)", "LONG_TERM", null,
                county.department().id())));
        String planId = createPlan(coordinator, planWithTasks(county.office().id(), List.of(
                task("1", "A", "responsibilityId", items.get(0)), task("2", "B"))));
        JsonPath before = tasks(coordinator, planId);
        List<String> ids = before.getList("data.plan.tasks.id", String.class);
        int version = before.getInt("data.plan.version");

        // Omitted: the tasks stay as they are (and keep their link).
        Map<String, Object> untouched = PlanningApi.plan(county.office().id(), List.of());
        JsonPath kept = ok(coordinator, UPDATE, vars("id", planId, "v", version, "i", untouched));
        assertEquals(ids, kept.getList("data.updatePlan.tasks.id"));
        assertEquals(items.get(0), kept.getString("data.updatePlan.tasks[0].responsibility.id"));
        version = kept.getInt("data.updatePlan.version");

        // Given: B revised and renumbered to 1 (A's number, freed in the same update), A removed, C added.
        JsonPath replaced = ok(coordinator, UPDATE, vars("id", planId, "v", version, "i", planWithTasks(county.office().id(), List.of(
                task("1", "B revised", "id", ids.get(1), "leadUnitId", county.department().id()),
                task("2", "C")))));
        assertEquals(version + 1, replaced.getInt("data.updatePlan.version"));
        assertEquals(List.of("1", "2"), replaced.getList("data.updatePlan.tasks.number"));
        assertEquals(List.of("B revised", "C"), replaced.getList("data.updatePlan.tasks.title"));
        assertEquals(ids.get(1), replaced.getString("data.updatePlan.tasks[0].id"), "a row with an id keeps the task");
        assertEquals(county.department().code(), replaced.getString("data.updatePlan.tasks[0].leadUnit.code"));
        assertFalse(replaced.getList("data.updatePlan.tasks.id").contains(ids.get(0)), "a task left out is removed");

        List<Map<String, Object>> removed = audit(ids.get(0));
        assertEquals("updatePlan", removed.get(removed.size() - 1).get("operation"));
        assertNull(removed.get(removed.size() - 1).get("after"));
        List<Map<String, Object>> revised = audit(ids.get(1));
        assertEquals(List.of("createPlan", "updatePlan"), revised.stream().map(e -> e.get("operation")).toList());
        assertEquals("B", JsonPath.from((String) revised.get(1).get("before")).getString("title"));
        assertEquals("B revised", JsonPath.from((String) revised.get(1).get("after")).getString("title"));

        // An empty list removes every task.
        version = replaced.getInt("data.updatePlan.version");
        assertEquals(List.of(), ok(coordinator, UPDATE, vars("id", planId, "v", version, "i",
                planWithTasks(county.office().id(), List.of()))).getList("data.updatePlan.tasks"));
    }

    // ---------- linkPlanTask ----------

    @Test
    void linkPlanTaskLinksAndUnlinksMovesThePlansVersionAndIsAudited() {
        County county = county();
        String coordinator = county.coordinator();
        List<String> items = responsibilityList(coordinator, county.office().id(), List.of(
                item("(一)", "DATE", today().plusDays(30).toString(), county.department().id())));
        String planId = createPlan(coordinator, planWithTasks(county.office().id(), List.of(task("1", "A"))));
        JsonPath before = tasks(coordinator, planId);
        String taskId = before.getString("data.plan.tasks[0].id");
        int planVersion = before.getInt("data.plan.version");

        JsonPath linked = ok(coordinator, LINK, vars("t", taskId, "r", items.get(0)));
        assertEquals(items.get(0), linked.getString("data.linkPlanTask.responsibility.id"));
        assertEquals("OPEN", linked.getString("data.linkPlanTask.responsibility.status"));
        JsonPath after = tasks(Tokens.token(county.office().code(), "viewer"), planId);
        assertEquals("OPEN", after.getString("data.plan.tasks[0].responsibility.status"));
        assertEquals(planVersion + 1, after.getInt("data.plan.version"), "a link is a change of the plan");

        // An updatePlan built from what was read before the link is stale, so it cannot silently undo it.
        assertEquals("CONFLICT", errorCode(coordinator, UPDATE, vars("id", planId, "v", planVersion, "i",
                planWithTasks(county.office().id(), List.of(task("1", "A", "id", taskId))))));

        Map<String, Object> unlink = new HashMap<>();
        unlink.put("t", taskId);
        unlink.put("r", null);
        assertNull(ok(coordinator, LINK, unlink).get("data.linkPlanTask.responsibility"));
        assertNull(tasks(coordinator, planId).get("data.plan.tasks[0].responsibility"));

        List<Map<String, Object>> trail = audit(taskId);
        assertEquals(List.of("createPlan", "linkPlanTask", "linkPlanTask"), trail.stream().map(e -> e.get("operation")).toList());
        assertNull(JsonPath.from((String) trail.get(1).get("before")).get("responsibilityId"));
        assertEquals(Long.valueOf(items.get(0)), JsonPath.from((String) trail.get(1).get("after")).getLong("responsibilityId"));
        assertEquals(Long.valueOf(items.get(0)), JsonPath.from((String) trail.get(2).get("before")).getLong("responsibilityId"));
        assertNull(JsonPath.from((String) trail.get(2).get("after")).get("responsibilityId"));
    }

    @Test
    void onlyThoseWhoMaintainThePlanLinkItsTasks() {
        County county = county();
        County other = county();
        List<String> items = responsibilityList(county.coordinator(), county.office().id(), List.of(
                item("(一)", "LONG_TERM", null, county.department().id())));
        String planId = createPlan(county.coordinator(), planWithTasks(county.office().id(), List.of(task("1", "A"))));
        String taskId = tasks(admin, planId).getString("data.plan.tasks[0].id");
        Map<String, Object> link = vars("t", taskId, "r", items.get(0));

        for (String role : List.of("unit-editor", "viewer", "exchange")) {
            assertEquals("FORBIDDEN", errorCode(Tokens.token(county.office().code(), role), LINK, link), role);
            assertEquals("FORBIDDEN", errorCode(Tokens.token(county.department().code(), role), LINK, link), role);
        }
        assertEquals("FORBIDDEN", errorCode(Tokens.token(county.department().code(), "unit-editor"), UPDATE, vars("id", planId,
                "v", tasks(admin, planId).getInt("data.plan.version"), "i", planWithTasks(county.office().id(), List.of()))));
        assertEquals("NOT_FOUND", errorCode(other.coordinator(), LINK, link), "another region's plan is not visible");
        assertEquals("NOT_FOUND", errorCode(county.coordinator(), LINK, vars("t", "987654321", "r", items.get(0))));
        assertEquals("UNAUTHENTICATED", errorCode(null, LINK, link));
        assertNull(tasks(admin, planId).get("data.plan.tasks[0].responsibility"), "nothing was linked");

        assertEquals(items.get(0), ok(admin, LINK, link).getString("data.linkPlanTask.responsibility.id"), "admins may");
    }

    // ---------- scoping of the linked item ----------

    @Test
    void anItemOutsideTheCallersRegionIsBadUserInputOnInputAndNullOnRead() {
        County county = county();
        County other = county();
        String coordinator = county.coordinator();
        String foreign = responsibilityList(other.coordinator(), other.office().id(), List.of(
                item("(一)", "LONG_TERM", null, other.department().id()))).get(0);

        // On input: createPlan and linkPlanTask refuse it, naming the field, and write nothing.
        JsonPath refused = post(coordinator, CREATE, vars("i", planWithTasks(county.office().id(), List.of(
                task("1", "A", "responsibilityId", foreign))))).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"));
        assertTrue(refused.getString("errors[0].message").contains("tasks[0].responsibilityId"), refused.getString("errors[0].message"));
        String planId = createPlan(coordinator, planWithTasks(county.office().id(), List.of(task("1", "A"))));
        String taskId = tasks(coordinator, planId).getString("data.plan.tasks[0].id");
        JsonPath linkRefused = post(coordinator, LINK, vars("t", taskId, "r", foreign)).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", linkRefused.getString("errors[0].extensions.code"));
        assertTrue(linkRefused.getString("errors[0].message").contains("'responsibilityId'"), linkRefused.getString("errors[0].message"));
        assertFalse(linkRefused.getString("errors[0].message").contains("Measure"), "nothing about the item leaks");
        assertEquals("BAD_USER_INPUT", errorCode(coordinator, LINK, vars("t", taskId, "r", "987654321")), "no such item");
        assertNull(tasks(coordinator, planId).get("data.plan.tasks[0].responsibility"));
        assertEquals(1, audit(taskId).size(), "only the creation is audited");

        // On read: an admin links it; the county's own readers see null, never the item.
        ok(admin, LINK, vars("t", taskId, "r", foreign));
        assertEquals(foreign, tasks(admin, planId).getString("data.plan.tasks[0].responsibility.id"));
        for (String role : List.of("coordinator", "viewer", "exchange")) {
            JsonPath read = tasks(Tokens.token(county.office().code(), role), planId);
            assertEquals(taskId, read.getString("data.plan.tasks[0].id"), role);
            assertNull(read.get("data.plan.tasks[0].responsibility"), role);
        }
        assertEquals("NOT_FOUND", errorCode(Tokens.token(other.office().code(), "viewer"), TASKS, vars("id", planId)),
                "the link does not open the plan to the item's region either");
    }

    // ---------- validation ----------

    @Test
    void invalidTasksAreBadUserInputNamingTheFieldAndWriteNothing() {
        County county = county();
        County other = county();
        String coordinator = county.coordinator();
        String issuer = county.office().id();
        Map<String, List<Map<String, Object>>> bad = new java.util.LinkedHashMap<>();
        bad.put("tasks[1].number", List.of(task("1", "A"), task(" 1 ", "B")));
        bad.put("tasks[0].title", List.of(task("1", "  ")));
        bad.put("tasks[0].number", List.of(task(" ", "A")));
        bad.put("tasks[0].leadUnitId", List.of(task("1", "A", "leadUnitId", "987654321")));
        bad.put("tasks[1].leadUnitId", List.of(task("1", "A"), task("2", "B", "leadUnitId", other.department().id())));
        bad.put("tasks[0].responsibilityId", List.of(task("1", "A", "responsibilityId", "987654321")));
        bad.put("tasks[0].responsibilityId ", List.of(task("1", "A", "responsibilityId", "not-an-id")));

        for (Map.Entry<String, List<Map<String, Object>>> c : bad.entrySet()) {
            JsonPath error = post(coordinator, CREATE, vars("i", planWithTasks(issuer, c.getValue()))).extract().jsonPath();
            assertEquals("BAD_USER_INPUT", error.getString("errors[0].extensions.code"), c.getKey());
            assertTrue(error.getString("errors[0].message").contains(c.getKey().strip()), c.getKey() + ": " + error.getString("errors[0].message"));
        }
        assertTrue(ok(admin, "{ plans { issuer { id } } }").getList("data.plans.issuer.id").stream().noneMatch(issuer::equals),
                "no rejected createPlan left a plan behind");

        // The same on updatePlan: the plan, its version and its tasks stay as they were.
        String planId = createPlan(coordinator, planWithTasks(issuer, List.of(task("1", "A"), task("2", "B"))));
        JsonPath before = tasks(coordinator, planId);
        int version = before.getInt("data.plan.version");
        List<String> ids = before.getList("data.plan.tasks.id", String.class);
        List<List<Map<String, Object>>> updates = new ArrayList<>(bad.values());
        updates.add(List.of(task("1", "A", "id", "987654321"))); // an id of no task of this plan
        updates.add(List.of(task("1", "A", "id", ids.get(0)), task("2", "A again", "id", ids.get(0))));
        updates.add(List.of(task("9", "fine"), task("1", "A", "leadUnitId", "987654321"))); // a valid row before a bad one
        for (List<Map<String, Object>> rows : updates) {
            assertEquals("BAD_USER_INPUT", errorCode(coordinator, UPDATE, vars("id", planId, "v", version, "i", planWithTasks(issuer, rows))),
                    rows.toString());
        }
        JsonPath unchanged = tasks(coordinator, planId);
        assertEquals(version, unchanged.getInt("data.plan.version"));
        assertEquals(ids, unchanged.getList("data.plan.tasks.id"));
        assertEquals(List.of("A", "B"), unchanged.getList("data.plan.tasks.title"));
        for (String id : ids) {
            assertEquals(1, audit(id).size(), "only the creation is audited");
        }
    }

    // ---------- the other side of the link ----------

    @Test
    void anItemThatTracksATaskCannotBeRemovedUntilUnlinked() {
        County county = county();
        String coordinator = county.coordinator();
        String itemId = responsibilityList(coordinator, county.office().id(), List.of(
                item("(一)", "LONG_TERM", null, county.department().id()))).get(0);
        String planId = createPlan(coordinator, planWithTasks(county.office().id(), List.of(task("1", "A", "responsibilityId", itemId))));
        String taskId = tasks(coordinator, planId).getString("data.plan.tasks[0].id");
        int itemVersion = ok(coordinator, "query($id: ID!) { responsibility(id: $id) { version } }", vars("id", itemId))
                .getInt("data.responsibility.version");

        assertEquals("BAD_USER_INPUT", errorCode(coordinator, REMOVE, vars("id", itemId, "v", itemVersion)));
        Map<String, Object> unlink = new HashMap<>();
        unlink.put("t", taskId);
        unlink.put("r", null);
        ok(coordinator, LINK, unlink);
        assertEquals(itemId, ok(coordinator, REMOVE, vars("id", itemId, "v", itemVersion)).getString("data.removeResponsibility"));
    }
}
