package cn.worksafety.supervision;

import static cn.worksafety.supervision.SupervisionTest.REPLY;
import static cn.worksafety.supervision.SupervisionTest.issue;
import static cn.worksafety.supervision.SupervisionWorld.alerts;
import static cn.worksafety.supervision.SupervisionWorld.run;
import static cn.worksafety.supervision.SupervisionWorld.today;
import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.TestClock;
import cn.worksafety.support.SqlStatements;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** supervisionBoard: its entries and per-unit counts against a hand count, its paging, and its statement count. */
@QuarkusTest
class SupervisionBoardTest {

    static final String BOARD = "query($r: ID!, $d: Date, $n: Int, $after: String) { supervisionBoard(regionCode: $r, asOf: $d, first: $n, after: $after) "
            + "{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node { alert { id kind unit { id code } } currentStep nextStep nextDueOn replyOverdue } } "
            + "units { unit { id code } open notStarted atStep { step count } stepsOverdue repliesLate } } }";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DataSource dataSource;

    @Test
    void entriesAndPerUnitCountsMatchAHandCount() {
        SupervisionWorld w = SupervisionWorld.create();
        for (int i = 0; i < 3; i++) {
            w.item(today().minusDays(1 + i), w.a());
        }
        w.item(today().minusDays(1), w.b());
        run(today());
        List<String> ofA = alerts(w.a(), "RESPONSIBILITY_OVERDUE").getList("data.alerts.edges.node.id");
        String ofB = alerts(w.b(), "RESPONSIBILITY_OVERDUE").getString("data.alerts.edges[0].node.id");
        String c = w.coordinator();
        issue(c, ofA.get(0), "REMINDER_LETTER", today(), today().plusDays(2));               // reply overdue by day 5
        String answered = issue(c, ofA.get(1), "REMINDER_LETTER", today(), today().plusDays(2));
        ok(w.editor(w.a()), REPLY, vars("x", answered, "r", "Done", "on", today().plusDays(1).toString()));
        issue(c, ofB, "REMINDER_LETTER", today(), null);
        issue(c, ofB, "WARNING_LETTER", today(), null);                                      // early: allowed

        JsonPath board = ok(Tokens.token(w.office().code(), "viewer"), BOARD, vars("r", w.county(), "d", today().plusDays(5).toString(), "n", 100));
        Map<String, Map<String, Object>> entries = new HashMap<>();
        for (Map<String, Object> node : board.<Map<String, Object>>getList("data.supervisionBoard.edges.node")) {
            entries.put((String) ((Map<?, ?>) node.get("alert")).get("id"), node);
        }
        assertEquals(board.getInt("data.supervisionBoard.totalCount"), entries.size());
        assertEntry(entries.get(ofA.get(0)), "REMINDER_LETTER", "WARNING_LETTER", today().plusDays(7), true);
        assertEntry(entries.get(ofA.get(1)), "REMINDER_LETTER", "WARNING_LETTER", today().plusDays(7), false);
        assertEntry(entries.get(ofA.get(2)), null, "REMINDER_LETTER", today(), false);
        assertEntry(entries.get(ofB), "WARNING_LETTER", "SUPERVISION_LETTER", today().plusDays(14), false);

        Map<String, Map<String, Object>> units = new HashMap<>();
        for (Map<String, Object> line : board.<Map<String, Object>>getList("data.supervisionBoard.units")) {
            units.put((String) ((Map<?, ?>) line.get("unit")).get("id"), line);
        }
        assertEquals(Map.of("unit", Map.of("id", w.a().id(), "code", w.a().code()), "open", 3, "notStarted", 1,
                "atStep", List.of(Map.of("step", "REMINDER_LETTER", "count", 2)), "stepsOverdue", 1, "repliesLate", 1), units.get(w.a().id()));
        assertEquals(Map.of("unit", Map.of("id", w.b().id(), "code", w.b().code()), "open", 1, "notStarted", 0,
                "atStep", List.of(Map.of("step", "WARNING_LETTER", "count", 1)), "stepsOverdue", 0, "repliesLate", 0), units.get(w.b().id()));

        // As of the day of issue, nothing is late yet; the actions issued later do not count.
        JsonPath early = ok(Tokens.admin(), BOARD, vars("r", w.county(), "d", today().toString(), "n", 100));
        assertEquals(0, early.<Boolean>getList("data.supervisionBoard.edges.node.replyOverdue").stream().filter(b -> b).count());

        // Keyset pages of 2 give the same entries, each once.
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> v = new HashMap<>(vars("r", w.county(), "d", today().plusDays(5).toString(), "n", 2));
            v.put("after", after);
            JsonPath page = ok(Tokens.admin(), BOARD, v);
            paged.addAll(page.getList("data.supervisionBoard.edges.node.alert.id"));
            after = page.getBoolean("data.supervisionBoard.pageInfo.hasNextPage") ? page.getString("data.supervisionBoard.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(entries.keySet(), new java.util.HashSet<>(paged));
        assertEquals(entries.size(), paged.size());

        assertEquals("NOT_FOUND", errorCode(SupervisionWorld.create().coordinator(), BOARD, vars("r", w.county())));
    }

    private static void assertEntry(Map<String, Object> entry, String current, String next, java.time.LocalDate dueOn, boolean replyOverdue) {
        assertEquals(current, entry.get("currentStep"), entry.toString());
        assertEquals(next, entry.get("nextStep"), entry.toString());
        assertEquals(dueOn.toString(), entry.get("nextDueOn"), entry.toString());
        assertEquals(replyOverdue, entry.get("replyOverdue"), entry.toString());
    }

    @Test
    void statementCountOfTheBoardDoesNotGrowWithTheNumberOfAlerts() throws Exception {
        String few = Fixtures.county();
        String many = Fixtures.county();
        insertAlerts(few, 5);
        insertAlerts(many, 50);
        long five = statements(few, 5);
        long fifty = statements(many, 50);
        assertEquals(five, fifty, "statements for 5 alerts (" + five + ") vs 50 (" + fifty + ")");
    }

    /** Each alert has a unit of its own and an action: shared rows would come from the session cache and hide an N+1. */
    private void insertAlerts(String county, int count) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        with g as (select n from generate_series(1, ?) n),
                        u as (insert into unit (code, name, kind, region_code)
                              select ? || '-' || n, 'Unit ' || n, 'DEPARTMENT', ? from g returning id),
                        a as (insert into alert (kind, status, period, subject_id, unit_id, message, raised_at)
                              select 'RESPONSIBILITY_OVERDUE', 'OPEN', '2026-01-01', u.id, u.id, 'Batch', ? from u returning id, unit_id)
                        insert into supervision_action (alert_id, step, issued_on, issued_by_id, target_id, reply_by)
                        select a.id, 'REMINDER_LETTER', ?, a.unit_id, a.unit_id, ? from a""")) {
            insert.setInt(1, count);
            insert.setString(2, Fixtures.unique("SB"));
            insert.setString(3, county);
            insert.setObject(4, TestClock.now());
            insert.setObject(5, TestClock.today());
            insert.setObject(6, TestClock.today());
            insert.executeUpdate();
        }
    }

    private long statements(String county, int expected) {
        Map<String, Object> v = vars("r", county, "n", 100);
        long used = SqlStatements.cost(sessionFactory, () -> ok(Tokens.admin(), BOARD, v));
        JsonPath json = ok(Tokens.admin(), BOARD, v);
        assertEquals(expected, json.getInt("data.supervisionBoard.totalCount"));
        assertEquals(expected, json.getList("data.supervisionBoard.edges.node.alert.unit.code").stream().distinct().count());
        assertEquals(expected, json.getList("data.supervisionBoard.units.unit.code").stream().distinct().count());
        return used;
    }
}
