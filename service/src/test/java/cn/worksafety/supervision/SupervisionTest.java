package cn.worksafety.supervision;

import static cn.worksafety.supervision.SupervisionWorld.alerts;
import static cn.worksafety.supervision.SupervisionWorld.onlyAlert;
import static cn.worksafety.supervision.SupervisionWorld.run;
import static cn.worksafety.supervision.SupervisionWorld.today;
import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Ladders, actions and replies, and the SUPERVISION_DUE check (RULES.md "Supervision", docs/supervision.md). */
@QuarkusTest
class SupervisionTest {

    static final String ISSUE = "mutation($a: ID!, $s: SupervisionStep!, $on: Date!, $by: Date) { issueSupervision(alertId: $a, step: $s, "
            + "issuedOn: $on, replyBy: $by, note: \"Letter\") { id step issuedOn replyBy issuedBy { id } target { id } alert { id } } }";
    static final String REPLY = "mutation($x: ID!, $r: String!, $on: Date!) { replyToSupervision(actionId: $x, reply: $r, repliedOn: $on) "
            + "{ id reply repliedOn } }";
    static final String ACTIONS = "query($u: ID) { alerts(unitId: $u, kind: RESPONSIBILITY_OVERDUE) { edges { node { id "
            + "actions { step issuedOn replyBy reply repliedOn target { id } issuedBy { id } } } } } }";
    static final String SET = "mutation($k: AlertKind!, $r: ID, $s: [LadderStepInput!]!) { setSupervisionLadder(alertKind: $k, "
            + "regionCode: $r, steps: $s) { alertKind region { code } steps { step afterDays } } }";

    static String issue(String token, String alertId, String step, LocalDate on, LocalDate replyBy) {
        Map<String, Object> v = new HashMap<>(vars("a", alertId, "s", step, "on", on.toString()));
        v.put("by", replyBy == null ? null : replyBy.toString());
        return ok(token, ISSUE, v).getString("data.issueSupervision.id");
    }

    private static List<Map<String, Object>> due(SupervisionWorld w) {
        return alerts(w.office(), "SUPERVISION_DUE").getList("data.alerts.edges.node");
    }

    private static List<Map<String, Object>> openDue(SupervisionWorld w) {
        return due(w).stream().filter(a -> !"RESOLVED".equals(a.get("status"))).toList();
    }

    /**
     * The default RESPONSIBILITY_OVERDUE ladder (REMINDER 0, WARNING 7, SUPERVISION_LETTER 14,
     * WARNING_INTERVIEW 14, PUBLIC_NOTICE 30 days) walked from the day the alert is raised to the last
     * step, the checks replayed as of each day.
     */
    @Test
    void theDefaultLadderOnAnOverdueResponsibilityFromDayZeroToTheLastStep() {
        SupervisionWorld w = SupervisionWorld.create();
        w.item(today().minusDays(1), w.a());
        LocalDate d0 = today();
        run(d0);
        String alertId = (String) onlyAlert(w.a(), "RESPONSIBILITY_OVERDUE").get("id");
        assertEquals(List.of(), due(w), "the reminder is due on day 0, not past due");

        String[][] ladder = { { "REMINDER_LETTER", "0" }, { "WARNING_LETTER", "7" }, { "SUPERVISION_LETTER", "14" },
                { "WARNING_INTERVIEW", "14" }, { "PUBLIC_NOTICE", "30" } };
        LocalDate base = d0;
        for (int i = 0; i < ladder.length; i++) {
            String step = ladder[i][0];
            LocalDate dueOn = base.plusDays(Integer.parseInt(ladder[i][1]));
            run(dueOn);
            assertEquals(List.of(), openDue(w), step + " is not past due on its due day " + dueOn);
            run(dueOn.plusDays(1));
            List<Map<String, Object>> open = openDue(w);
            assertEquals(1, open.size(), step + " past due on " + dueOn.plusDays(1) + ": " + open);
            assertEquals(step, open.get(0).get("period"));
            assertEquals(alertId, open.get(0).get("subjectId"));
            // Replaying an earlier day raises nothing more.
            run(d0);
            assertEquals(i + 1, due(w).size());

            LocalDate issuedOn = dueOn.plusDays(1);
            issue(w.coordinator(), alertId, step, issuedOn, null);
            assertEquals(List.of(), openDue(w), step + " issued resolves its SUPERVISION_DUE at once");
            run(issuedOn);
            assertEquals(List.of(), openDue(w), step + " issued resolves its SUPERVISION_DUE");
            base = issuedOn;
        }
        // The last step issued: nothing is due any more, however late.
        run(base.plusDays(400));
        assertEquals(List.of(), openDue(w));
        assertEquals(5, due(w).size());
        JsonPath actions = ok(Tokens.admin(), ACTIONS, vars("u", w.a().id()));
        assertEquals(List.of("REMINDER_LETTER", "WARNING_LETTER", "SUPERVISION_LETTER", "WARNING_INTERVIEW", "PUBLIC_NOTICE"),
                actions.getList("data.alerts.edges[0].node.actions.step"));
        assertEquals(w.office().id(), actions.getString("data.alerts.edges[0].node.actions[0].issuedBy.id"));
        assertEquals(w.a().id(), actions.getString("data.alerts.edges[0].node.actions[0].target.id"));
    }

