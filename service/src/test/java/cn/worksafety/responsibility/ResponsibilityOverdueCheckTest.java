package cn.worksafety.responsibility;

import static cn.worksafety.responsibility.Lists.assignment;
import static cn.worksafety.responsibility.Lists.item;
import static cn.worksafety.responsibility.Lists.report;
import static cn.worksafety.responsibility.Lists.today;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ResponsibilityOverdueCheckTest {

    private static final String RUN = "mutation($d: Date!) { runChecks(asOf: $d) { alertsRaised overdueResponsibilities } }";
    private static final String ALERTS = "query($u: ID) { alerts(unitId: $u, kind: RESPONSIBILITY_OVERDUE) { totalCount "
            + "edges { node { status period subjectId message unit { code } } } } }";

    private static JsonPath alerts(Fixtures.Unit unit) {
        return ok(Tokens.admin(), ALERTS, vars("u", unit.id()));
    }

    @Test
    void oneAlertPerOverdueItemAndLeadUnitRaisedOnceAndResolvedWhenTheItemCompletes() {
        Lists.Office o = Lists.office();
        var due = today().minusDays(2);
        Lists.Created list = Lists.create(o.coordinator(), o.office(), List.of(
                item("(一)", "DATE", due, List.of(assignment(o.a(), "LEAD"), assignment(o.b(), "LEAD"), assignment(o.c(), "RESPONSIBLE"))),
                item("(二)", "LONG_TERM", null, List.of(assignment(o.a(), "LEAD"))),
                item("(三)", "DATE", today().plusDays(2), List.of(assignment(o.a(), "LEAD")))));

        JsonPath run = ok(Tokens.admin(), RUN, vars("d", today().toString()));
        assertTrue(run.getInt("data.runChecks.overdueResponsibilities") >= 1);
        ok(Tokens.admin(), RUN, vars("d", today().toString()));

        JsonPath forA = alerts(o.a());
        assertEquals(1, forA.getInt("data.alerts.totalCount"));
        assertEquals(list.item(0), forA.getString("data.alerts.edges[0].node.subjectId"));
        assertEquals(due.toString(), forA.getString("data.alerts.edges[0].node.period"));
        assertEquals("OPEN", forA.getString("data.alerts.edges[0].node.status"));
        assertTrue(forA.getString("data.alerts.edges[0].node.message").contains("(一)"));
        assertEquals(1, alerts(o.b()).getInt("data.alerts.totalCount"));
        // A responsible unit is not the one that answers for the item.
        assertEquals(0, alerts(o.c()).getInt("data.alerts.totalCount"));

        // Replaying a day before the due date resolves nothing.
        ok(Tokens.admin(), RUN, vars("d", due.minusDays(5).toString()));
        assertEquals("OPEN", alerts(o.a()).getString("data.alerts.edges[0].node.status"));

        // The lead completes it: both lead units' alerts resolve at once, without waiting for a run.
        ok(o.editor(o.b()), Lists.REPORT, vars("i", report(list.item(0), o.b(), today(), true)));
        assertEquals("RESOLVED", alerts(o.a()).getString("data.alerts.edges[0].node.status"));
        assertEquals("RESOLVED", alerts(o.b()).getString("data.alerts.edges[0].node.status"));
        ok(Tokens.admin(), RUN, vars("d", today().toString()));
        assertEquals(1, alerts(o.a()).getInt("data.alerts.totalCount"));
    }

    @Test
    void reassigningTheLeadMovesTheAlertToTheNewLeadUnit() {
        Lists.Office o = Lists.office();
        String id = Lists.create(o.coordinator(), o.office(), List.of(item("1", "DATE", today().minusDays(1),
                List.of(assignment(o.a(), "LEAD"))))).item(0);
        ok(Tokens.admin(), RUN, vars("d", today().toString()));
        assertEquals("OPEN", alerts(o.a()).getString("data.alerts.edges[0].node.status"));

        int version = Lists.item(o.viewer(), id).getInt("data.responsibility.version");
        ok(o.coordinator(), "mutation($id: ID!, $v: Int!, $a: [AssignmentInput!]!) { reassignResponsibility(id: $id, version: $v, "
                + "assignments: $a) { id } }", vars("id", id, "v", version, "a", List.of(assignment(o.b(), "LEAD"), assignment(o.a(), "RESPONSIBLE"))));
        assertEquals("RESOLVED", alerts(o.a()).getString("data.alerts.edges[0].node.status"));
        ok(Tokens.admin(), RUN, vars("d", today().toString()));
        assertEquals("OPEN", alerts(o.b()).getString("data.alerts.edges[0].node.status"));
        assertEquals(1, alerts(o.a()).getInt("data.alerts.totalCount"));
    }

    @Test
    void aNewDeadlineMissedAgainRaisesANewAlertAndWithdrawingResolvesIt() {
        Lists.Office o = Lists.office();
        Lists.Created list = Lists.create(o.coordinator(), o.office(), List.of(item("1", "DATE_THEN_ONGOING", today().minusDays(30),
                List.of(assignment(o.a(), "LEAD")))));
        String id = list.item(0);
        ok(Tokens.admin(), RUN, vars("d", today().toString()));

        int version = Lists.item(o.viewer(), id).getInt("data.responsibility.version");
        ok(o.coordinator(), "mutation($id: ID!, $v: Int!, $i: ResponsibilityInput!) { updateResponsibility(id: $id, version: $v, input: $i) { id } }",
                vars("id", id, "v", version, "i", item("1", "DATE_THEN_ONGOING", today().minusDays(1), List.of(assignment(o.a(), "LEAD")))));
        ok(Tokens.admin(), RUN, vars("d", today().toString()));
        JsonPath alerts = alerts(o.a());
        assertEquals(2, alerts.getInt("data.alerts.totalCount"));
        assertEquals(List.of("RESOLVED", "OPEN"), alerts.getList("data.alerts.edges.node.status"));
        assertEquals(List.of(today().minusDays(30).toString(), today().minusDays(1).toString()), alerts.getList("data.alerts.edges.node.period"));

        int listVersion = ok(o.viewer(), "query($id: ID!) { responsibilityList(id: $id) { version } }", vars("id", list.listId()))
                .getInt("data.responsibilityList.version");
        ok(o.coordinator(), "mutation($id: ID!, $v: Int!) { withdrawResponsibilityList(id: $id, version: $v) { id } }",
                vars("id", list.listId(), "v", listVersion));
        assertEquals(List.of("RESOLVED", "RESOLVED"), alerts(o.a()).getList("data.alerts.edges.node.status"));
        ok(Tokens.admin(), RUN, vars("d", today().toString()));
        assertEquals(2, alerts(o.a()).getInt("data.alerts.totalCount"));
    }
}
