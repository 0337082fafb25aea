package cn.worksafety.alert;

import static cn.worksafety.supervision.SupervisionWorld.onlyAlert;
import static cn.worksafety.supervision.SupervisionWorld.run;
import static cn.worksafety.supervision.SupervisionWorld.today;
import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.post;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.worksafety.supervision.SupervisionWorld;
import cn.worksafety.support.TestClock;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The shared alert lifecycle (RULES.md: Supervision; AlertLifecycle), on RESPONSIBILITY_OVERDUE. */
@QuarkusTest
class AlertLifecycleTest {

    @Inject
    DataSource dataSource;

    private static final String KIND = "RESPONSIBILITY_OVERDUE";
    private static final String RESOLVE = "mutation($id: ID!) { resolveAlert(id: $id, note: \"We did it\") { status } }";
    private static final String CLOSE = "mutation($id: ID!, $r: String!) { closeAlert(id: $id, reason: $r) { status resolvedBy resolutionNote closedOn } }";

    @Test
    void recordsAndAlertsTakeTheirTimesFromTheServiceClockNotTheDatabase() throws Exception {
        TestClock.setDate(LocalDate.of(2025, 5, 6));
        try {
            SupervisionWorld w = SupervisionWorld.create();
            String item = w.item(today().minusDays(1), w.a());
            run(today());
            String id = (String) onlyAlert(w.a(), KIND).get("id");
            w.complete(item, w.a(), today());
            assertEquals("RESOLVED", onlyAlert(w.a(), KIND).get("status"));
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("select a.raised_at, a.created_at, a.updated_at, a.resolved_at, r.created_at "
                            + "from alert a, responsibility r where a.id = ? and r.id = ?")) {
                ps.setLong(1, Long.parseLong(id));
                ps.setLong(2, Long.parseLong(item));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    for (int column = 1; column <= 5; column++) {
                        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
                        assertEquals(today(), at.atZoneSameInstant(TestClock.ZONE).toLocalDate(), "column " + column);
                    }
                }
            }
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void aUnitEditorCannotResolveItsOwnAlertButMayAcknowledgeIt() {
        SupervisionWorld w = SupervisionWorld.create();
        w.item(today().minusDays(1), w.a());
        run(today());
        String id = (String) onlyAlert(w.a(), KIND).get("id");

        String editor = w.editor(w.a());
        String message = post(editor, RESOLVE, vars("id", id)).extract().path("errors[0].message");
        assertEquals("FORBIDDEN", errorCode(editor, RESOLVE, vars("id", id)));
        assertTrue(message.contains("Only the committee office"), message);
        assertEquals("FORBIDDEN", errorCode(editor, CLOSE, vars("id", id, "r", "Done")));
        assertEquals("OPEN", onlyAlert(w.a(), KIND).get("status"));

        assertEquals("ACKNOWLEDGED", ok(editor, "mutation($id: ID!) { acknowledgeAlert(id: $id) { status } }", vars("id", id))
                .getString("data.acknowledgeAlert.status"));
        // A coordinator of another county does not see it.
        assertEquals("NOT_FOUND", errorCode(SupervisionWorld.create().coordinator(), CLOSE, vars("id", id, "r", "Done")));
    }

