package cn.worksafety.hazard;

import static cn.worksafety.hazard.HazardWorld.editor;
import static cn.worksafety.hazard.HazardWorld.hazard;
import static cn.worksafety.hazard.HazardWorld.plan;
import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.Tokens;
import cn.worksafety.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The hazard loop over HTTP on the real database: register, extensions, interviews, checks, ledger. */
@QuarkusTest
class HazardTest {

    static final String PLAN = "mutation($h: ID!, $v: Int!, $p: RemediationPlanInput!) { setRemediationPlan(hazardId: $h, version: $v, plan: $p) { version } }";
    static final String RECTIFY = "mutation($id: ID!, $v: Int!, $d: Date!, $e: String!) { rectifyHazard(id: $id, version: $v, rectifiedOn: $d, evidence: $e) { status version rectifiedOn } }";
    static final String VERIFY = "mutation($id: ID!, $v: Int!, $d: Date!, $a: Boolean!, $n: String) { verifyHazard(id: $id, version: $v, verifiedOn: $d, accepted: $a, note: $n) { status version verifiedOn rectifiedOn } }";
    static final String REQUEST = "mutation($h: ID!, $d: Date!, $r: String!) { requestHazardExtension(hazardId: $h, requestedDueOn: $d, reason: $r) { id status } }";
    static final String DECIDE = "mutation($e: ID!, $a: Boolean!, $n: String) { decideHazardExtension(extensionId: $e, approve: $a, note: $n) { status parkApproved departmentApproved } }";
    static final String FILE = "mutation($e: ID!, $d: Date!) { fileHazardExtension(extensionId: $e, filedOn: $d) { status filedOn } }";
    static final String INTERVIEW = "mutation($h: ID!, $i: InterviewInput!) { recordInterview(hazardId: $h, input: $i) { id heldOn heldBy interviewee } }";
    static final String RUN = "mutation($d: Date!) { runChecks(asOf: $d) { alertsRaised } }";
    static final String ALERTS = "query($u: ID, $k: AlertKind) { alerts(unitId: $u, kind: $k, first: 500) { edges { node { id kind status period subjectId message } } } }";
    static final String LEDGER = "query($r: ID!, $p: String!) { hazardLedger(regionCode: $r, period: $p) { regionCode period asOf "
            + "rows { grade found rectified verified overdue rectificationRate } riskLevels { level found rectified overdue } } }";

    private static String id(Map<String, Object> hazard) {
        return (String) hazard.get("id");
    }

    private static int version(String hazardId) {
        return hazard(hazardId).getInt("data.hazard.version");
    }

    private static void rectify(String token, String hazardId, String on) {
        ok(token, RECTIFY, vars("id", hazardId, "v", version(hazardId), "d", on, "e", "Fixed, photos attached"));
    }

    private static void verify(String token, String hazardId, String on, boolean accepted, String note) {
        ok(token, VERIFY, vars("id", hazardId, "v", version(hazardId), "d", on, "a", accepted, "n", note));
    }

    private static void run(String asOf) {
        ok(Tokens.admin(), RUN, vars("d", asOf));
    }

    /** Alerts of a kind about one hazard in a unit: status per alert. */
    private static List<Map<String, Object>> alerts(Fixtures.Unit unit, String kind, String hazardId) {
        List<Map<String, Object>> all = ok(Tokens.admin(), ALERTS, vars("u", unit.id(), "k", kind)).getList("data.alerts.edges.node");
        return all.stream().filter(a -> hazardId.equals(a.get("subjectId"))).toList();
    }

    private static String status(Fixtures.Unit unit, String kind, String hazardId) {
        List<Map<String, Object>> found = alerts(unit, kind, hazardId);
        assertTrue(found.size() <= 1, "one alert per hazard, kind, unit and due date: " + found);
        return found.isEmpty() ? null : (String) found.get(0).get("status");
    }

    private static int hazardCount(HazardWorld world) {
        return ok(Tokens.admin(), "query($u: ID) { hazards(unitId: $u) { totalCount } }", vars("u", world.enterprise().id()))
                .getInt("data.hazards.totalCount");
    }

