package cn.worksafety.training;

import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.SqlStatements;
import cn.worksafety.support.Tokens;
import cn.worksafety.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TrainingTest {

    private static final String OFFICER = "ENFORCEMENT_OFFICER";
    private static final String CREATE_RULE = "mutation($i: TrainingRuleInput!) { createTrainingRule(input: $i) { id role kind minimumHours validityMonths description region { code } } }";
    private static final String RECORD = "mutation($i: TrainingRecordInput!) { recordTraining(input: $i) { id version kind completedOn hours passed certificateNumber validUntil person { id } } }";
    private static final String TRAINING = "query($p: ID!, $d: Date) { person(id: $p) { training(asOf: $d) { rule { id kind } state expiresOn latestRecord { id } } } }";
    private static final String GAPS = "query($u: ID!, $s: [TrainingState!], $d: Date, $f: Int, $a: String) { trainingGaps(unitId: $u, states: $s, asOf: $d, first: $f, after: $a) "
            + "{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node { person { id } rule { id } state expiresOn latestRecord { id } } } } }";
    private static final String RUN = "mutation($d: Date!) { runChecks(asOf: $d) { alertsRaised expiredTraining } }";
    private static final String ALERTS = "query($u: ID) { alerts(unitId: $u, first: 500) { totalCount edges { node { id kind status period subjectId unit { id } message trainingRule { id } } } } }";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DataSource dataSource;

    // ---------- helpers ----------

    private static String rule(String county, String role, String kind, Double minimumHours, Integer validityMonths) {
        Map<String, Object> input = new HashMap<>();
        input.put("role", role);
        input.put("kind", kind);
        input.put("minimumHours", minimumHours);
        input.put("validityMonths", validityMonths);
        input.put("regionCode", county);
        input.put("description", kind + " for " + role);
        return ok(Tokens.admin(), CREATE_RULE, vars("i", input)).getString("data.createTrainingRule.id");
    }

    private static Map<String, Object> recordInput(String person, String kind, String completedOn, Double hours, boolean passed) {
        Map<String, Object> input = new HashMap<>();
        input.put("personId", person);
        input.put("kind", kind);
        input.put("completedOn", completedOn);
        input.put("hours", hours);
        input.put("passed", passed);
        return input;
    }

    private static String record(String person, String kind, String completedOn, Double hours, boolean passed) {
        return ok(Tokens.admin(), RECORD, vars("i", recordInput(person, kind, completedOn, hours, passed))).getString("data.recordTraining.id");
    }

    /** The person's status against one rule as of the date, read through Person.training (Java rules). */
    private static Map<String, Object> status(String person, String ruleId, String asOf) {
        List<Map<String, Object>> statuses = ok(Tokens.admin(), TRAINING, vars("p", person, "d", asOf)).getList("data.person.training");
        return statuses.stream().filter(s -> ruleId.equals(((Map<?, ?>) s.get("rule")).get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("No status for rule " + ruleId + " in " + statuses));
    }

    /** The same through trainingGaps (SQL rules): the person's state against the rule, VALID when not a gap. */
    private static Map<String, Object> gap(Fixtures.Unit unit, String person, String ruleId, String asOf) {
        List<Map<String, Object>> nodes = ok(Tokens.admin(), GAPS, vars("u", unit.id(), "d", asOf, "s",
                List.of("VALID", "EXPIRING", "EXPIRED", "MISSING"))).getList("data.trainingGaps.edges.node");
        return nodes.stream().filter(n -> person.equals(((Map<?, ?>) n.get("person")).get("id"))
                && ruleId.equals(((Map<?, ?>) n.get("rule")).get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("No gap row for " + person + "/" + ruleId + " in " + nodes));
    }

    private static void assertState(Fixtures.Unit unit, String person, String ruleId, String asOf, String state, String expiresOn) {
        Map<String, Object> java = status(person, ruleId, asOf);
        assertEquals(state, java.get("state"), "Person.training as of " + asOf);
        assertEquals(expiresOn, java.get("expiresOn"), "Person.training expiresOn as of " + asOf);
        Map<String, Object> sql = gap(unit, person, ruleId, asOf);
        assertEquals(state, sql.get("state"), "trainingGaps as of " + asOf);
        assertEquals(expiresOn, sql.get("expiresOn"), "trainingGaps expiresOn as of " + asOf);
    }

    private static List<Map<String, Object>> alerts(Fixtures.Unit unit) {
        return ok(Tokens.admin(), ALERTS, vars("u", unit.id())).getList("data.alerts.edges.node");
    }

    private static List<Map<String, Object>> alerts(Fixtures.Unit unit, String kind, String status) {
        return alerts(unit).stream().filter(a -> kind.equals(a.get("kind")) && (status == null || status.equals(a.get("status")))).toList();
    }

    // ---------- state rules ----------

    @Test
    void refresherOfJanuary31stIsValidThenExpiringThenStillValidOnItsLastDayThenExpired() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        String refresher = rule(county, OFFICER, "REFRESHER", 80.0, 12);
        String person = Fixtures.person(unit, List.of(OFFICER), null, null);
        String recordId = record(person, "REFRESHER", "2025-01-31", 80.0, true);

        assertState(unit, person, refresher, "2025-06-01", "VALID", "2026-01-31");
        assertState(unit, person, refresher, "2025-12-31", "VALID", "2026-01-31");
        assertState(unit, person, refresher, "2026-01-01", "EXPIRING", "2026-01-31");
        assertState(unit, person, refresher, "2026-01-31", "EXPIRING", "2026-01-31");
        assertState(unit, person, refresher, "2026-02-01", "EXPIRED", "2026-01-31");
        assertEquals(recordId, ((Map<?, ?>) status(person, refresher, "2026-02-01").get("latestRecord")).get("id"));
        // Before the refresher was taken there was none.
        assertState(unit, person, refresher, "2025-01-30", "MISSING", null);
    }

    @Test
    void recordsBelowTheMinimumHoursOrFailedDoNotQualify() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        String refresher = rule(county, OFFICER, "REFRESHER", 80.0, 12);
        String person = Fixtures.person(unit, List.of(OFFICER), null, null);
        record(person, "REFRESHER", "2025-01-31", 79.5, true);
        record(person, "REFRESHER", "2025-02-28", 120.0, false);
        record(person, "INDUCTION", "2025-03-31", 520.0, true);
        assertState(unit, person, refresher, "2025-06-01", "MISSING", null);

        ok(Tokens.admin(), RUN, vars("d", "2025-06-01"));
        List<Map<String, Object>> missing = alerts(unit, "TRAINING_MISSING", "OPEN");
        assertEquals(1, missing.size());
        assertEquals(person, missing.get(0).get("subjectId"));
        assertNull(missing.get(0).get("period"));
        assertEquals(refresher, ((Map<?, ?>) missing.get(0).get("trainingRule")).get("id"));
    }

    @Test
    void anExplicitValidUntilWinsOverTheRulesValidity() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        String refresher = rule(county, OFFICER, "REFRESHER", null, 12);
        String certificate = rule(county, "SPECIAL_OPERATOR", "CERTIFICATE", null, null);
        String person = Fixtures.person(unit, List.of(OFFICER, "SPECIAL_OPERATOR"), null, null);
        Map<String, Object> input = recordInput(person, "REFRESHER", "2025-01-31", 80.0, true);
        input.put("validUntil", "2025-03-31");
        ok(Tokens.admin(), RECORD, vars("i", input));
        Map<String, Object> cert = recordInput(person, "CERTIFICATE", "2020-05-01", null, true);
        cert.put("validUntil", "2026-05-01");
        ok(Tokens.admin(), RECORD, vars("i", cert));

        assertState(unit, person, refresher, "2025-03-31", "EXPIRING", "2025-03-31");
        assertState(unit, person, refresher, "2025-04-01", "EXPIRED", "2025-03-31");
        assertState(unit, person, certificate, "2026-01-01", "VALID", "2026-05-01");
        assertState(unit, person, certificate, "2026-05-02", "EXPIRED", "2026-05-01");
    }

    @Test
    void monthEndsClampInJavaAndSqlAlike() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        String monthly = rule(county, "SAFETY_MANAGER", "ASSESSMENT", null, 1);
        String person = Fixtures.person(unit, List.of("SAFETY_MANAGER"), null, null);
        record(person, "ASSESSMENT", "2025-01-31", null, true);
        assertState(unit, person, monthly, "2025-02-28", "EXPIRING", "2025-02-28");
        assertState(unit, person, monthly, "2025-03-01", "EXPIRED", "2025-02-28");
        ok(Tokens.admin(), RUN, vars("d", "2025-03-01"));
        assertEquals("2025-02-28", alerts(unit, "TRAINING_EXPIRED", null).get(0).get("period"));
    }

    @Test
    void rulesApplyOnlyToTheirRoleAndRegion() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        Fixtures.Unit elsewhere = Fixtures.department(Fixtures.county());
        String officerRule = rule(county, OFFICER, "REFRESHER", null, 12);
        rule(county, "PRINCIPAL_PERSON", "ASSESSMENT", null, 12);
        String officer = Fixtures.person(unit, List.of(OFFICER), null, null);
        String outsider = Fixtures.person(elsewhere, List.of(OFFICER), null, null);
        List<Object> ruleIds = ok(Tokens.admin(), TRAINING, vars("p", officer)).getList("data.person.training.rule.id");
        assertEquals(List.of(officerRule), ruleIds);
        assertTrue(ok(Tokens.admin(), TRAINING, vars("p", outsider)).getList("data.person.training.rule.id").isEmpty());
    }

    // ---------- checks ----------

    @Test
    void checksRaiseExpiringThenExpiredOnceAndANewerRecordResolvesThem() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        String refresher = rule(county, OFFICER, "REFRESHER", 80.0, 12);
        String person = Fixtures.person(unit, List.of(OFFICER), null, null);
        record(person, "REFRESHER", "2025-01-31", 80.0, true);

        ok(Tokens.admin(), RUN, vars("d", "2025-12-01"));
        assertTrue(alerts(unit).isEmpty());

        ok(Tokens.admin(), RUN, vars("d", "2026-01-10"));
        List<Map<String, Object>> expiring = alerts(unit, "TRAINING_EXPIRING", "OPEN");
        assertEquals(1, expiring.size());
        assertEquals("2026-01-31", expiring.get(0).get("period"));
        assertEquals(unit.id(), ((Map<?, ?>) expiring.get(0).get("unit")).get("id"));
        assertEquals(refresher, ((Map<?, ?>) expiring.get(0).get("trainingRule")).get("id"));
        assertTrue(((String) expiring.get(0).get("message")).contains("expires on 2026-01-31"));

        JsonPath expiredRun = ok(Tokens.admin(), RUN, vars("d", "2026-02-01"));
        assertTrue(expiredRun.getInt("data.runChecks.expiredTraining") >= 1);
        ok(Tokens.admin(), RUN, vars("d", "2026-02-01"));
        ok(Tokens.admin(), RUN, vars("d", "2026-02-05"));
        assertEquals(2, alerts(unit).size(), "one EXPIRING and one EXPIRED alert, however often the check runs");
        assertEquals(1, alerts(unit, "TRAINING_EXPIRED", "OPEN").size());
        // Once expired, the EXPIRING alert has done its job.
        assertEquals(1, alerts(unit, "TRAINING_EXPIRING", "RESOLVED").size());

        record(person, "REFRESHER", "2026-02-10", 80.0, true);
        assertEquals(1, alerts(unit, "TRAINING_EXPIRED", "RESOLVED").size(), "resolved at once by the newer record");
        ok(Tokens.admin(), RUN, vars("d", "2026-02-15"));
        ok(Tokens.admin(), RUN, vars("d", "2026-02-05"));
        assertEquals(2, alerts(unit).size());
        assertTrue(alerts(unit).stream().allMatch(a -> "RESOLVED".equals(a.get("status"))));
    }

    @Test
    void aQualifyingRecordResolvesTheMissingAlertAndTheCheckResolvesWhatARecordMadeGood() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        rule(county, OFFICER, "INDUCTION", 520.0, null);
        rule(county, OFFICER, "REFRESHER", 80.0, 12);
        String person = Fixtures.person(unit, List.of(OFFICER), null, null);
        ok(Tokens.admin(), RUN, vars("d", "2026-03-01"));
        assertEquals(2, alerts(unit, "TRAINING_MISSING", "OPEN").size(), "one MISSING alert per rule");

        record(person, "INDUCTION", "2026-03-02", 520.0, true);
        assertEquals(1, alerts(unit, "TRAINING_MISSING", "OPEN").size());
        record(person, "REFRESHER", "2026-03-03", 40.0, true);
        assertEquals(1, alerts(unit, "TRAINING_MISSING", "OPEN").size(), "too few hours resolve nothing");
        record(person, "REFRESHER", "2026-03-04", 80.0, true);
        assertEquals(0, alerts(unit, "TRAINING_MISSING", "OPEN").size());
        ok(Tokens.admin(), RUN, vars("d", "2026-03-05"));
        assertEquals(2, alerts(unit).size());
    }

    @Test
    void concurrentRunsRaiseEachTrainingAlertOnce() throws Exception {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        rule(county, OFFICER, "REFRESHER", null, 12);
        rule(county, OFFICER, "INDUCTION", null, null);
        String person = Fixtures.person(unit, List.of(OFFICER), null, null);
        record(person, "REFRESHER", "2025-01-31", 80.0, true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<JsonPath>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> ok(Tokens.admin(), RUN, vars("d", "2026-03-01")));
            }
            for (Future<JsonPath> result : pool.invokeAll(runs)) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(2, alerts(unit).size());
        assertEquals(1, alerts(unit, "TRAINING_EXPIRED", "OPEN").size());
        assertEquals(1, alerts(unit, "TRAINING_MISSING", "OPEN").size());
    }

    // ---------- reopening ----------

    private static final String CORRECT = "mutation($id: ID!, $v: Int!, $i: TrainingCorrectionInput!) { correctTrainingRecord(id: $id, version: $v, input: $i) { id version } }";
    private static final String ALERT_DETAILS = "query($u: ID) { alerts(unitId: $u, first: 500) { edges { node { id kind status period subjectId version "
            + "acknowledgedAt acknowledgedBy resolvedAt resolvedBy resolutionNote trainingRule { id } } } } }";

    /** The unit's training alerts of a kind with their acknowledgement and resolution fields. */
    private static List<Map<String, Object>> alertDetails(Fixtures.Unit unit, String kind) {
        return ok(Tokens.admin(), ALERT_DETAILS, vars("u", unit.id())).<Map<String, Object>>getList("data.alerts.edges.node")
                .stream().filter(a -> kind.equals(a.get("kind"))).toList();
    }

    private static Map<String, Object> onlyAlert(Fixtures.Unit unit, String kind) {
        List<Map<String, Object>> found = alertDetails(unit, kind);
        assertEquals(1, found.size(), "exactly one " + kind + " alert in the unit: " + found);
        return found.get(0);
    }

    private static int run(String asOf) {
        return ok(Tokens.admin(), RUN, vars("d", asOf)).getInt("data.runChecks.alertsRaised");
    }

    private static void correct(String recordId, int version, String kind, String completedOn, double hours) {
        ok(Tokens.admin(), CORRECT, vars("id", recordId, "v", version,
                "i", Map.of("kind", kind, "completedOn", completedOn, "hours", hours, "passed", true)));
    }

    private void sql(String statement, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, update.executeUpdate(), statement);
        }
    }

    @Test
    void aCorrectionThatReopensAGapReopensTheAlertTheSystemResolvedOnce() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        String refresher = rule(county, OFFICER, "REFRESHER", 80.0, 12);
        String person = Fixtures.person(unit, List.of(OFFICER), null, null);

        run("2026-03-01");
        Map<String, Object> raised = onlyAlert(unit, "TRAINING_MISSING");
        assertEquals("OPEN", raised.get("status"));
        ok(Tokens.admin(), "mutation($id: ID!) { acknowledgeAlert(id: $id) { status } }", vars("id", raised.get("id")));

        String recordId = record(person, "REFRESHER", "2026-03-02", 80.0, true);
        Map<String, Object> resolved = onlyAlert(unit, "TRAINING_MISSING");
        assertEquals("RESOLVED", resolved.get("status"));
        assertEquals("system", resolved.get("resolvedBy"));

        correct(recordId, 0, "REFRESHER", "2026-03-02", 40.0);
        assertState(unit, person, refresher, "2026-03-10", "MISSING", null);

        assertTrue(run("2026-03-10") >= 1, "the reopened alert counts as raised");
        Map<String, Object> reopened = onlyAlert(unit, "TRAINING_MISSING");
        assertEquals(raised.get("id"), reopened.get("id"), "the same alert, not a second one");
        assertEquals("OPEN", reopened.get("status"));
        assertEquals(person, reopened.get("subjectId"));
        assertEquals(refresher, ((Map<?, ?>) reopened.get("trainingRule")).get("id"));
        for (String field : List.of("acknowledgedAt", "acknowledgedBy", "resolvedAt", "resolvedBy", "resolutionNote")) {
            assertNull(reopened.get(field), field + " is cleared");
        }
        assertTrue((Integer) reopened.get("version") > (Integer) resolved.get("version"));

        // Runs after the reopening raise and reopen nothing again.
        assertEquals(0, run("2026-03-10"), "a same-day rerun raises nothing");
        run("2026-03-20");
        Map<String, Object> later = onlyAlert(unit, "TRAINING_MISSING");
        assertEquals("OPEN", later.get("status"));
        assertEquals(reopened.get("version"), later.get("version"), "left alone by the later runs");
        assertEquals(1, alerts(unit).size());
    }

    @Test
    void anAlertTheOfficeClosedStaysClosedWithinTheQuietPeriod() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        rule(county, OFFICER, "REFRESHER", 80.0, 12);
        String person = Fixtures.person(unit, List.of(OFFICER), null, null);

        run("2026-03-01");
        String id = onlyAlert(unit, "TRAINING_MISSING").get("id").toString();
        ok(Tokens.token(unit.code(), "coordinator"), "mutation($id: ID!) { resolveAlert(id: $id, note: \"On leave; trains in May\") { status } }",
                vars("id", id));
        Map<String, Object> resolved = onlyAlert(unit, "TRAINING_MISSING");
        assertEquals("RESOLVED", resolved.get("status"));
        assertTrue(!"system".equals(resolved.get("resolvedBy")));

        // Still missing, and made good then lapsed again by a correction: the office's decision stands
        // (these runs are as of days before the closure, well within its quiet period).
        run("2026-03-05");
        String recordId = record(person, "REFRESHER", "2026-03-06", 80.0, true);
        correct(recordId, 0, "REFRESHER", "2026-03-06", 40.0);
        run("2026-03-10");
        Map<String, Object> after = onlyAlert(unit, "TRAINING_MISSING");
        assertEquals("RESOLVED", after.get("status"));
        assertEquals(resolved.get("resolvedBy"), after.get("resolvedBy"));
        assertEquals("On leave; trains in May", after.get("resolutionNote"));
        assertEquals(resolved.get("version"), after.get("version"));
    }

    @Test
    void aRoleGivenBackAndAMoveBackReopenTheSameAlerts() throws Exception {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        Fixtures.Unit other = Fixtures.department(county);
        rule(county, OFFICER, "INDUCTION", 520.0, null);
        String person = Fixtures.person(unit, List.of(OFFICER, "SAFETY_MANAGER"), null, null);
        long personId = Long.parseLong(person);

        run("2026-03-01");
        String id = onlyAlert(unit, "TRAINING_MISSING").get("id").toString();

        // No operation edits a person's roles or unit yet: change them in the database.
        sql("update person set roles = array_remove(roles, 'ENFORCEMENT_OFFICER'), version = version + 1, updated_at = ? where id = ?", TestClock.now(), personId);
        run("2026-03-02");
        assertEquals("RESOLVED", onlyAlert(unit, "TRAINING_MISSING").get("status"));
        sql("update person set roles = array_append(roles, 'ENFORCEMENT_OFFICER'), version = version + 1, updated_at = ? where id = ?", TestClock.now(), personId);
        run("2026-03-03");
        Map<String, Object> back = onlyAlert(unit, "TRAINING_MISSING");
        assertEquals(id, back.get("id").toString());
        assertEquals("OPEN", back.get("status"));

        sql("update person set unit_id = ?, version = version + 1, updated_at = ? where id = ?", Long.parseLong(other.id()), TestClock.now(), personId);
        run("2026-03-04");
        assertEquals("RESOLVED", onlyAlert(unit, "TRAINING_MISSING").get("status"));
        assertEquals("OPEN", onlyAlert(other, "TRAINING_MISSING").get("status"));
        sql("update person set unit_id = ?, version = version + 1, updated_at = ? where id = ?", Long.parseLong(unit.id()), TestClock.now(), personId);
        run("2026-03-05");
        run("2026-03-05");
        Map<String, Object> home = onlyAlert(unit, "TRAINING_MISSING");
        assertEquals(id, home.get("id").toString());
        assertEquals("OPEN", home.get("status"));
        assertEquals("RESOLVED", onlyAlert(other, "TRAINING_MISSING").get("status"));
    }

    @Test
    void anExpiringAlertIsReopenedWithinItsWindowOnly() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        rule(county, OFFICER, "REFRESHER", 80.0, 12);
        String person = Fixtures.person(unit, List.of(OFFICER), null, null);
        record(person, "REFRESHER", "2025-01-31", 80.0, true);

        run("2026-01-10");
        String id = onlyAlert(unit, "TRAINING_EXPIRING").get("id").toString();
        String newer = record(person, "REFRESHER", "2026-01-15", 80.0, true);
        assertEquals("RESOLVED", onlyAlert(unit, "TRAINING_EXPIRING").get("status"));
        correct(newer, 0, "REFRESHER", "2026-01-15", 40.0);

        run("2026-01-16");
        Map<String, Object> reopened = onlyAlert(unit, "TRAINING_EXPIRING");
        assertEquals(id, reopened.get("id").toString());
        assertEquals("OPEN", reopened.get("status"));
        assertEquals("2026-01-31", reopened.get("period"));

        run("2026-02-05");
        assertEquals("RESOLVED", onlyAlert(unit, "TRAINING_EXPIRING").get("status"), "expired: the EXPIRED alert takes over");
        assertEquals("OPEN", onlyAlert(unit, "TRAINING_EXPIRED").get("status"));
        // A replay of a day inside the window that has passed does not bring it back.
        run("2026-01-20");
        assertEquals("RESOLVED", onlyAlert(unit, "TRAINING_EXPIRING").get("status"));
        assertEquals("OPEN", onlyAlert(unit, "TRAINING_EXPIRED").get("status"));
        assertEquals(2, alerts(unit).size());
    }

    // ---------- authorization and privacy ----------

    @Test
    void unitEditorRecordsTrainingForItsOwnUnitsPeopleOnly() {
        String county = Fixtures.county();
        Fixtures.Unit own = Fixtures.department(county);
        Fixtures.Unit other = Fixtures.department(county);
        Fixtures.Unit farAway = Fixtures.department(Fixtures.county());
        String mine = Fixtures.person(own, List.of(OFFICER), null, null);
        String theirs = Fixtures.person(other, List.of(OFFICER), null, null);
        String distant = Fixtures.person(farAway, List.of(OFFICER), null, null);
        String editor = Tokens.token(own.code(), "unit-editor");

        ok(editor, RECORD, vars("i", recordInput(mine, "REFRESHER", "2025-05-01", 80.0, true)));
        assertEquals("FORBIDDEN", errorCode(editor, RECORD, vars("i", recordInput(theirs, "REFRESHER", "2025-05-01", 80.0, true))));
        assertEquals("BAD_USER_INPUT", errorCode(editor, RECORD, vars("i", recordInput(distant, "REFRESHER", "2025-05-01", 80.0, true))));
        assertEquals("FORBIDDEN", errorCode(Tokens.token(other.code(), "viewer"), RECORD,
                vars("i", recordInput(theirs, "REFRESHER", "2025-05-01", 80.0, true))));
        assertEquals("UNAUTHENTICATED", errorCode(null, RECORD, vars("i", recordInput(theirs, "REFRESHER", "2025-05-01", 80.0, true))));
        String history = "query($p: ID!) { person(id: $p) { trainingRecords { id } } }";
        assertEquals(1, ok(Tokens.admin(), history, vars("p", mine)).getList("data.person.trainingRecords").size());
        assertTrue(ok(Tokens.admin(), history, vars("p", theirs)).getList("data.person.trainingRecords").isEmpty());
        assertTrue(ok(Tokens.admin(), history, vars("p", distant)).getList("data.person.trainingRecords").isEmpty());
        // A coordinator of the region may record for any of its units.
        ok(Tokens.token(own.code(), "coordinator"), RECORD, vars("i", recordInput(theirs, "REFRESHER", "2025-05-01", 80.0, true)));
    }

    @Test
    void certificateNumbersAreMaskedOutsideTheHoldersUnit() {
        String county = Fixtures.county();
        Fixtures.Unit own = Fixtures.department(county);
        Fixtures.Unit other = Fixtures.department(county);
        String operator = Fixtures.person(own, List.of("SPECIAL_OPERATOR"), null, null);
        Map<String, Object> input = recordInput(operator, "CERTIFICATE", "2024-06-01", null, true);
        input.put("certificateNumber", "T110101199001011234");
        input.put("validUntil", "2030-06-01");
        ok(Tokens.admin(), RECORD, vars("i", input));

        String query = "query($p: ID!) { person(id: $p) { trainingRecords { certificateNumber } } }";
        String whole = "T110101199001011234";
        String masked = "T110***********1234";
        assertEquals(whole, ok(Tokens.admin(), query, vars("p", operator)).getString("data.person.trainingRecords[0].certificateNumber"));
        assertEquals(whole, ok(Tokens.token(own.code(), "unit-editor"), query, vars("p", operator))
                .getString("data.person.trainingRecords[0].certificateNumber"));
        assertEquals(whole, ok(Tokens.token(other.code(), "coordinator"), query, vars("p", operator))
                .getString("data.person.trainingRecords[0].certificateNumber"));
        assertEquals(masked, ok(Tokens.token(own.code(), "viewer"), query, vars("p", operator))
                .getString("data.person.trainingRecords[0].certificateNumber"));
        assertEquals(masked, ok(Tokens.token(own.code(), "exchange"), query, vars("p", operator))
                .getString("data.person.trainingRecords[0].certificateNumber"));
        assertEquals(masked, ok(Tokens.token(other.code(), "unit-editor"), query, vars("p", operator))
                .getString("data.person.trainingRecords[0].certificateNumber"));
    }

    @Test
    void coordinatorsMaintainRulesInTheirRegionOnly() {
        String county = Fixtures.county();
        Fixtures.Unit office = Fixtures.unit(county, "OTHER");
        String elsewhere = Fixtures.county();
        String coordinator = Tokens.token(office.code(), "coordinator");
        Map<String, Object> input = new HashMap<>(Map.of("role", "PRINCIPAL_PERSON", "kind", "ASSESSMENT", "validityMonths", 12,
                "description", "危险化学品企业主要负责人每年至少考核一次"));

        JsonPath created = ok(coordinator, CREATE_RULE, vars("i", input));
        assertEquals(county, created.getString("data.createTrainingRule.region.code"), "defaults to the coordinator's region");
        assertEquals("CONFLICT", errorCode(coordinator, CREATE_RULE, vars("i", input)));
        input.put("regionCode", elsewhere);
        assertEquals("FORBIDDEN", errorCode(coordinator, CREATE_RULE, vars("i", input)));
        input.put("regionCode", county);
        input.put("kind", "REFRESHER");
        assertEquals("FORBIDDEN", errorCode(Tokens.token(office.code(), "unit-editor"), CREATE_RULE, vars("i", input)));
        assertEquals("FORBIDDEN", errorCode(Tokens.token(office.code(), "viewer"), CREATE_RULE, vars("i", input)));
        input.put("validityMonths", 0);
        assertEquals("BAD_USER_INPUT", errorCode(coordinator, CREATE_RULE, vars("i", input)));

        String ruleId = created.getString("data.createTrainingRule.id");
        String rules = "{ trainingRules(role: PRINCIPAL_PERSON) { id } }";
        assertTrue(ok(Tokens.token(office.code(), "viewer"), rules).getList("data.trainingRules.id").contains(ruleId));
        Fixtures.Unit stranger = Fixtures.department(elsewhere);
        assertTrue(!ok(Tokens.token(stranger.code(), "viewer"), rules).getList("data.trainingRules.id").contains(ruleId));
    }

    // ---------- corrections and validation ----------

    @Test
    void aCorrectionTakesTheVersionReadIsAuditedAndCanOpenAGap() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        String refresher = rule(county, OFFICER, "REFRESHER", 80.0, 12);
        String person = Fixtures.person(unit, List.of(OFFICER), null, null);
        String recordId = record(person, "REFRESHER", "2025-01-31", 80.0, true);
        String correct = "mutation($id: ID!, $v: Int!, $i: TrainingCorrectionInput!) { correctTrainingRecord(id: $id, version: $v, input: $i) { id version hours } }";
        Map<String, Object> input = new HashMap<>(Map.of("kind", "REFRESHER", "completedOn", "2025-01-31", "hours", 40.0, "passed", true));

        JsonPath corrected = ok(Tokens.token(unit.code(), "unit-editor"), correct, vars("id", recordId, "v", 0, "i", input));
        assertEquals(1, corrected.getInt("data.correctTrainingRecord.version"));
        assertEquals(40.0, corrected.getDouble("data.correctTrainingRecord.hours"));
        assertEquals("CONFLICT", errorCode(Tokens.admin(), correct, vars("id", recordId, "v", 0, "i", input)));
        assertEquals("NOT_FOUND", errorCode(Tokens.admin(), correct, vars("id", "987654321", "v", 0, "i", input)));
        assertState(unit, person, refresher, "2025-06-01", "MISSING", null);

        List<Map<String, Object>> audit = ok(Tokens.admin(), "query($r: ID) { auditTrail(recordType: \"TrainingRecord\", recordId: $r) { edges { node { operation before after } } } }",
                vars("r", recordId)).getList("data.auditTrail.edges.node");
        assertEquals(List.of("recordTraining", "correctTrainingRecord"), audit.stream().map(a -> a.get("operation")).toList());
    }

    @Test
    void impossibleRecordsAreRejectedAndWriteNothing() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        String person = Fixtures.person(unit, List.of(OFFICER), null, null);
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), RECORD, vars("i", recordInput(person, "REFRESHER", "2099-01-01", 80.0, true))));
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), RECORD, vars("i", recordInput(person, "REFRESHER", "2025-01-01", 0.0, true))));
        Map<String, Object> backwards = recordInput(person, "CERTIFICATE", "2025-01-01", null, true);
        backwards.put("validUntil", "2024-12-31");
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), RECORD, vars("i", backwards)));
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), RECORD, vars("i", recordInput("987654321", "REFRESHER", "2025-01-01", 8.0, true))));
        assertTrue(ok(Tokens.admin(), "query($p: ID!) { person(id: $p) { trainingRecords { id } } }", vars("p", person))
                .getList("data.person.trainingRecords").isEmpty());
    }

    // ---------- lists and batching ----------

    @Test
    void trainingGapsPageThroughTheUnitsShortfallsByPersonAndRule() {
        String county = Fixtures.county();
        Fixtures.Unit unit = Fixtures.department(county);
        String induction = rule(county, OFFICER, "INDUCTION", null, null);
        String refresher = rule(county, OFFICER, "REFRESHER", null, 12);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            people.add(Fixtures.person(unit, List.of(OFFICER), null, null));
        }
        record(people.get(0), "INDUCTION", "2020-01-01", null, true);
        record(people.get(0), "REFRESHER", "2025-11-20", null, true);

        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = ok(Tokens.admin(), GAPS, vars("u", unit.id(), "d", "2025-12-01", "f", 2, "a", after));
            assertEquals(4, page.getInt("data.trainingGaps.totalCount"));
            List<Map<String, Object>> nodes = page.getList("data.trainingGaps.edges.node");
            nodes.forEach(n -> seen.add(((Map<?, ?>) n.get("person")).get("id") + "/" + ((Map<?, ?>) n.get("rule")).get("id") + "/" + n.get("state")));
            after = page.getBoolean("data.trainingGaps.pageInfo.hasNextPage") ? page.getString("data.trainingGaps.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(List.of(
                people.get(1) + "/" + induction + "/MISSING", people.get(1) + "/" + refresher + "/MISSING",
                people.get(2) + "/" + induction + "/MISSING", people.get(2) + "/" + refresher + "/MISSING"), seen);

        JsonPath expired = ok(Tokens.admin(), GAPS, vars("u", unit.id(), "d", "2026-11-21", "s", List.of("EXPIRED")));
        assertEquals(List.of(people.get(0)), expired.getList("data.trainingGaps.edges.node.person.id"));
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), GAPS, vars("u", unit.id(), "a", "garbage!")));
        Fixtures.Unit stranger = Fixtures.department(Fixtures.county());
        assertEquals("NOT_FOUND", errorCode(Tokens.token(stranger.code(), "viewer"), GAPS, vars("u", unit.id())));
    }

    @Test
    void nestedTrainingOfManyPeopleCostsAFixedNumberOfStatements() {
        String county = Fixtures.county();
        Fixtures.Unit small = Fixtures.department(county);
        Fixtures.Unit large = Fixtures.department(county);
        rule(county, OFFICER, "REFRESHER", 80.0, 12);
        rule(county, "SPECIAL_OPERATOR", "CERTIFICATE", null, 72);
        for (int i = 0; i < 14; i++) {
            String p = Fixtures.person(i < 2 ? small : large, List.of(OFFICER, "SPECIAL_OPERATOR"), null, null);
            record(p, "REFRESHER", "2025-06-01", 80.0, true);
            Map<String, Object> cert = recordInput(p, "CERTIFICATE", "2024-01-01", null, true);
            cert.put("certificateNumber", "CERT-" + i);
            ok(Tokens.admin(), RECORD, vars("i", cert));
        }
        String query = "query($u: ID) { persons(unitId: $u) { edges { node { id training(asOf: \"2026-01-01\") { state expiresOn rule { kind region { code } } "
                + "latestRecord { certificateNumber person { id } } } trainingRecords { id certificateNumber } } } } }";
        String viewer = Tokens.token(small.code(), "viewer");
        long few = statements(() -> ok(viewer, query, vars("u", small.id())));
        JsonPath many = ok(viewer, query, vars("u", large.id()));
        long manyStatements = statements(() -> ok(viewer, query, vars("u", large.id())));
        assertEquals(few, manyStatements, "statements must not grow with the number of people");
        assertEquals(12, many.getList("data.persons.edges").size());
        assertEquals("VALID", many.getString("data.persons.edges[0].node.training.find { it.rule.kind == 'REFRESHER' }.state"));
        assertEquals("2026-06-01", many.getString("data.persons.edges[0].node.training.find { it.rule.kind == 'REFRESHER' }.expiresOn"));
        assertEquals("2030-01-01", many.getString("data.persons.edges[0].node.training.find { it.rule.kind == 'CERTIFICATE' }.expiresOn"));
        assertEquals("******", many.getString("data.persons.edges[0].node.trainingRecords[1].certificateNumber"));
    }

    private long statements(Runnable call) {
        return SqlStatements.cost(sessionFactory, call);
    }
}