    @Test
    void badInputIsRefusedAndNothingWritten() {
        SupervisionWorld w = SupervisionWorld.create();
        w.item(today().minusDays(1), w.a());
        run(today());
        String alertId = (String) onlyAlert(w.a(), "RESPONSIBILITY_OVERDUE").get("id");
        String c = w.coordinator();

        // A step not in the ladder; a reply-by date before the issue date; issued before the alert was raised.
        assertEquals("BAD_USER_INPUT", errorCode(c, ISSUE, vars("a", alertId, "s", "RAISED_INVESTIGATION", "on", today().toString())));
        assertEquals("BAD_USER_INPUT", errorCode(c, ISSUE, vars("a", alertId, "s", "REMINDER_LETTER", "on", today().toString(),
                "by", today().minusDays(1).toString())));
        assertEquals("BAD_USER_INPUT", errorCode(c, ISSUE, vars("a", alertId, "s", "REMINDER_LETTER", "on", today().minusDays(3).toString())));
        // Only the office issues.
        assertEquals("FORBIDDEN", errorCode(w.editor(w.a()), ISSUE, vars("a", alertId, "s", "REMINDER_LETTER", "on", today().toString())));
        assertEquals(List.of(), ok(Tokens.admin(), ACTIONS, vars("u", w.a().id())).getList("data.alerts.edges[0].node.actions"));

        // Skipping a step is allowed and recorded.
        String action = issue(c, alertId, "WARNING_LETTER", today(), today().plusDays(5));
        // A reply from a unit that is not the target; a reply dated before the step; a blank reply.
        assertEquals("FORBIDDEN", errorCode(w.editor(w.b()), REPLY, vars("x", action, "r", "Not us", "on", today().toString())));
        assertEquals("BAD_USER_INPUT", errorCode(w.editor(w.a()), REPLY, vars("x", action, "r", "Done", "on", today().minusDays(1).toString())));
        assertEquals("BAD_USER_INPUT", errorCode(w.editor(w.a()), REPLY, vars("x", action, "r", " ", "on", today().toString())));
        assertEquals(null, ok(Tokens.admin(), ACTIONS, vars("u", w.a().id())).getString("data.alerts.edges[0].node.actions[0].reply"));

        ok(w.editor(w.a()), REPLY, vars("x", action, "r", "Measures taken on 3 May", "on", today().plusDays(1).toString()));
        assertEquals("CONFLICT", errorCode(w.editor(w.a()), REPLY, vars("x", action, "r", "Again", "on", today().plusDays(1).toString())));
        JsonPath actions = ok(Tokens.admin(), ACTIONS, vars("u", w.a().id()));
        assertEquals(List.of("WARNING_LETTER"), actions.getList("data.alerts.edges[0].node.actions.step"));
        assertEquals("Measures taken on 3 May", actions.getString("data.alerts.edges[0].node.actions[0].reply"));

        List<String> operations = ok(Tokens.admin(), "query($r: ID) { auditTrail(recordType: \"SupervisionAction\", recordId: $r, first: 10) "
                + "{ edges { node { operation } } } }", vars("r", action)).getList("data.auditTrail.edges.node.operation");
        assertEquals(List.of("issueSupervision", "replyToSupervision"), operations);
    }

