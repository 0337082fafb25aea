package cn.worksafety.committee;

import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import cn.worksafety.common.Period;
import cn.worksafety.support.Fixtures;
import cn.worksafety.support.SqlStatements;
import cn.worksafety.support.Tokens;
import cn.worksafety.support.TestClock;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CommitteeTest {

    static final String CREATE = "mutation($i: CommitteeInput!) { createCommittee(input: $i) { id version name establishedOn "
            + "rule { frequency minimumMeetings graceDays } unit { id } members { id } } }";
    static final String UPDATE = "mutation($id: ID!, $v: Int!, $i: CommitteeUpdateInput!) { updateCommittee(id: $id, version: $v, input: $i) "
            + "{ id version name establishedOn rule { frequency minimumMeetings graceDays } members { id } } }";
    static final String RECORD = "mutation($i: MeetingInput!) { recordMeeting(input: $i) { id version heldOn kind chair attendees { id } committee { id } } }";
    static final String CORRECT = "mutation($id: ID!, $v: Int!, $i: MeetingCorrectionInput!) { correctMeeting(id: $id, version: $v, input: $i) "
            + "{ id version heldOn kind chair summary attendees { id } } }";
    static final String WITHDRAW = "mutation($id: ID!, $v: Int!, $r: String!) { withdrawMeeting(id: $id, version: $v, reason: $r) "
            + "{ id version withdrawnAt withdrawalReason } }";
    static final String RUN = "mutation($d: Date!) { runChecks(asOf: $d) { alertsRaised missedMeetings } }";
    static final String ALERTS = "query($u: ID) { alerts(unitId: $u, kind: MISSED_MEETING, first: 500) { totalCount "
            + "edges { node { id status period subjectId unit { id } message } } } }";
    static final String COMPLIANCE = "query($id: ID!, $y: Int!) { committee(id: $id) { compliance(year: $y) { period required held compliant } } }";
    static final String MEETINGS = "query($id: ID!, $f: Date, $t: Date) { committee(id: $id) { meetings(from: $f, to: $t) { id heldOn kind } } }";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    EntityManager em;

    record Made(String id, Fixtures.Unit unit) {
    }

    // ---------- helpers ----------

    static Map<String, Object> committeeInput(Fixtures.Unit unit, String established, String frequency, int minimum, Integer grace) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("frequency", frequency);
        rule.put("minimumMeetings", minimum);
        rule.put("graceDays", grace);
        Map<String, Object> input = new HashMap<>();
        input.put("name", "安委会 " + Fixtures.unique("N"));
        input.put("unitId", unit.id());
        input.put("establishedOn", established);
        input.put("rule", rule);
        return input;
    }

    static Made committee(String established, String frequency, int minimum, Integer grace) {
        Fixtures.Unit unit = Fixtures.department(Fixtures.county());
        String id = ok(Tokens.admin(), CREATE, vars("i", committeeInput(unit, established, frequency, minimum, grace)))
                .getString("data.createCommittee.id");
        return new Made(id, unit);
    }

    static String meeting(String token, String committeeId, String heldOn, String kind) {
        return ok(token, RECORD, vars("i", Map.of("committeeId", committeeId, "heldOn", heldOn, "kind", kind)))
                .getString("data.recordMeeting.id");
    }

    static String meeting(String committeeId, String heldOn, String kind) {
        return meeting(Tokens.admin(), committeeId, heldOn, kind);
    }

    static void run(String asOf) {
        ok(Tokens.admin(), RUN, vars("d", asOf));
    }

    /** The committee unit's MISSED_MEETING alerts: period -> status. */
    static Map<String, String> alerts(Made committee) {
        JsonPath json = ok(Tokens.admin(), ALERTS, vars("u", committee.unit().id()));
        Map<String, String> byPeriod = new TreeMap<>();
        List<Map<String, Object>> nodes = json.getList("data.alerts.edges.node");
        for (Map<String, Object> node : nodes) {
            assertEquals(committee.id(), node.get("subjectId"));
            assertEquals(committee.unit().id(), ((Map<?, ?>) node.get("unit")).get("id"));
            String previous = byPeriod.put((String) node.get("period"), (String) node.get("status"));
            assertEquals(null, previous, "two alerts for period " + node.get("period"));
        }
        assertEquals(nodes.size(), json.getInt("data.alerts.totalCount"));
        return byPeriod;
    }

    static List<Map<String, Object>> compliance(String committeeId, int year) {
        return ok(Tokens.admin(), COMPLIANCE, vars("id", committeeId, "y", year)).getList("data.committee.compliance");
    }

    static int version(String committeeId) {
        return ok(Tokens.admin(), "query($id: ID!) { committee(id: $id) { version } }", vars("id", committeeId))
                .getInt("data.committee.version");
    }

    // ---------- the "done when" ----------

    @Test
    void quarterlyCommitteeIsFlaggedForTheQuartersWithoutPlenaryOnceEach() {
        Made c = committee("2025-01-01", "QUARTERLY", 1, 10);
        meeting(c.id(), "2025-02-10", "PLENARY");
        meeting(c.id(), "2025-05-10", "SPECIAL");

        // Q3 ended 2025-09-30; with 10 grace days it is checked from 2025-10-11 on. Q4 is running.
        run("2025-10-10");
        assertEquals(Map.of("2025-Q2", "OPEN"), alerts(c));
        run("2025-10-11");
        assertEquals(Map.of("2025-Q2", "OPEN", "2025-Q3", "OPEN"), alerts(c));
        run("2025-10-11");
        run("2025-10-12");
        assertEquals(Map.of("2025-Q2", "OPEN", "2025-Q3", "OPEN"), alerts(c), "running again raises nothing");

        String message = ok(Tokens.admin(), ALERTS, vars("u", c.unit().id())).getString("data.alerts.edges[0].node.message");
        assertTrue(message.contains("0 of 1") && message.contains("2025-Q2"), message);
    }

    @Test
    void concurrentRunsRaiseEachMissedMeetingOnce() throws Exception {
        Made c = committee("2025-01-01", "QUARTERLY", 1, 0);
        meeting(c.id(), "2025-03-31", "PLENARY");
        meeting(c.id(), "2025-04-01", "SPECIAL");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<JsonPath>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> ok(Tokens.admin(), RUN, vars("d", "2025-10-01")));
            }
            for (Future<JsonPath> result : pool.invokeAll(runs)) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(Map.of("2025-Q2", "OPEN", "2025-Q3", "OPEN"), alerts(c));
    }

    @Test
    void recordingAPlenaryMeetingLateResolvesThatPeriodsAlert() {
        Made c = committee("2025-01-01", "QUARTERLY", 1, 0);
        meeting(c.id(), "2025-02-10", "PLENARY");
        meeting(c.id(), "2025-05-10", "SPECIAL");
        run("2025-10-15");
        assertEquals(Map.of("2025-Q2", "OPEN", "2025-Q3", "OPEN"), alerts(c));

        String editor = Tokens.token(c.unit().code(), "unit-editor");
        meeting(editor, c.id(), "2025-06-20", "PLENARY");
        assertEquals(Map.of("2025-Q2", "RESOLVED", "2025-Q3", "OPEN"), alerts(c), "resolved by the mutation, before any run");
        run("2025-10-16");
        assertEquals(Map.of("2025-Q2", "RESOLVED", "2025-Q3", "OPEN"), alerts(c), "not raised again");
    }

    @Test
    void monthlyCommitteeEstablishedMidMonthIsNotFlaggedForThatMonth() {
        Made c = committee("2025-03-15", "MONTHLY", 1, null);
        run("2025-05-02");
        assertEquals(Map.of("2025-04", "OPEN"), alerts(c));

        Made first = committee("2025-03-01", "MONTHLY", 1, null);
        run("2025-04-01");
        assertEquals(Map.of("2025-03", "OPEN"), alerts(first), "established on the 1st: that month counts");
    }

    @Test
    void complianceOfAYearAgreesWithTheAlerts() {
        List<Made> made = List.of(
                committee("2025-01-01", "QUARTERLY", 1, 10),
                committee("2025-03-15", "MONTHLY", 1, 0),
                committee("2024-11-20", "SEMIANNUAL", 2, 5),
                committee("2024-01-01", "ANNUAL", 1, 0));
        meeting(made.get(0).id(), "2025-02-10", "PLENARY");
        meeting(made.get(0).id(), "2025-05-10", "SPECIAL");
        meeting(made.get(0).id(), "2025-12-31", "PLENARY");
        for (String day : List.of("2025-04-01", "2025-05-31", "2025-07-15", "2025-09-30", "2025-11-11")) {
            meeting(made.get(1).id(), day, "PLENARY");
        }
        meeting(made.get(2).id(), "2025-01-05", "PLENARY");
        meeting(made.get(2).id(), "2025-06-30", "PLENARY");
        meeting(made.get(2).id(), "2025-08-01", "PLENARY");
        meeting(made.get(3).id(), "2025-12-01", "SPECIAL");

        run("2026-02-01"); // after every 2025 period and its grace days
        for (Made c : made) {
            List<String> flagged = alerts(c).keySet().stream().filter(p -> p.startsWith("2025")).sorted().toList();
            List<String> nonCompliant = compliance(c.id(), 2025).stream().filter(p -> !(Boolean) p.get("compliant"))
                    .map(p -> (String) p.get("period")).sorted().toList();
            assertEquals(flagged, nonCompliant, "committee " + c.id());
        }

        assertEquals(List.of(Map.of("period", "2025-Q1", "required", 1, "held", 1, "compliant", true),
                Map.of("period", "2025-Q2", "required", 1, "held", 0, "compliant", false),
                Map.of("period", "2025-Q3", "required", 1, "held", 0, "compliant", false),
                Map.of("period", "2025-Q4", "required", 1, "held", 1, "compliant", true)), compliance(made.get(0).id(), 2025));
        List<Map<String, Object>> monthly = compliance(made.get(1).id(), 2025);
        assertEquals(12, monthly.size());
        assertEquals(Map.of("period", "2025-03", "required", 0, "held", 0, "compliant", true), monthly.get(2));
        assertEquals(List.of("2025-06", "2025-08", "2025-10", "2025-12"),
                monthly.stream().filter(p -> !(Boolean) p.get("compliant")).map(p -> p.get("period")).toList());
        assertEquals(List.of(Map.of("period", "2025-H1", "required", 2, "held", 2, "compliant", true),
                Map.of("period", "2025-H2", "required", 2, "held", 1, "compliant", false)), compliance(made.get(2).id(), 2025));
        assertEquals(List.of(Map.of("period", "2025", "required", 1, "held", 0, "compliant", false)), compliance(made.get(3).id(), 2025));
        assertEquals(Map.of("2024", "OPEN", "2025", "OPEN"), alerts(made.get(3)));
    }

    @Test
    void complianceListsOnlyPeriodsStartedByTodayAndARunningPeriodIsCompliant() {
        LocalDate today = TestClock.today();
        Made c = committee(today.getYear() + "-01-01", "MONTHLY", 1, 0);
        List<Map<String, Object>> periods = compliance(c.id(), today.getYear());
        assertEquals(today.getMonthValue(), periods.size());
        Map<String, Object> running = periods.get(periods.size() - 1);
        assertEquals(MeetingPeriods.containing(Frequency.MONTHLY, today).key(), running.get("period"));
        assertEquals(true, running.get("compliant"));
        assertEquals(0, running.get("held"));
        assertEquals(List.of(), compliance(c.id(), today.getYear() + 1));
    }

    // ---------- editing, corrections, withdrawals ----------

    @Test
    void editingTheRuleAndMembersTakesTheVersionAndResolvesAlertsNoLongerRequired() {
        Made c = committee("2025-01-01", "MONTHLY", 1, 0);
        Fixtures.Unit member1 = Fixtures.department(c.unit().regionCode());
        Fixtures.Unit member2 = Fixtures.department(c.unit().regionCode());
        meeting(c.id(), "2025-02-10", "PLENARY");
        run("2025-04-01");
        assertEquals(Map.of("2025-01", "OPEN", "2025-03", "OPEN"), alerts(c));

        int version = version(c.id());
        Map<String, Object> rule = Map.of("frequency", "QUARTERLY", "minimumMeetings", 1);
        JsonPath updated = ok(Tokens.admin(), UPDATE, vars("id", c.id(), "v", version,
                "i", Map.of("rule", rule, "memberIds", List.of(member2.id(), member1.id(), member2.id()))));
        assertEquals("QUARTERLY", updated.getString("data.updateCommittee.rule.frequency"));
        assertEquals(0, updated.getInt("data.updateCommittee.rule.graceDays"));
        assertEquals(List.of(member2.id(), member1.id()), updated.getList("data.updateCommittee.members.id"));
        assertEquals(version + 1, updated.getInt("data.updateCommittee.version"));
        assertEquals(Map.of("2025-01", "RESOLVED", "2025-03", "RESOLVED"), alerts(c), "monthly periods are no longer required");
        run("2025-04-01");
        assertEquals(Map.of("2025-01", "RESOLVED", "2025-03", "RESOLVED"), alerts(c), "Q1 had its plenary meeting");

        assertEquals("CONFLICT", errorCode(Tokens.admin(), UPDATE, vars("id", c.id(), "v", version, "i", Map.of("name", "x"))));
        JsonPath renamed = ok(Tokens.admin(), UPDATE, vars("id", c.id(), "v", version + 1, "i", Map.of("memberIds", List.of())));
        assertEquals(List.of(), renamed.getList("data.updateCommittee.members"));
        assertEquals(version + 2, renamed.getInt("data.updateCommittee.version"), "a change of members alone moves the version");
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), UPDATE,
                vars("id", c.id(), "v", version + 2, "i", Map.of("establishedOn", "2025-03-01"))), "after the first meeting");

        List<String> operations = ok(Tokens.admin(), "query($r: ID) { auditTrail(recordType: \"Committee\", recordId: $r, first: 100) { edges { node { operation recordType } } } }",
                vars("r", c.id())).getList("data.auditTrail.edges.node.operation");
        assertEquals(List.of("createCommittee", "updateCommittee", "updateCommittee"), operations);
    }

    @Test
    void correctingAndWithdrawingMeetingRecordsIsAuditedAndKeepsAlertsRight() {
        Made c = committee("2025-01-01", "QUARTERLY", 1, 0);
        Fixtures.Unit attendee = Fixtures.department(c.unit().regionCode());
        String q1 = meeting(c.id(), "2025-02-10", "PLENARY");
        String q2 = meeting(c.id(), "2025-05-10", "SPECIAL");
        run("2025-07-02");
        assertEquals(Map.of("2025-Q2", "OPEN"), alerts(c));

        String editor = Tokens.token(c.unit().code(), "unit-editor");
        JsonPath corrected = ok(editor, CORRECT, vars("id", q2, "v", 0,
                "i", Map.of("kind", "PLENARY", "chair", "区长", "attendeeIds", List.of(attendee.id()))));
        assertEquals("PLENARY", corrected.getString("data.correctMeeting.kind"));
        assertEquals("2025-05-10", corrected.getString("data.correctMeeting.heldOn"));
        assertEquals(List.of(attendee.id()), corrected.getList("data.correctMeeting.attendees.id"));
        assertEquals(1, corrected.getInt("data.correctMeeting.version"));
        assertEquals(Map.of("2025-Q2", "RESOLVED"), alerts(c), "the correction made Q2 compliant");
        assertEquals("CONFLICT", errorCode(editor, CORRECT, vars("id", q2, "v", 0, "i", Map.of("chair", ""))));
        assertEquals(null, ok(editor, CORRECT, vars("id", q2, "v", 1, "i", Map.of("chair", "")))
                .getString("data.correctMeeting.chair"), "an empty chair clears it");

        JsonPath withdrawn = ok(editor, WITHDRAW, vars("id", q2, "v", 2, "r", "Entered for the wrong committee"));
        assertEquals("Entered for the wrong committee", withdrawn.getString("data.withdrawMeeting.withdrawalReason"));
        assertEquals(List.of(q1), ok(Tokens.admin(), MEETINGS, vars("id", c.id())).getList("data.committee.meetings.id"));
        assertEquals("BAD_USER_INPUT", errorCode(editor, CORRECT, vars("id", q2, "v", 3, "i", Map.of("chair", "x"))));
        assertEquals("BAD_USER_INPUT", errorCode(editor, WITHDRAW, vars("id", q2, "v", 3, "r", "again")));
        run("2025-07-03");
        assertEquals(Map.of("2025-Q2", "OPEN"), alerts(c), "the withdrawal left Q2 short again: the system's resolution is undone");

        // Moving the Q1 meeting into Q2 fixes Q2 and breaks Q1.
        ok(editor, CORRECT, vars("id", q1, "v", 0, "i", Map.of("heldOn", "2025-04-02")));
        run("2025-07-03");
        assertEquals(Map.of("2025-Q1", "OPEN", "2025-Q2", "RESOLVED"), alerts(c));

        List<String> operations = ok(Tokens.admin(), "query($r: ID) { auditTrail(recordType: \"Meeting\", recordId: $r, first: 100) { edges { node { operation recordType } } } }",
                vars("r", q2)).getList("data.auditTrail.edges.node.operation");
        assertEquals(List.of("recordMeeting", "correctMeeting", "correctMeeting", "withdrawMeeting"), operations);
    }

    @Test
    void manuallyResolvedAlertsStayResolved() {
        Made c = committee("2025-01-01", "QUARTERLY", 1, 0);
        run("2025-04-02");
        String alertId = ok(Tokens.admin(), ALERTS, vars("u", c.unit().id())).getString("data.alerts.edges[0].node.id");
        ok(Tokens.admin(), "mutation($id: ID!) { resolveAlert(id: $id, note: \"Met on 28 March, minutes lost\") { status } }", vars("id", alertId));
        run("2025-04-03");
        assertEquals(Map.of("2025-Q1", "RESOLVED"), alerts(c));
    }

    @Test
    void meetingInputIsChecked() {
        Made c = committee("2025-01-01", "QUARTERLY", 1, 0);
        meeting(c.id(), "2025-02-10", "PLENARY");
        assertEquals("CONFLICT", errorCode(Tokens.admin(), RECORD, vars("i", Map.of("committeeId", c.id(), "heldOn", "2025-02-10", "kind", "PLENARY"))));
        meeting(c.id(), "2025-02-10", "SPECIAL");
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), RECORD, vars("i", Map.of("committeeId", c.id(), "heldOn", "2024-12-31", "kind", "PLENARY"))));
        String tomorrow = TestClock.today().plusDays(2).toString();
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), RECORD, vars("i", Map.of("committeeId", c.id(), "heldOn", tomorrow, "kind", "PLENARY"))));
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), RECORD,
                vars("i", Map.of("committeeId", c.id(), "heldOn", "2025-03-03", "kind", "PLENARY", "attendeeIds", List.of("999999999")))));
        assertEquals("NOT_FOUND", errorCode(Tokens.admin(), RECORD, vars("i", Map.of("committeeId", "999999999", "heldOn", "2025-03-03", "kind", "PLENARY"))));
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), MEETINGS, vars("id", c.id(), "f", "2025-03-01", "t", "2025-02-01")));
        assertEquals(List.of("2025-02-10"), ok(Tokens.admin(), MEETINGS, vars("id", c.id(), "f", "2025-02-10", "t", "2025-02-10"))
                .getList("data.committee.meetings.heldOn").stream().distinct().toList());
    }

    @Test
    void committeeInputIsChecked() {
        Fixtures.Unit unit = Fixtures.department(Fixtures.county());
        Map<String, Object> input = committeeInput(unit, "2025-01-01", "MONTHLY", 0, null);
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), CREATE, vars("i", input)));
        input = committeeInput(unit, "2025-01-01", "MONTHLY", 1, 400);
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), CREATE, vars("i", input)));
        input = committeeInput(unit, "1970-01-01", "MONTHLY", 1, null);
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), CREATE, vars("i", input)));
        input = committeeInput(unit, "2025-01-01", "MONTHLY", 1, null);
        input.put("name", "  ");
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), CREATE, vars("i", input)));
        input.put("name", "区安委会");
        JsonPath created = ok(Tokens.admin(), CREATE, vars("i", input));
        assertEquals(0, created.getInt("data.createCommittee.rule.graceDays"));
        assertEquals("CONFLICT", errorCode(Tokens.admin(), CREATE, vars("i", input)), "same name in the same unit");
    }

    // ---------- authorization and scope ----------

    @Test
    void coordinatorsManageCommitteesOfTheirRegionAndUnitEditorsRecordTheirOwnUnitsMeetings() {
        String county = Fixtures.county();
        Fixtures.Unit office = Fixtures.department(county);
        Fixtures.Unit town = Fixtures.unit(Fixtures.town(county), "TOWN");
        Fixtures.Unit neighbour = Fixtures.department(county);
        Fixtures.Unit elsewhere = Fixtures.department(Fixtures.county());
        String coordinator = Tokens.token(office.code(), "coordinator");

        String id = ok(coordinator, CREATE, vars("i", committeeInput(town, "2025-01-01", "MONTHLY", 1, 0)))
                .getString("data.createCommittee.id");
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.token(elsewhere.code(), "coordinator"), CREATE,
                vars("i", committeeInput(town, "2025-01-01", "MONTHLY", 1, 0))), "a unit outside the coordinator's region");
        assertEquals("FORBIDDEN", errorCode(Tokens.token(town.code(), "unit-editor"), CREATE,
                vars("i", committeeInput(town, "2025-01-01", "MONTHLY", 1, 0))));
        assertEquals("UNAUTHENTICATED", errorCode(null, CREATE, vars("i", committeeInput(town, "2025-01-01", "MONTHLY", 1, 0))));
        assertEquals("FORBIDDEN", errorCode(Tokens.token(town.code(), "unit-editor"), UPDATE,
                vars("id", id, "v", 0, "i", Map.of("name", "x"))));
        assertEquals("NOT_FOUND", errorCode(Tokens.token(elsewhere.code(), "coordinator"), UPDATE,
                vars("id", id, "v", 0, "i", Map.of("name", "x"))));
        ok(coordinator, UPDATE, vars("id", id, "v", 0, "i", Map.of("name", "盘龙镇安委会")));

        Map<String, Object> meeting = Map.of("committeeId", id, "heldOn", "2025-01-20", "kind", "PLENARY");
        assertEquals("FORBIDDEN", errorCode(Tokens.token(town.code(), "viewer"), RECORD, vars("i", meeting)));
        assertEquals("FORBIDDEN", errorCode(Tokens.token(neighbour.code(), "unit-editor"), RECORD, vars("i", meeting)),
                "a unit editor of another unit of the county sees the committee but may not record for it");
        assertEquals("NOT_FOUND", errorCode(Tokens.token(elsewhere.code(), "unit-editor"), RECORD, vars("i", meeting)));
        String meetingId = ok(Tokens.token(town.code(), "unit-editor"), RECORD, vars("i", meeting)).getString("data.recordMeeting.id");
        ok(coordinator, CORRECT, vars("id", meetingId, "v", 0, "i", Map.of("summary", "研究汛期安全工作")));
        assertEquals("NOT_FOUND", errorCode(Tokens.token(elsewhere.code(), "unit-editor"), WITHDRAW, vars("id", meetingId, "v", 1, "r", "x")));

        assertEquals("NOT_FOUND", errorCode(Tokens.token(elsewhere.code(), "viewer"), "query($id: ID!) { committee(id: $id) { id } }", vars("id", id)));
        assertEquals(List.of(), ok(Tokens.token(elsewhere.code(), "viewer"), "query($u: ID) { committees(unitId: $u) { id } }",
                vars("u", town.id())).getList("data.committees"));
        assertEquals(List.of(id), ok(Tokens.token(town.code(), "viewer"), "query { committees { id } }").getList("data.committees.id"));
        assertEquals(List.of(id), ok(coordinator, "query($u: ID) { committees(unitId: $u) { id } }", vars("u", town.id()))
                .getList("data.committees.id"));
    }

    // ---------- the SQL of the check and the Java of compliance agree on periods ----------

    @Test
    @TestTransaction
    void sqlPeriodFunctionsMatchMeetingPeriods() {
        for (Frequency frequency : Frequency.values()) {
            for (LocalDate day = LocalDate.parse("2023-12-25"); day.isBefore(LocalDate.parse("2026-01-10")); day = day.plusDays(3)) {
                Period period = MeetingPeriods.containing(frequency, day);
                Object[] row = (Object[]) em.createNativeQuery("select meeting_period_key(:f, :d), meeting_period_start(:f, :d), "
                        + "meeting_period_key_start(meeting_period_key(:f, :d))")
                        .setParameter("f", frequency.name()).setParameter("d", day).getSingleResult();
                assertEquals(period.key(), row[0], frequency + " " + day);
                assertEquals(period.start(), toLocalDate(row[1]), frequency + " " + day);
                assertEquals(period.start(), toLocalDate(row[2]), frequency + " " + day);
            }
        }
        assertEquals(null, em.createNativeQuery("select meeting_period_key_start('2025-13')").getSingleResult());
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    // ---------- nested fields cost one statement per field, not per parent ----------

    @Test
    void nestedFieldsOfManyCommitteesTakeAFixedNumberOfStatements() {
        String query = "query($u: ID) { committees(unitId: $u) { id name unit { name region { name } } members { name } "
                + "rule { frequency } meetings(from: \"2025-01-01\") { heldOn attendees { name } committee { id } } "
                + "compliance(year: 2025) { period compliant } } }";
        long few = statements(unitWithCommittees(2), query);
        long many = statements(unitWithCommittees(6), query);
        assertEquals(few, many, "statements must not grow with the number of committees");
        assertTrue(many <= 12, "statements: " + many);
    }

    private Fixtures.Unit unitWithCommittees(int count) {
        Fixtures.Unit unit = Fixtures.department(Fixtures.county());
        Fixtures.Unit member = Fixtures.department(unit.regionCode());
        for (int i = 0; i < count; i++) {
            Map<String, Object> input = committeeInput(unit, "2025-01-01", "QUARTERLY", 1, 0);
            input.put("memberIds", List.of(unit.id(), member.id()));
            String id = ok(Tokens.admin(), CREATE, vars("i", input)).getString("data.createCommittee.id");
            for (String day : List.of("2025-02-01", "2025-05-01")) {
                Map<String, Object> m = new LinkedHashMap<>(Map.of("committeeId", id, "heldOn", day, "kind", "PLENARY"));
                m.put("attendeeIds", List.of(member.id()));
                ok(Tokens.admin(), RECORD, vars("i", m));
            }
        }
        return unit;
    }

    private long statements(Fixtures.Unit unit, String query) {
        String token = Tokens.token(unit.code(), "viewer");
        long cost = SqlStatements.cost(sessionFactory, () -> ok(token, query, vars("u", unit.id())));
        assertTrue(ok(token, query, vars("u", unit.id())).getList("data.committees").size() >= 2);
        return cost;
    }
}