    // ---------- the register and the loop ----------

    @Test
    void generalHazardIsDueTheDayItIsFoundAndClosesByRectificationAndSignOff() {
        HazardWorld world = HazardWorld.create();
        Map<String, Object> created = world.report("GENERAL", "2026-03-02", null);
        assertEquals("2026-03-02", created.get("dueOn"), "一般隐患立即整改: due the day it is found");
        assertEquals("OPEN", created.get("status"));
        assertEquals(false, created.get("listedSupervision"));
        assertEquals(true, created.get("overdue"), "past its due date today and not rectified");

        assertEquals("BAD_USER_INPUT", errorCode(editor(world.department()), VERIFY,
                vars("id", id(created), "v", version(id(created)), "d", "2026-03-03", "a", true, "n", null)), "verifying an OPEN hazard");
        rectify(editor(world.enterprise()), id(created), "2026-03-02");
        verify(editor(world.department()), id(created), "2026-03-03", true, "Checked on site");
        JsonPath after = hazard(id(created));
        assertEquals("VERIFIED", after.getString("data.hazard.status"));
        assertEquals("2026-03-03", after.getString("data.hazard.verifiedOn"));
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.enterprise()), RECTIFY,
                vars("id", id(created), "v", version(id(created)), "d", "2026-03-04", "e", "again")), "a VERIFIED hazard stays closed");
    }

    @Test
    void significantHazardNeedsItsTimeLimitAndARejectedVerificationReopensIt() {
        HazardWorld world = HazardWorld.create();
        int before = hazardCount(world);
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.department()), HazardWorld.REPORT,
                vars("i", world.input("SIGNIFICANT", "2026-03-02", null))), "限时整改 needs a time limit");
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.department()), HazardWorld.REPORT,
                vars("i", world.input("GENERAL", "2026-03-02", "2026-03-01"))), "due before found");
        assertEquals(before, hazardCount(world), "rejected reports write nothing");

        String id = id(world.report("SIGNIFICANT", "2026-03-02", "2026-03-20"));
        rectify(editor(world.enterprise()), id, "2026-03-10");
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.department()), VERIFY,
                vars("id", id, "v", version(id), "d", "2026-03-11", "a", false, "n", null)), "a rejection says why");
        verify(editor(world.department()), id, "2026-03-11", false, "Guard rail still missing");
        JsonPath after = hazard(id);
        assertEquals("OPEN", after.getString("data.hazard.status"));
        assertNull(after.getString("data.hazard.rectifiedOn"));
        rectify(editor(world.enterprise()), id, "2026-03-15");
        verify(editor(world.department()), id, "2026-03-16", true, null);
        assertEquals("VERIFIED", hazard(id).getString("data.hazard.status"));
    }

    @Test
    void majorHazardIsListedDueWithinFifteenDaysAndNeedsItsPlanBeforeRectification() {
        HazardWorld world = HazardWorld.create();
        int before = hazardCount(world);
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.department()), HazardWorld.REPORT,
                vars("i", world.input("MAJOR", "2026-03-01", "2026-03-17"))), "later than 15 days needs a filed extension");
        assertEquals(before, hazardCount(world));

        Map<String, Object> created = world.report("MAJOR", "2026-03-01", null);
        assertEquals("2026-03-16", created.get("dueOn"), "原则上15天内");
        assertEquals(true, created.get("listedSupervision"), "重大隐患挂牌整改");
        String id = id(created);
        int version = version(id);
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.enterprise()), RECTIFY,
                vars("id", id, "v", version, "d", "2026-03-10", "e", "done")), "五落实 first");
        assertEquals(version, version(id), "nothing written");
        assertEquals("CONFLICT", errorCode(editor(world.enterprise()), PLAN, vars("h", id, "v", version + 1, "p", plan("2026-03-15"))));
        ok(editor(world.enterprise()), PLAN, vars("h", id, "v", version, "p", plan("2026-03-15")));
        rectify(editor(world.enterprise()), id, "2026-03-14");
        verify(editor(world.department()), id, "2026-03-15", true, "验收销号");
        JsonPath after = hazard(id);
        assertEquals("VERIFIED", after.getString("data.hazard.status"));
        assertEquals("Plant manager", after.getString("data.hazard.plan.responsibility"));
    }

    // ---------- extensions ----------

    @Test
    void extensionTakesEffectOnlyWithBothSignaturesAndTheBureausFiling() {
        HazardWorld world = HazardWorld.create();
        String id = id(world.report("MAJOR", "2026-03-01", null));
        String extension = ok(editor(world.enterprise()), REQUEST, vars("h", id, "d", "2026-04-15", "r", "Parts on order"))
                .getString("data.requestHazardExtension.id");
        assertEquals("CONFLICT", errorCode(editor(world.enterprise()), REQUEST, vars("h", id, "d", "2026-04-20", "r", "again")),
                "one request at a time");

        assertEquals("BAD_USER_INPUT", errorCode(editor(world.bureau()), FILE, vars("e", extension, "d", "2026-03-05")), "not approved yet");
        assertEquals("FORBIDDEN", errorCode(editor(world.office()), DECIDE, vars("e", extension, "a", true)), "not a signatory");
        assertEquals("FORBIDDEN", errorCode(Tokens.admin(), DECIDE, vars("e", extension, "a", true)), "signatures are the units' own");

        JsonPath park = ok(editor(world.park()), DECIDE, vars("e", extension, "a", true, "n", "Agreed"));
        assertEquals("REQUESTED", park.getString("data.decideHazardExtension.status"));
        assertTrue(park.getBoolean("data.decideHazardExtension.parkApproved"));
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.bureau()), FILE, vars("e", extension, "d", "2026-03-05")),
                "one signature is not enough");
        assertEquals("2026-03-16", hazard(id).getString("data.hazard.dueOn"));

        JsonPath department = ok(editor(world.department()), DECIDE, vars("e", extension, "a", true));
        assertEquals("APPROVED", department.getString("data.decideHazardExtension.status"));
        assertEquals("2026-03-16", hazard(id).getString("data.hazard.dueOn"), "not in effect before filing");
        assertEquals("FORBIDDEN", errorCode(editor(world.park()), FILE, vars("e", extension, "d", "2026-03-05")), "only the bureau files");

        JsonPath filed = ok(editor(world.bureau()), FILE, vars("e", extension, "d", today()));
        assertEquals("FILED", filed.getString("data.fileHazardExtension.status"));
        JsonPath after = hazard(id);
        assertEquals("2026-04-15", after.getString("data.hazard.dueOn"));
        assertTrue(after.getBoolean("data.hazard.listedSupervision"));

        // A second request, refused by the park command: the request ends, the history stays.
        String second = ok(editor(world.enterprise()), REQUEST, vars("h", id, "d", "2026-05-15", "r", "More delays"))
                .getString("data.requestHazardExtension.id");
        assertEquals("REFUSED", ok(editor(world.park()), DECIDE, vars("e", second, "a", false, "n", "No")).getString("data.decideHazardExtension.status"));
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.department()), DECIDE, vars("e", second, "a", true)));
        List<String> history = hazard(id).getList("data.hazard.extensions.status");
        assertEquals(List.of("FILED", "REFUSED"), history);
        assertEquals("2026-04-15", hazard(id).getString("data.hazard.dueOn"));
    }

    @Test
    void extendingAGeneralHazardListsIt() {
        HazardWorld world = HazardWorld.create();
        String id = id(world.report("GENERAL", "2026-03-01", "2026-03-05"));
        String extension = ok(editor(world.enterprise()), REQUEST, vars("h", id, "d", "2026-03-25", "r", "Supplier"))
                .getString("data.requestHazardExtension.id");
        assertEquals("BAD_USER_INPUT", errorCode(editor(world.enterprise()), REQUEST, vars("h", id, "d", "2026-03-04", "r", "x")));
        ok(editor(world.department()), DECIDE, vars("e", extension, "a", true));
        ok(editor(world.park()), DECIDE, vars("e", extension, "a", true));
        ok(editor(world.bureau()), FILE, vars("e", extension, "d", today()));
        assertTrue(hazard(id).getBoolean("data.hazard.listedSupervision"), "an extension puts it under listed supervision");
    }

    // ---------- checks ----------

    @Test
    void interviewIsDueMoreThanThreeDaysAfterTheDueDate() {
        HazardWorld world = HazardWorld.create();
        String id = id(world.report("SIGNIFICANT", "2026-02-01", "2026-02-10"));

        run("2026-02-10");
        assertNull(status(world.department(), "HAZARD_OVERDUE", id), "due today is not overdue");
        run("2026-02-11");
        assertEquals("OPEN", status(world.department(), "HAZARD_OVERDUE", id), "the day after dueOn, to the supervising unit");
        assertEquals("OPEN", status(world.enterprise(), "HAZARD_OVERDUE", id), "and to the responsible unit");
        assertEquals("2026-02-10", alerts(world.department(), "HAZARD_OVERDUE", id).get(0).get("period"));

        run("2026-02-13");
        assertNull(status(world.office(), "INTERVIEW_OVERDUE", id), "day 3: not yet");
        run("2026-02-14");
        assertEquals("OPEN", status(world.office(), "INTERVIEW_OVERDUE", id), "day 4: to the committee office");

        JsonPath interview = ok(editor(world.department()), INTERVIEW, vars("h", id, "i",
                Map.of("heldOn", "2026-02-15", "heldBy", "区分管领导 王强", "interviewee", "法定代表人 张三", "summary", "Ordered to fix")));
        assertEquals("法定代表人 张三", interview.getString("data.recordInterview.interviewee"));
        assertEquals("RESOLVED", status(world.office(), "INTERVIEW_OVERDUE", id), "recording the interview resolves it");
        assertEquals("OPEN", status(world.department(), "HAZARD_OVERDUE", id));
        run("2026-02-20");
        assertEquals("RESOLVED", status(world.office(), "INTERVIEW_OVERDUE", id), "stays resolved");

        rectify(editor(world.enterprise()), id, "2026-02-21");
        assertEquals("RESOLVED", status(world.department(), "HAZARD_OVERDUE", id), "fixing resolves it");
        assertEquals("RESOLVED", status(world.enterprise(), "HAZARD_OVERDUE", id));
    }

    @Test
    void interviewHeldBeforeTheDueDateDoesNotCount() {
        HazardWorld world = HazardWorld.create();
        String id = id(world.report("SIGNIFICANT", "2026-02-01", "2026-02-10"));
        ok(editor(world.office()), INTERVIEW, vars("h", id, "i", Map.of("heldOn", "2026-02-05", "heldBy", "园区指挥长", "interviewee", "实际投资人")));
        run("2026-02-15");
        assertEquals("OPEN", status(world.office(), "INTERVIEW_OVERDUE", id));
    }

    @Test
    void checksReplayWithAsOfAndARejectedVerificationRaisesAgain() {
        HazardWorld world = HazardWorld.create();
        String id = id(world.report("GENERAL", "2026-01-05", "2026-01-08"));
        run("2026-01-08");
        assertNull(status(world.department(), "HAZARD_OVERDUE", id));
        run("2026-01-09");
        run("2026-01-09");
        assertEquals(1, alerts(world.department(), "HAZARD_OVERDUE", id).size(), "a rerun raises nothing new");
        run("2026-01-07");
        assertEquals("OPEN", status(world.department(), "HAZARD_OVERDUE", id), "replaying an earlier date resolves nothing");

        rectify(editor(world.enterprise()), id, "2026-01-10");
        assertEquals("RESOLVED", status(world.department(), "HAZARD_OVERDUE", id));
        run("2026-01-12");
        assertEquals("RESOLVED", status(world.department(), "HAZARD_OVERDUE", id));

        verify(editor(world.department()), id, "2026-01-12", false, "Not fixed");
        run("2026-01-13");
        assertEquals("OPEN", status(world.department(), "HAZARD_OVERDUE", id), "overdue again: raised again");
        assertEquals("OPEN", status(world.enterprise(), "HAZARD_OVERDUE", id));
    }

    @Test
    void filedExtensionResolvesTheOverdueAlertOfTheOldDueDate() {
        HazardWorld world = HazardWorld.create();
        String id = id(world.report("MAJOR", "2026-01-01", null));
        run("2026-01-20");
        assertEquals("OPEN", status(world.department(), "HAZARD_OVERDUE", id));
        assertEquals("OPEN", status(world.office(), "INTERVIEW_OVERDUE", id));
        String extension = ok(editor(world.enterprise()), REQUEST, vars("h", id, "d", "2026-02-28", "r", "Parts"))
                .getString("data.requestHazardExtension.id");
        ok(editor(world.department()), DECIDE, vars("e", extension, "a", true));
        ok(editor(world.park()), DECIDE, vars("e", extension, "a", true));
        ok(editor(world.bureau()), FILE, vars("e", extension, "d", today()));
        assertEquals("RESOLVED", status(world.department(), "HAZARD_OVERDUE", id));
        assertEquals("RESOLVED", status(world.office(), "INTERVIEW_OVERDUE", id));
    }

    // ---------- the ledger ----------

    @Test
    void ledgerCountsMatchAHandCount() {
        HazardWorld world = HazardWorld.create();
        String red = ok(editor(world.enterprise()), "mutation($i: RiskPointInput!) { createRiskPoint(input: $i) { id level monitored } }",
                vars("i", Map.of("unitId", world.enterprise().id(), "name", "Tank farm", "level", "RED", "monitored", true)))
                .getString("data.createRiskPoint.id");
        // March: 2 GENERAL (one rectified and verified, one overdue), 1 SIGNIFICANT rectified, 1 MAJOR open
        // (at red), and one GENERAL in April that March does not count.
        String g1 = id(world.report("GENERAL", "2026-03-02", null));
        world.report("GENERAL", "2026-03-03", "2026-03-05");
        String s1 = id(world.report("SIGNIFICANT", "2026-03-04", "2026-03-25"));
        Map<String, Object> major = world.input("MAJOR", "2026-03-20", null);
        major.put("riskPointId", red);
        world.report(major);
        world.report("GENERAL", "2026-04-01", null);
        rectify(editor(world.enterprise()), g1, "2026-03-02");
        verify(editor(world.department()), g1, "2026-03-03", true, null);
        rectify(editor(world.enterprise()), s1, "2026-03-20");

        JsonPath march = ok(Tokens.token(world.office().code(), "viewer"), LEDGER, vars("r", world.county(), "p", "2026-03"));
        assertEquals("2026-03-31", march.getString("data.hazardLedger.asOf"));
        List<Map<String, Object>> rows = march.getList("data.hazardLedger.rows");
        assertEquals(Map.of("grade", "GENERAL", "found", 2, "rectified", 1, "verified", 1, "overdue", 1, "rectificationRate", 0.5f),
                rows.get(0));
        assertEquals(Map.of("grade", "SIGNIFICANT", "found", 1, "rectified", 1, "verified", 0, "overdue", 0, "rectificationRate", 1.0f),
                rows.get(1));
        // Found 03-20, due 04-04: not yet overdue on 03-31.
        assertEquals(Map.of("grade", "MAJOR", "found", 1, "rectified", 0, "verified", 0, "overdue", 0, "rectificationRate", 0.0f), rows.get(2));
        assertEquals(Map.of("level", "RED", "found", 1, "rectified", 0, "overdue", 0), march.getList("data.hazardLedger.riskLevels").get(0));

        JsonPath quarter = ok(Tokens.admin(), LEDGER, vars("r", world.county(), "p", "2026-Q2"));
        assertEquals(1, quarter.getInt("data.hazardLedger.rows[0].found"));
        assertNull(quarter.get("data.hazardLedger.rows[1].rectificationRate"), "nothing found: no rate");
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), LEDGER, vars("r", world.county(), "p", "March")));
        assertEquals("NOT_FOUND", errorCode(Tokens.token(Fixtures.department(Fixtures.county()).code(), "viewer"), LEDGER,
                vars("r", world.county(), "p", "2026-03")));
    }

    // ---------- who may do what ----------

    @Test
    void readOnlyRolesAndOtherUnitsChangeNothing() {
        HazardWorld world = HazardWorld.create();
        String id = id(world.report("SIGNIFICANT", "2026-03-02", "2026-03-20"));
        Fixtures.Unit stranger = Fixtures.department(Fixtures.county());
        Fixtures.Unit otherEnterprise = Fixtures.unit(world.town(), "ENTERPRISE");
        int version = version(id);
        Map<String, Map<String, Object>> mutations = Map.of(
                HazardWorld.REPORT, vars("i", world.input("GENERAL", "2026-03-02", null)),
                PLAN, vars("h", id, "v", version, "p", plan("2026-03-15")),
                RECTIFY, vars("id", id, "v", version, "d", "2026-03-03", "e", "x"),
                REQUEST, vars("h", id, "d", "2026-04-01", "r", "x"),
                INTERVIEW, vars("h", id, "i", Map.of("heldOn", "2026-03-05", "heldBy", "a", "interviewee", "b")),
                "mutation($i: RiskPointInput!) { createRiskPoint(input: $i) { id } }",
                vars("i", Map.of("unitId", world.enterprise().id(), "name", "n", "level", "BLUE")),
                HazardWorld.DESIGNATE, vars("r", world.county(), "role", "PARK_COMMAND", "u", world.park().id()));
        for (var mutation : mutations.entrySet()) {
            for (String role : List.of("viewer", "exchange")) {
                assertEquals("FORBIDDEN", errorCode(Tokens.token(world.department().code(), role), mutation.getKey(), mutation.getValue()),
                        role + " " + mutation.getKey());
            }
            String code = errorCode(editor(stranger), mutation.getKey(), mutation.getValue());
            assertTrue(List.of("FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT").contains(code), "another county's editor: " + code);
            assertTrue(List.of("FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT").contains(
                    errorCode(Tokens.token(stranger.code(), "coordinator"), mutation.getKey(), mutation.getValue())));
        }
        // An enterprise records for itself, not for its neighbour; it does not verify its own fix.
        assertEquals("FORBIDDEN", errorCode(editor(otherEnterprise), RECTIFY, vars("id", id, "v", version, "d", "2026-03-03", "e", "x")));
        rectify(editor(world.enterprise()), id, "2026-03-03");
        assertEquals("FORBIDDEN", errorCode(editor(world.enterprise()), VERIFY,
                vars("id", id, "v", version(id), "d", "2026-03-04", "a", true, "n", null)));
        assertEquals("FORBIDDEN", errorCode(editor(world.park()), VERIFY,
                vars("id", id, "v", version(id), "d", "2026-03-04", "a", true, "n", null)), "the park is not the supervising unit here");
        // A coordinator of the county does everything in it.
        verify(Tokens.token(world.office().code(), "coordinator"), id, "2026-03-04", true, null);
        assertEquals("VERIFIED", hazard(id).getString("data.hazard.status"));
        assertEquals("NOT_FOUND", errorCode(Tokens.token(stranger.code(), "viewer"), HazardWorld.HAZARD, vars("id", id)));
        assertEquals(0, ok(Tokens.token(stranger.code(), "viewer"), "query($u: ID) { hazards(unitId: $u) { totalCount } }",
                vars("u", world.enterprise().id())).getInt("data.hazards.totalCount"));
    }

    @Test
    void viewersAndExchangeSeeInterviewNamesMasked() {
        HazardWorld world = HazardWorld.create();
        String id = id(world.report("GENERAL", "2026-03-02", null));
        ok(editor(world.department()), INTERVIEW, vars("h", id, "i", Map.of("heldOn", "2026-03-05", "heldBy", "王强", "interviewee", "张三丰")));
        for (String role : List.of("viewer", "exchange")) {
            JsonPath seen = ok(Tokens.token(world.office().code(), role), HazardWorld.HAZARD, vars("id", id));
            assertEquals("张**", seen.getString("data.hazard.interviews[0].interviewee"), role);
            assertEquals("王**", seen.getString("data.hazard.interviews[0].heldBy"), role);
        }
        assertEquals("张三丰", ok(editor(world.department()), HazardWorld.HAZARD, vars("id", id)).getString("data.hazard.interviews[0].interviewee"));
        assertEquals("张三丰", hazard(id).getString("data.hazard.interviews[0].interviewee"));
    }

    @Test
    void everyChangeIsAudited() {
        HazardWorld world = HazardWorld.create();
        String id = id(world.report("GENERAL", "2026-03-02", null));
        rectify(editor(world.enterprise()), id, "2026-03-02");
        List<String> operations = ok(Tokens.admin(), "query($t: String!, $r: ID!) { auditTrail(recordType: $t, recordId: $r) { edges { node { operation } } } }",
                vars("t", "Hazard", "r", id)).getList("data.auditTrail.edges.node.operation");
        assertEquals(List.of("reportHazard", "rectifyHazard"), operations);
    }

    @Test
    void hazardsAndRiskPointsFilterAndPageForDataExchange() {
        HazardWorld world = HazardWorld.create();
        String since = TestClock.now().minusSeconds(1).toString();
        String a = id(world.report("GENERAL", "2026-03-02", null));
        String b = id(world.report("MAJOR", "2026-03-10", null));
        String c = id(world.report("SIGNIFICANT", "2026-04-02", "2026-12-31"));
        rectify(editor(world.enterprise()), a, "2026-03-02");
        String query = "query($u: ID, $s: HazardStatus, $g: HazardGrade, $o: Boolean, $l: Boolean, $f: Date, $t: Date, $since: DateTime, $first: Int, $after: String) "
                + "{ hazards(unitId: $u, status: $s, grade: $g, overdue: $o, listed: $l, foundFrom: $f, foundTo: $t, updatedSince: $since, first: $first, after: $after) "
                + "{ totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }";
        String u = world.enterprise().id();
        assertEquals(List.of(b, c), ids(ok(Tokens.admin(), query, vars("u", u, "s", "OPEN"))));
        assertEquals(List.of(b), ids(ok(Tokens.admin(), query, vars("u", u, "l", true))));
        assertEquals(List.of(b), ids(ok(Tokens.admin(), query, vars("u", u, "o", true))), "c is due at the year's end");
        assertEquals(List.of(a, b), ids(ok(Tokens.admin(), query, vars("u", u, "f", "2026-03-01", "t", "2026-03-31"))));
        assertEquals(List.of(c), ids(ok(Tokens.admin(), query, vars("u", u, "g", "SIGNIFICANT"))));
        JsonPath first = ok(Tokens.token(world.office().code(), "exchange"), query, vars("u", u, "since", since, "first", 2));
        assertEquals(List.of(b, c), ids(first), "by last change: a changed last");
        assertTrue(first.getBoolean("data.hazards.pageInfo.hasNextPage"));
        assertEquals(List.of(a), ids(ok(Tokens.token(world.office().code(), "exchange"), query,
                vars("u", u, "since", since, "first", 2, "after", first.getString("data.hazards.pageInfo.endCursor")))));

        ok(editor(world.enterprise()), "mutation($i: RiskPointInput!) { createRiskPoint(input: $i) { id } }",
                vars("i", Map.of("unitId", u, "name", "Boiler", "level", "ORANGE", "controls", "Daily checks")));
        JsonPath points = ok(Tokens.token(world.office().code(), "exchange"),
                "query($u: ID, $since: DateTime) { riskPoints(unitId: $u, updatedSince: $since) { totalCount edges { node { name level controls monitored unit { id } } } } }",
                vars("u", u, "since", since));
        assertEquals(1, points.getInt("data.riskPoints.totalCount"));
        assertEquals("ORANGE", points.getString("data.riskPoints.edges[0].node.level"));
        assertFalse(points.getBoolean("data.riskPoints.edges[0].node.monitored"));
    }

    private static List<String> ids(JsonPath json) {
        return json.getList("data.hazards.edges.node.id");
    }

    private static String today() {
        return TestClock.today().toString();
    }
}
