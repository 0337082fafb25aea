package cn.worksafety.responsibility;

import static cn.worksafety.responsibility.Lists.assignment;
import static cn.worksafety.responsibility.Lists.item;
import static cn.worksafety.responsibility.Lists.report;
import static cn.worksafety.responsibility.Lists.status;
import static cn.worksafety.responsibility.Lists.today;
import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.GraphQL;
import cn.worksafety.support.SqlStatements;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ResponsibilityTest {

    private static final String UPDATE = "mutation($id: ID!, $v: Int!, $i: ResponsibilityInput!) { updateResponsibility(id: $id, version: $v, input: $i) "
            + "{ id title version status deadline { kind dueOn } } }";
    private static final String PAGE = "query($s: ResponsibilityStatus, $u: ID, $a: String) { responsibilities(first: 2, after: $a, status: $s, unitId: $u) "
            + "{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status } } } }";

    @Inject
    SessionFactory sessionFactory;

    // ---------- creating and reading ----------

    @Test
    void aWholeListIsCreatedInOneGoAndReadBackWithItsItems() {
        Lists.Office o = Lists.office();
        LocalDate due = today().plusMonths(2);
        Lists.Created list = Lists.create(o.coordinator(), o.office(), List.of(
                item("(一)", "LONG_TERM", null, List.of(assignment(o.a(), "LEAD"), assignment(o.b(), "RESPONSIBLE"))),
                item("(二)", "DATE", due, List.of(assignment(o.b(), "LEAD"), assignment(o.c(), "SUPPORTING")))));

        JsonPath read = ok(o.viewer(), "query($id: ID!) { responsibilityList(id: $id) { title documentNumber issuedOn withdrawnOn "
                + "issuer { code } items { totalCount edges { node { number title content status deadline { kind dueOn } "
                + "assignments { role unit { code } } list { id } } } } } }", vars("id", list.listId()));
        assertEquals("广安委〔2022〕22号", read.getString("data.responsibilityList.documentNumber"));
        assertEquals("2022-06-13", read.getString("data.responsibilityList.issuedOn"));
        assertEquals(o.office().code(), read.getString("data.responsibilityList.issuer.code"));
        assertEquals(2, read.getInt("data.responsibilityList.items.totalCount"));
        String first = "data.responsibilityList.items.edges[0].node.";
        assertEquals("(一)", read.getString(first + "number"));
        assertEquals("LONG_TERM", read.getString(first + "deadline.kind"));
        assertNull(read.getString(first + "deadline.dueOn"));
        assertEquals("ONGOING", read.getString(first + "status"));
        assertEquals(List.of("LEAD", "RESPONSIBLE"), read.getList(first + "assignments.role"));
        assertEquals(List.of(o.a().code(), o.b().code()), read.getList(first + "assignments.unit.code"));
        assertEquals(list.listId(), read.getString(first + "list.id"));
        String second = "data.responsibilityList.items.edges[1].node.";
        assertEquals(due.toString(), read.getString(second + "deadline.dueOn"));
        assertEquals("OPEN", read.getString(second + "status"));
        assertEquals("SUPPORTING", read.getString(second + "assignments[1].role"));
    }

    @Test
    void aListWithOneBadItemIsRejectedWholeAndNothingIsWritten() {
        Lists.Office o = Lists.office();
        var input = Lists.listInput(o.office(), List.of(
                item("(一)", "LONG_TERM", null, List.of(assignment(o.a(), "LEAD"))),
                item("(二)", "DATE", null, List.of(assignment(o.a(), "LEAD"))),
                item("(三)", "LONG_TERM", null, List.of(assignment(o.b(), "RESPONSIBLE")))));
        JsonPath json = GraphQL.post(o.coordinator(), Lists.CREATE, vars("i", input)).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", json.getString("errors[0].extensions.code"));
        String message = json.getString("errors[0].message");
        assertTrue(message.contains("items[1] (二)") && message.contains("dueOn"), message);
        assertTrue(message.contains("items[2] (三)") && message.contains("LEAD"), message);
        assertEquals(0, ok(o.viewer(), "{ responsibilityLists { id } }").getList("data.responsibilityLists").size());
        assertEquals(0, ok(o.viewer(), "query($u: ID) { responsibilities(unitId: $u) { totalCount } }", vars("u", o.a().id()))
                .getInt("data.responsibilities.totalCount"));

        var duplicate = Lists.listInput(o.office(), List.of(item("1", "LONG_TERM", null, List.of(assignment(o.a(), "LEAD"))),
                item("1", "LONG_TERM", null, List.of(assignment(o.a(), "LEAD")))));
        assertEquals("BAD_USER_INPUT", errorCode(o.coordinator(), Lists.CREATE, vars("i", duplicate)));
    }

    // ---------- status, per RULES.md ----------

    @Test
    void aDatedItemGoesFromOpenToOverdueToCompletedByItsLeadOnly() {
        Lists.Office o = Lists.office();
        Lists.Created list = Lists.create(o.coordinator(), o.office(), List.of(
                item("1", "DATE", today().plusDays(1), List.of(assignment(o.a(), "LEAD"), assignment(o.b(), "RESPONSIBLE")))));
        String id = list.item(0);
        assertEquals("OPEN", status(o.viewer(), id));

        // A responsible unit's "completed" is its own part: recorded, but the item stays open.
        JsonPath partial = ok(o.editor(o.b()), Lists.REPORT, vars("i", report(id, o.b(), today(), true)));
        assertFalse(partial.getBoolean("data.reportProgress.countsAsCompletion"));
        assertFalse(partial.getBoolean("data.reportProgress.filedByOffice"));
        assertEquals("OPEN", status(o.viewer(), id));

        // The due date moves into the past: overdue as of today.
        var overdue = item("1", "DATE", today().minusDays(1), List.of(assignment(o.a(), "LEAD"), assignment(o.b(), "RESPONSIBLE")));
        JsonPath updated = ok(o.coordinator(), UPDATE, vars("id", id, "v", version(o, id), "i", overdue));
        assertEquals("OVERDUE", updated.getString("data.updateResponsibility.status"));

        // A progress note from the lead that is not "completed" changes nothing.
        ok(o.editor(o.a()), Lists.REPORT, vars("i", report(id, o.a(), today(), false)));
        assertEquals("OVERDUE", status(o.viewer(), id));

        JsonPath done = ok(o.editor(o.a()), Lists.REPORT, vars("i", report(id, o.a(), today(), true)));
        assertTrue(done.getBoolean("data.reportProgress.countsAsCompletion"));
        JsonPath read = Lists.item(o.viewer(), id);
        assertEquals("COMPLETED", read.getString("data.responsibility.status"));
        assertEquals(today().toString(), read.getString("data.responsibility.completedOn"));
        assertEquals(3, read.getList("data.responsibility.progressReports").size());
    }

    // RULES.md: the ONGOING clause is the specific rule and overrides COMPLETED (docs/responsibility.md).

    @Test
    void aLongTermItemStaysOngoingWhenItsLeadReportsItCompleted() {
        Lists.Office o = Lists.office();
        String id = Lists.create(o.coordinator(), o.office(), List.of(item("1", "LONG_TERM", null,
                List.of(assignment(o.a(), "LEAD"))))).item(0);
        assertEquals("ONGOING", status(o.viewer(), id));
        JsonPath done = ok(o.editor(o.a()), Lists.REPORT, vars("i", report(id, o.a(), today().minusDays(2), true)));
        assertTrue(done.getBoolean("data.reportProgress.countsAsCompletion"));

        // The completing report is recorded and shown, but a standing duty goes on.
        JsonPath read = Lists.item(o.viewer(), id);
        assertEquals("ONGOING", read.getString("data.responsibility.status"));
        assertEquals(today().minusDays(2).toString(), read.getString("data.responsibility.completedOn"));
        // The office's completing report changes nothing either; nor do the status filters disagree.
        ok(o.coordinator(), Lists.REPORT, vars("i", report(id, o.office(), today(), true)));
        assertEquals("ONGOING", status(o.viewer(), id));
        assertEquals(List.of(id), ok(o.viewer(), PAGE, vars("s", "ONGOING", "u", o.a().id())).getList("data.responsibilities.edges.node.id"));
        assertEquals(0, ok(o.viewer(), PAGE, vars("s", "COMPLETED", "u", o.a().id())).getInt("data.responsibilities.totalCount"));
    }

    @Test
    void aDateThenOngoingItemCompletedLateIsCompleted() {
        Lists.Office o = Lists.office();
        LocalDate due = today().minusDays(10);
        String id = Lists.create(o.coordinator(), o.office(), List.of(item("1", "DATE_THEN_ONGOING", due,
                List.of(assignment(o.a(), "LEAD"))))).item(0);
        assertEquals("OVERDUE", status(o.viewer(), id));

        // Done one day after its date: no longer overdue, and not ONGOING ("completed by their date" is not met).
        ok(o.editor(o.a()), Lists.REPORT, vars("i", report(id, o.a(), due.plusDays(1), true)));
        JsonPath read = Lists.item(o.viewer(), id);
        assertEquals("COMPLETED", read.getString("data.responsibility.status"));
        assertEquals(due.plusDays(1).toString(), read.getString("data.responsibility.completedOn"));
        assertEquals(List.of(id), ok(o.viewer(), PAGE, vars("s", "COMPLETED", "u", o.a().id())).getList("data.responsibilities.edges.node.id"));
        assertEquals(0, ok(o.viewer(), PAGE, vars("s", "ONGOING", "u", o.a().id())).getInt("data.responsibilities.totalCount"));
    }

    @Test
    void aDateThenOngoingItemCompletedByItsDateGoesOnAsOngoing() {
        Lists.Office o = Lists.office();
        LocalDate due = today().minusDays(5);
        Lists.Created list = Lists.create(o.coordinator(), o.office(), List.of(
                item("1", "DATE_THEN_ONGOING", due, List.of(assignment(o.a(), "LEAD"))),
                item("2", "DATE_THEN_ONGOING", due, List.of(assignment(o.a(), "LEAD"))),
                item("3", "DATE_THEN_ONGOING", today().plusDays(10), List.of(assignment(o.a(), "LEAD")))));
        assertEquals("OVERDUE", status(o.viewer(), list.item(0)));
        assertEquals("OVERDUE", status(o.viewer(), list.item(1)));
        assertEquals("OPEN", status(o.viewer(), list.item(2)));

        // Completed on the due date itself: in time.
        ok(o.editor(o.a()), Lists.REPORT, vars("i", report(list.item(0), o.a(), due, true)));
        assertEquals("ONGOING", status(o.viewer(), list.item(0)));
        assertEquals(due.toString(), Lists.item(o.viewer(), list.item(0)).getString("data.responsibility.completedOn"));
        // Dated before the due date but filed today: the report's date counts.
        ok(o.editor(o.a()), Lists.REPORT, vars("i", report(list.item(1), o.a(), due.minusDays(1), true)));
        assertEquals("ONGOING", status(o.viewer(), list.item(1)));
        // Completed before a date still to come.
        ok(o.editor(o.a()), Lists.REPORT, vars("i", report(list.item(2), o.a(), today(), true)));
        assertEquals("ONGOING", status(o.viewer(), list.item(2)));
        assertEquals(3, ok(o.viewer(), PAGE, vars("s", "ONGOING", "u", o.a().id())).getInt("data.responsibilities.totalCount"));
    }

    @Test
    void aDateThenOngoingItemIsOpenThenOverdueUntilCompleted() {
        Lists.Office o = Lists.office();
        Lists.Created list = Lists.create(o.coordinator(), o.office(), List.of(
                item("1", "DATE_THEN_ONGOING", today().plusDays(10), List.of(assignment(o.a(), "LEAD"), assignment(o.b(), "RESPONSIBLE"))),
                item("2", "DATE_THEN_ONGOING", today().minusDays(10), List.of(assignment(o.a(), "LEAD")))));
        assertEquals("OPEN", status(o.viewer(), list.item(0)));
        assertEquals("OVERDUE", status(o.viewer(), list.item(1)));
        // A responsible unit's "completed" does not complete the item.
        ok(o.editor(o.b()), Lists.REPORT, vars("i", report(list.item(0), o.b(), today(), true)));
        assertEquals("OPEN", status(o.viewer(), list.item(0)));
        // A lead's progress note that is not "completed" leaves it overdue.
        ok(o.editor(o.a()), Lists.REPORT, vars("i", report(list.item(1), o.a(), today(), false)));
        assertEquals("OVERDUE", status(o.viewer(), list.item(1)));
    }

    @Test
    void theCommitteeOfficeCompletesAnItemWithoutBeingAssigned() {
        Lists.Office o = Lists.office();
        String id = Lists.create(o.coordinator(), o.office(), List.of(item("1", "DATE", today().minusDays(3),
                List.of(assignment(o.a(), "LEAD"))))).item(0);
        assertEquals("OVERDUE", status(o.viewer(), id));
        JsonPath filed = ok(o.coordinator(), Lists.REPORT, vars("i", report(id, o.office(), today().minusDays(1), true)));
        assertTrue(filed.getBoolean("data.reportProgress.filedByOffice"));
        assertTrue(filed.getBoolean("data.reportProgress.countsAsCompletion"));
        assertEquals(o.office().code(), filed.getString("data.reportProgress.unit.code"));
        assertEquals("COMPLETED", status(o.viewer(), id));
    }

    // ---------- optimistic locking ----------

    @Test
    void aStaleVersionIsConflictAndWritesNothing() {
        Lists.Office o = Lists.office();
        String id = Lists.create(o.coordinator(), o.office(), List.of(item("1", "LONG_TERM", null,
                List.of(assignment(o.a(), "LEAD"))))).item(0);
        int seen = version(o, id);

        var first = item("1", "LONG_TERM", null, List.of(assignment(o.a(), "LEAD")));
        first.put("title", "First editor's title");
        JsonPath updated = ok(o.coordinator(), UPDATE, vars("id", id, "v", seen, "i", first));
        assertEquals(seen + 1, updated.getInt("data.updateResponsibility.version"));

        var second = item("9", "DATE", today().plusDays(5), List.of(assignment(o.b(), "LEAD")));
        second.put("title", "Second editor's title");
        assertEquals("CONFLICT", errorCode(o.coordinator(), UPDATE, vars("id", id, "v", seen, "i", second)));
        assertEquals("CONFLICT", errorCode(o.coordinator(), "mutation($id: ID!, $v: Int!, $a: [AssignmentInput!]!) "
                + "{ reassignResponsibility(id: $id, version: $v, assignments: $a) { id } }",
                vars("id", id, "v", seen, "a", List.of(assignment(o.c(), "LEAD")))));
        assertEquals("CONFLICT", errorCode(o.coordinator(), "mutation($id: ID!, $v: Int!) { removeResponsibility(id: $id, version: $v) }",
                vars("id", id, "v", seen)));

        JsonPath read = Lists.item(o.viewer(), id);
        assertEquals("First editor's title", read.getString("data.responsibility.title"));
        assertEquals("1", read.getString("data.responsibility.number"));
        assertEquals("LONG_TERM", read.getString("data.responsibility.deadline.kind"));
        assertEquals(List.of(o.a().code()), read.getList("data.responsibility.assignments.unit.code"));
        assertEquals(seen + 1, read.getInt("data.responsibility.version"));
    }

    // ---------- permissions ----------

    @Test
    void onlyCoordinatorsOfTheRegionMaintainLists() {
        Lists.Office o = Lists.office();
        var input = Lists.listInput(o.office(), List.of(item("1", "LONG_TERM", null, List.of(assignment(o.a(), "LEAD")))));
        assertEquals("UNAUTHENTICATED", errorCode(null, Lists.CREATE, vars("i", input)));
        assertEquals("FORBIDDEN", errorCode(o.viewer(), Lists.CREATE, vars("i", input)));
        assertEquals("FORBIDDEN", errorCode(o.editor(o.a()), Lists.CREATE, vars("i", input)));
        // A coordinator elsewhere cannot see the issuer, let alone issue in its name.
        Lists.Office elsewhere = Lists.office();
        assertEquals("BAD_USER_INPUT", errorCode(elsewhere.coordinator(), Lists.CREATE, vars("i", input)));

        Lists.Created list = Lists.create(o.coordinator(), o.office(), List.of(item("1", "LONG_TERM", null,
                List.of(assignment(o.a(), "LEAD")))));
        String id = list.item(0);
        var change = item("1", "LONG_TERM", null, List.of(assignment(o.a(), "LEAD")));
        assertEquals("NOT_FOUND", errorCode(elsewhere.coordinator(), UPDATE, vars("id", id, "v", 0, "i", change)));
        assertEquals("NOT_FOUND", errorCode(elsewhere.viewer(), Lists.ITEM, vars("id", id)));
        assertEquals("FORBIDDEN", errorCode(o.editor(o.a()), UPDATE, vars("id", id, "v", 0, "i", change)));
        assertEquals("FORBIDDEN", errorCode(o.editor(o.a()), "mutation($id: ID!) { withdrawResponsibilityList(id: $id, version: 0) { id } }",
                vars("id", list.listId())));
    }

    @Test
    void aUnitEditorReportsOnlyForItsOwnAssignedUnit() {
        Lists.Office o = Lists.office();
        String id = Lists.create(o.coordinator(), o.office(), List.of(item("1", "DATE", today().plusDays(3),
                List.of(assignment(o.a(), "LEAD"), assignment(o.b(), "RESPONSIBLE"))))).item(0);
        // For another unit, even a lead one of the same item.
        assertEquals("FORBIDDEN", errorCode(o.editor(o.b()), Lists.REPORT, vars("i", report(id, o.a(), today(), true))));
        // For its own unit that is not assigned to the item.
        assertEquals("FORBIDDEN", errorCode(o.editor(o.c()), Lists.REPORT, vars("i", report(id, o.c(), today(), true))));
        // Viewers never report.
        assertEquals("FORBIDDEN", errorCode(Tokens.token(o.a().code(), "viewer"), Lists.REPORT, vars("i", report(id, o.a(), today(), true))));
        // Not in the future.
        assertEquals("BAD_USER_INPUT", errorCode(o.editor(o.a()), Lists.REPORT, vars("i", report(id, o.a(), today().plusDays(1), true))));
        assertEquals("OPEN", status(o.viewer(), id));
        assertEquals(0, Lists.item(o.viewer(), id).getList("data.responsibility.progressReports").size());
        // An outsider does not even learn that the item exists.
        Lists.Office elsewhere = Lists.office();
        assertEquals("NOT_FOUND", errorCode(elsewhere.editor(elsewhere.a()), Lists.REPORT,
                vars("i", report(id, elsewhere.a(), today(), true))));
    }

    @Test
    void aTownSeesTheDistrictItemsAssignedToItAndNoOthers() {
        Lists.Office o = Lists.office();
        Fixtures.Unit town = Fixtures.unit(Fixtures.town(o.county()), "TOWN");
        Lists.Created list = Lists.create(o.coordinator(), o.office(), List.of(
                item("1", "DATE", today().plusDays(3), List.of(assignment(town, "LEAD"))),
                item("2", "DATE", today().plusDays(3), List.of(assignment(o.a(), "LEAD")))));
        String townViewer = Tokens.token(town.code(), "viewer");
        JsonPath visible = ok(townViewer, "{ responsibilities { totalCount edges { node { id } } } responsibilityLists { id } }");
        assertEquals(List.of(list.item(0)), visible.getList("data.responsibilities.edges.node.id"));
        assertEquals(List.of(list.listId()), visible.getList("data.responsibilityLists.id"));
        assertEquals("NOT_FOUND", errorCode(townViewer, Lists.ITEM, vars("id", list.item(1))));
        assertEquals(1, ok(townViewer, "query($id: ID!) { responsibilityList(id: $id) { items { totalCount } } }", vars("id", list.listId()))
                .getInt("data.responsibilityList.items.totalCount"));
        // And its editor reports on it: completing it, as the lead unit.
        ok(Tokens.token(town.code(), "unit-editor"), Lists.REPORT, vars("i", report(list.item(0), town, today(), true)));
        assertEquals("COMPLETED", status(townViewer, list.item(0)));
    }

    // ---------- maintaining a list ----------

    @Test
    void theOfficeAddsRemovesReassignsAndWithdraws() {
        Lists.Office o = Lists.office();
        Lists.Created list = Lists.create(o.coordinator(), o.office(), List.of(
                item("1", "DATE", today().minusDays(1), List.of(assignment(o.a(), "LEAD"))),
                item("2", "LONG_TERM", null, List.of(assignment(o.a(), "LEAD")))));
        String add = "mutation($l: ID!, $i: ResponsibilityInput!) { addResponsibility(listId: $l, input: $i) { id number status } }";
        JsonPath added = ok(o.coordinator(), add, vars("l", list.listId(), "i", item("3", "DATE", today().plusDays(9),
                List.of(assignment(o.c(), "LEAD")))));
        assertEquals("OPEN", added.getString("data.addResponsibility.status"));
        assertEquals("CONFLICT", errorCode(o.coordinator(), add, vars("l", list.listId(), "i", item("3", "LONG_TERM", null,
                List.of(assignment(o.c(), "LEAD"))))));

        // Reassign: b becomes lead, a supports.
        JsonPath reassigned = ok(o.coordinator(), "mutation($id: ID!, $v: Int!, $a: [AssignmentInput!]!) { reassignResponsibility(id: $id, "
                + "version: $v, assignments: $a) { version assignments { role unit { code } } } }", vars("id", list.item(0), "v",
                        version(o, list.item(0)), "a", List.of(assignment(o.b(), "LEAD"), assignment(o.a(), "SUPPORTING"))));
        assertEquals(List.of(o.b().code(), o.a().code()), reassigned.getList("data.reassignResponsibility.assignments.unit.code"));
        assertEquals(List.of("LEAD", "SUPPORTING"), reassigned.getList("data.reassignResponsibility.assignments.role"));
        assertEquals("BAD_USER_INPUT", errorCode(o.coordinator(), "mutation($id: ID!, $v: Int!, $a: [AssignmentInput!]!) "
                + "{ reassignResponsibility(id: $id, version: $v, assignments: $a) { id } }",
                vars("id", list.item(0), "v", version(o, list.item(0)), "a", List.of(assignment(o.b(), "RESPONSIBLE")))));

        // Remove: an item without reports goes; one with reports stays on record.
        String remove = "mutation($id: ID!, $v: Int!) { removeResponsibility(id: $id, version: $v) }";
        String addedId = added.getString("data.addResponsibility.id");
        assertEquals(addedId, ok(o.coordinator(), remove, vars("id", addedId, "v", version(o, addedId))).getString("data.removeResponsibility"));
        assertEquals("NOT_FOUND", errorCode(o.viewer(), Lists.ITEM, vars("id", addedId)));
        ok(o.editor(o.a()), Lists.REPORT, vars("i", report(list.item(1), o.a(), today(), false)));
        assertEquals("BAD_USER_INPUT", errorCode(o.coordinator(), remove, vars("id", list.item(1), "v", version(o, list.item(1)))));

        // Withdraw: readable by id, gone from the default listings, closed to changes and reports.
        int listVersion = ok(o.viewer(), "query($id: ID!) { responsibilityList(id: $id) { version } }", vars("id", list.listId()))
                .getInt("data.responsibilityList.version");
        JsonPath withdrawn = ok(o.coordinator(), "mutation($id: ID!, $v: Int!) { withdrawResponsibilityList(id: $id, version: $v, "
                + "reason: \"Replaced by the 2023 list\") { withdrawnOn withdrawalReason } }", vars("id", list.listId(), "v", listVersion));
        assertEquals(today().toString(), withdrawn.getString("data.withdrawResponsibilityList.withdrawnOn"));
        assertEquals(0, ok(o.viewer(), "{ responsibilityLists { id } }").getList("data.responsibilityLists").size());
        assertEquals(1, ok(o.viewer(), "{ responsibilityLists(includeWithdrawn: true) { id } }").getList("data.responsibilityLists").size());
        assertEquals(0, ok(o.viewer(), "query($u: ID) { responsibilities(unitId: $u) { totalCount } }", vars("u", o.a().id()))
                .getInt("data.responsibilities.totalCount"));
        assertEquals(2, ok(o.viewer(), "query($u: ID) { responsibilities(unitId: $u, includeWithdrawn: true) { totalCount } }",
                vars("u", o.a().id())).getInt("data.responsibilities.totalCount"));
        assertEquals("BAD_USER_INPUT", errorCode(o.editor(o.a()), Lists.REPORT, vars("i", report(list.item(1), o.a(), today(), true))));
        assertEquals("BAD_USER_INPUT", errorCode(o.coordinator(), add, vars("l", list.listId(), "i", item("4", "LONG_TERM", null,
                List.of(assignment(o.c(), "LEAD"))))));
    }

    // ---------- pagination ----------

    @Test
    void overdueItemsOfAUnitArePagedWithKeysetCursorsAcrossPages() {
        Lists.Office o = Lists.office();
        List<java.util.Map<String, Object>> items = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            items.add(item("D" + i, "DATE", today().minusDays(i), List.of(assignment(o.a(), "LEAD"))));
        }
        items.add(item("L1", "LONG_TERM", null, List.of(assignment(o.a(), "LEAD"))));
        items.add(item("X1", "DATE", today().minusDays(1), List.of(assignment(o.b(), "LEAD"))));
        items.add(item("F1", "DATE", today().plusDays(1), List.of(assignment(o.a(), "RESPONSIBLE"), assignment(o.b(), "LEAD"))));
        Lists.Created list = Lists.create(o.coordinator(), o.office(), items);

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonPath page = ok(o.viewer(), PAGE, vars("s", "OVERDUE", "u", o.a().id(), "a", after));
            assertEquals(5, page.getInt("data.responsibilities.totalCount"));
            assertTrue(page.getList("data.responsibilities.edges.node.status").stream().allMatch("OVERDUE"::equals));
            seen.addAll(page.getList("data.responsibilities.edges.node.id", String.class));
            after = page.getBoolean("data.responsibilities.pageInfo.hasNextPage") ? page.getString("data.responsibilities.pageInfo.endCursor") : null;
            pages++;
        } while (after != null);
        assertEquals(3, pages);
        assertEquals(list.itemIds().subList(0, 5), seen);

        // The same filters on the list's own items field.
        JsonPath nested = ok(o.viewer(), "query($id: ID!, $u: ID) { responsibilityList(id: $id) { open: items(status: OPEN, unitId: $u) "
                + "{ totalCount edges { node { number } } } } }", vars("id", list.listId(), "u", o.a().id()));
        assertEquals(List.of("F1"), nested.getList("data.responsibilityList.open.edges.node.number"));
        JsonPath secondPage = ok(o.viewer(), "query($id: ID!, $a: String) { responsibilityList(id: $id) { items(first: 5, after: $a) "
                + "{ totalCount pageInfo { hasNextPage } edges { node { number } } } } }", vars("id", list.listId(), "a",
                        ok(o.viewer(), "query($id: ID!) { responsibilityList(id: $id) { items(first: 3) { pageInfo { endCursor } } } }",
                                vars("id", list.listId())).getString("data.responsibilityList.items.pageInfo.endCursor")));
        assertEquals(List.of("D4", "D5", "L1", "X1", "F1"), secondPage.getList("data.responsibilityList.items.edges.node.number"));
        assertFalse(secondPage.getBoolean("data.responsibilityList.items.pageInfo.hasNextPage"));
        assertEquals(8, secondPage.getInt("data.responsibilityList.items.totalCount"));
    }

    @Test
    void itemsAskedTwiceWithDifferentFiltersInOneRequestAreRefusedRatherThanAnsweredWrongly() {
        Lists.Office o = Lists.office();
        Lists.Created list = Lists.create(o.coordinator(), o.office(), List.of(
                item("1", "DATE", today().minusDays(1), List.of(assignment(o.a(), "LEAD"))),
                item("2", "DATE", today().plusDays(1), List.of(assignment(o.a(), "LEAD"))),
                item("3", "LONG_TERM", null, List.of(assignment(o.a(), "LEAD")))));
        assertEquals("BAD_USER_INPUT", errorCode(o.viewer(), "query($id: ID!) { responsibilityList(id: $id) { overdue: items(status: OVERDUE) "
                + "{ edges { node { number } } } open: items(status: OPEN) { edges { node { number } } } } }", vars("id", list.listId())));
        // The same arguments twice are fine, and each view is one query of its own.
        JsonPath same = ok(o.viewer(), "query($id: ID!) { responsibilityList(id: $id) { a: items(status: OVERDUE) { totalCount } "
                + "b: items(status: OVERDUE) { totalCount } } }", vars("id", list.listId()));
        assertEquals(1, same.getInt("data.responsibilityList.b.totalCount"));
        JsonPath views = ok(o.viewer(), "query($id: ID) { overdue: responsibilities(listId: $id, status: OVERDUE) { edges { node { number } } } "
                + "open: responsibilities(listId: $id, status: OPEN) { edges { node { number } } } }", vars("id", list.listId()));
        assertEquals(List.of("1"), views.getList("data.overdue.edges.node.number"));
        assertEquals(List.of("2"), views.getList("data.open.edges.node.number"));
    }

    @Test
    void aProgressReportShowsInAChangedSincePull() {
        Lists.Office o = Lists.office();
        Lists.Created list = Lists.create(o.coordinator(), o.office(), List.of(
                item("1", "LONG_TERM", null, List.of(assignment(o.a(), "LEAD"))),
                item("2", "LONG_TERM", null, List.of(assignment(o.a(), "LEAD")))));
        String since = ok(o.viewer(), "query($id: ID!) { responsibility(id: $id) { updatedAt } }", vars("id", list.item(1)))
                .getString("data.responsibility.updatedAt");
        int versionBefore = version(o, list.item(0));
        ok(o.editor(o.a()), Lists.REPORT, vars("i", report(list.item(0), o.a(), today(), false)));
        JsonPath changed = ok(o.viewer(), "query($s: DateTime, $u: ID) { responsibilities(updatedSince: $s, unitId: $u) { edges { node { id } } } }",
                vars("s", since, "u", o.a().id()));
        List<String> ids = changed.getList("data.responsibilities.edges.node.id", String.class);
        assertEquals(list.item(0), ids.get(ids.size() - 1));
        // A report is not an edit: the version an editor holds stays valid.
        assertEquals(versionBefore, version(o, list.item(0)));
    }

    // ---------- SQL statements ----------

    /**
     * Every list has an issuer of its own, every item a lead unit of its own (in one of several
     * towns) and reports come from units assigned to nothing: a per-item lookup of list, issuer,
     * assignment unit, its region or report unit cannot be answered from the session cache of an
     * earlier field, so it would make 40 items cost more statements than 5 (which span 2 lists).
     */
    @Test
    void fortyItemsOfTenListsWithTheirOwnIssuersAndUnitsCostAFixedNumberOfStatements() {
        Lists.Office o = Lists.office();
        List<String> towns = List.of(Fixtures.town(o.county()), Fixtures.town(o.county()), Fixtures.town(o.county()));
        List<String> ids = new ArrayList<>();
        for (int l = 0; l < 10; l++) {
            List<java.util.Map<String, Object>> items = new ArrayList<>();
            for (int k = 1; k <= 4; k++) {
                int i = l * 4 + k;
                Fixtures.Unit lead = Fixtures.department(towns.get(i % towns.size()));
                items.add(item("N" + i, i % 2 == 0 ? "DATE" : "LONG_TERM", i % 2 == 0 ? today().minusDays(i) : null,
                        List.of(assignment(lead, "LEAD"), assignment(o.a(), "RESPONSIBLE"), assignment(o.b(), "SUPPORTING"))));
            }
            ids.addAll(Lists.create(o.coordinator(), Fixtures.department(o.county()), items).itemIds());
        }
        for (int i = 0; i < 40; i += 3) {
            Fixtures.Unit reporter = Fixtures.department(towns.get(i % towns.size()));
            ok(o.coordinator(), Lists.REPORT, vars("i", report(ids.get(i), reporter, today(), i % 2 == 0)));
        }
        String query = "query($n: Int) { responsibilities(first: $n) { totalCount edges { node { id number status "
                + "completedOn deadline { kind dueOn } list { title issuer { code } } assignments { role unit { code name region { code } } } "
                + "progressReports { summary unit { code region { code } } } } } } }";

        long five = statements(o.viewer(), query, vars("n", 5), 5);
        JsonPath all = ok(o.viewer(), query, vars("n", 40));
        assertEquals(ids, all.getList("data.responsibilities.edges.node.id"));
        assertEquals(10, new HashSet<>(all.getList("data.responsibilities.edges.node.list.issuer.code")).size());
        assertEquals(14, new HashSet<>(all.getList("data.responsibilities.edges.node.progressReports.unit.code").stream()
                .flatMap(units -> ((List<?>) units).stream()).toList()).size());
        long forty = statements(o.viewer(), query, vars("n", 40), 40);
        System.out.printf("responsibilities with nested assignments: %d SQL statements for 5 items, %d for 40%n", five, forty);
        assertEquals(five, forty, "the statement count must not grow with the number of items, lists, issuers or units");
        assertTrue(forty <= 14, "at most 14 statements, was " + forty);
    }

    private long statements(String token, String query, Map<String, Object> variables, int expectedItems) {
        long count = SqlStatements.cost(sessionFactory, () -> ok(token, query, variables));
        JsonPath json = ok(token, query, variables);
        assertEquals(expectedItems, json.getList("data.responsibilities.edges").size());
        assertEquals(3, json.getList("data.responsibilities.edges[0].node.assignments").size());
        assertEquals(expectedItems, new HashSet<>(json.getList("data.responsibilities.edges.node.id")).size());
        return count;
    }

    private static int version(Lists.Office o, String id) {
        return Lists.item(o.viewer(), id).getInt("data.responsibility.version");
    }
}