    @Test
    void anOfficeClosureHoldsForTheQuietPeriodThenTheAlertIsBackIfTheConditionHolds() {
        SupervisionWorld w = SupervisionWorld.create();
        w.item(today().minusDays(1), w.a());
        run(today());
        String id = (String) onlyAlert(w.a(), KIND).get("id");

        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), CLOSE, vars("id", id, "r", "  ")));
        assertEquals("OPEN", onlyAlert(w.a(), KIND).get("status"));
        Map<String, Object> closed = ok(w.coordinator(), CLOSE, vars("id", id, "r", "Deadline renegotiated with the county"))
                .getMap("data.closeAlert");
        assertEquals("RESOLVED", closed.get("status"));
        assertEquals("Deadline renegotiated with the county", closed.get("resolutionNote"));
        assertEquals(today().toString(), closed.get("closedOn"));

        // The item is still overdue: quiet for 30 days (app.alerts.quiet-days), then back.
        run(today().plusDays(29));
        assertEquals("RESOLVED", onlyAlert(w.a(), KIND).get("status"));
        run(today().plusDays(30));
        Map<String, Object> back = onlyAlert(w.a(), KIND);
        assertEquals("OPEN", back.get("status"));
        assertEquals(id, back.get("id"));
        assertNull(back.get("closedOn"));
        assertNull(back.get("resolvedBy"));

        // The closure and the reopening are in the audit trail.
        var operations = ok(Tokens.admin(), "query($r: ID) { auditTrail(recordType: \"Alert\", recordId: $r, first: 100) "
                + "{ edges { node { operation } } } }", vars("r", id)).getList("data.auditTrail.edges.node.operation");
        assertTrue(operations.contains("closeAlert"), operations.toString());
        assertTrue(operations.lastIndexOf("runChecks") > operations.indexOf("closeAlert"), operations.toString());
    }

    @Test
    void anAlertResolvedBecauseTheConditionClearedStaysResolved() {
        SupervisionWorld w = SupervisionWorld.create();
        String item = w.item(today().minusDays(3), w.a());
        run(today());
        w.complete(item, w.a(), today());
        Map<String, Object> resolved = onlyAlert(w.a(), KIND);
        assertEquals("RESOLVED", resolved.get("status"));
        assertEquals("system", resolved.get("resolvedBy"));

        run(today().plusDays(60));
        run(today());
        Map<String, Object> after = onlyAlert(w.a(), KIND);
        assertEquals("RESOLVED", after.get("status"));
        assertEquals("The item was completed.", after.get("resolutionNote"));
    }

    @Test
    void theSystemReopensAResponsibilityAlertWhoseConditionHoldsAgain() {
        // Before issue 19, RESPONSIBILITY_OVERDUE never reopened. A deadline moved away and back: the
        // alert of the original due date resolves, then its condition holds again.
        SupervisionWorld w = SupervisionWorld.create();
        String item = w.item(today().minusDays(5), w.a());
        run(today());
        String id = (String) onlyAlert(w.a(), KIND).get("id");
        int version = ok(w.coordinator(), "query($id: ID!) { responsibility(id: $id) { version } }", vars("id", item))
                .getInt("data.responsibility.version");
        int moved = ok(w.coordinator(), "mutation($id: ID!, $v: Int!, $i: ResponsibilityInput!) { updateResponsibility(id: $id, version: $v, input: $i) { version } }",
                vars("id", item, "v", version, "i", itemInput(w, today().plusDays(10).toString()))).getInt("data.updateResponsibility.version");
        assertEquals("RESOLVED", onlyAlert(w.a(), KIND).get("status"));
        ok(w.coordinator(), "mutation($id: ID!, $v: Int!, $i: ResponsibilityInput!) { updateResponsibility(id: $id, version: $v, input: $i) { version } }",
                vars("id", item, "v", moved, "i", itemInput(w, today().minusDays(5).toString())));
        run(today());
        Map<String, Object> back = onlyAlert(w.a(), KIND);
        assertEquals(id, back.get("id"));
        assertEquals("OPEN", back.get("status"));
    }

    /** The quiet period's end (docs/supervision.md): one period of a key's frequency, else 30 days (the defaults). */
    @Test
    void theQuietPeriodIsThePeriodOfTheKeyOrThirtyDays() throws Exception {
        String[][] cases = { { "2026-Q1", "2026-08-10" }, { "2026-03", "2026-06-10" }, { "2026-H1", "2026-11-10" }, { "2025", "2027-05-10" },
                { "2026-W05", "2026-05-17" }, { "2026-03-31", "2026-06-09" }, { null, "2026-06-09" }, { "REMINDER_LETTER", "2026-06-09" } };
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select alert_quiet_until(?, date '2026-05-10', 1, 30)")) {
            for (String[] each : cases) {
                ps.setString(1, each[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(each[1], rs.getDate(1).toLocalDate().toString(), "period " + each[0]);
                }
            }
        }
    }

    private static Map<String, Object> itemInput(SupervisionWorld w, String dueOn) {
        return Map.of("number", "1", "title", "Measure", "content", "Full text.",
                "assignments", java.util.List.of(Map.of("unitId", w.a().id(), "role", "LEAD")),
                "deadline", Map.of("kind", "DATE", "dueOn", dueOn));
    }
}