    @Test
    void aRegionsLadderOverridesTheDefaultThere() {
        SupervisionWorld w = SupervisionWorld.create();
        List<Map<String, Object>> steps = List.of(Map.of("step", "WARNING_INTERVIEW", "afterDays", 2), Map.of("step", "LISTED_SUPERVISION", "afterDays", 5));
        assertEquals("FORBIDDEN", errorCode(w.coordinator(), SET, vars("k", "RESPONSIBILITY_OVERDUE", "s", steps)),
                "a coordinator may not set the default");
        assertEquals("FORBIDDEN", errorCode(w.editor(w.a()), SET, vars("k", "RESPONSIBILITY_OVERDUE", "r", w.county(), "s", steps)));
        assertEquals("FORBIDDEN", errorCode(SupervisionWorld.create().coordinator(), SET,
                vars("k", "RESPONSIBILITY_OVERDUE", "r", w.county(), "s", steps)), "another county's coordinator");
        assertEquals("NOT_FOUND", errorCode(w.coordinator(), SET, vars("k", "RESPONSIBILITY_OVERDUE", "r", "NO-SUCH-REGION", "s", steps)));
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), SET, vars("k", "RESPONSIBILITY_OVERDUE", "r", w.county(),
                "s", List.of(Map.of("step", "WARNING_LETTER", "afterDays", 1), Map.of("step", "WARNING_LETTER", "afterDays", 2)))));
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), SET, vars("k", "RESPONSIBILITY_OVERDUE", "r", w.county(),
                "s", List.of(Map.of("step", "WARNING_LETTER", "afterDays", -1)))));

        JsonPath set = ok(w.coordinator(), SET, vars("k", "RESPONSIBILITY_OVERDUE", "r", w.county(), "s", steps));
        assertEquals(w.county(), set.getString("data.setSupervisionLadder.region.code"));
        assertEquals(List.of("WARNING_INTERVIEW", "LISTED_SUPERVISION"), set.getList("data.setSupervisionLadder.steps.step"));

        JsonPath ladders = ok(w.coordinator(), "{ supervisionLadders { alertKind region { code } steps { step afterDays } } }");
        List<Map<String, Object>> all = ladders.getList("data.supervisionLadders");
        assertEquals(12, all.stream().filter(l -> l.get("region") == null).count(), "a default for every alert kind");
        assertTrue(all.stream().anyMatch(l -> l.get("region") != null && w.county().equals(((Map<?, ?>) l.get("region")).get("code"))));
        Map<String, Object> hazard = all.stream().filter(l -> l.get("region") == null && "HAZARD_OVERDUE".equals(l.get("alertKind")))
                .findFirst().orElseThrow();
        assertEquals(Map.of("step", "WARNING_INTERVIEW", "afterDays", 3), ((List<?>) hazard.get("steps")).get(1),
                "seed 002 (十五): the interview within 3 days of the overdue major hazard");

        w.item(today().minusDays(1), w.a());
        run(today());
        String alertId = (String) onlyAlert(w.a(), "RESPONSIBILITY_OVERDUE").get("id");
        assertEquals("BAD_USER_INPUT", errorCode(w.coordinator(), ISSUE, vars("a", alertId, "s", "REMINDER_LETTER", "on", today().toString())),
                "the default's first step is not in the county's ladder");
        issue(w.coordinator(), alertId, "WARNING_INTERVIEW", today(), null);
    }
}
