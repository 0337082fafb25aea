package cn.worksafety.alert;

import static cn.worksafety.support.GraphQL.errorCode;
import static cn.worksafety.support.GraphQL.ok;
import static cn.worksafety.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import cn.worksafety.support.Fixtures;
import cn.worksafety.support.SqlStatements;
import cn.worksafety.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CheckRunnerTest {

    @Inject
    CheckRunner runner;

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessionFactory;

    private static final String RUN = "mutation($d: Date!) { runChecks(asOf: $d) { asOf alertsRaised missedMeetings } }";
    private static final String ALERTS = "query($u: ID) { alerts(unitId: $u) { totalCount edges { node { id kind status period subjectId unit { id } message } } } }";

    private Fixtures.Unit flaggedUnit() {
        return flaggedUnit(Fixtures.county());
    }

    private Fixtures.Unit flaggedUnit(String county) {
        String code = Fixtures.unique("F");
        String id = ok(Tokens.admin(), "mutation($i: UnitInput!) { createUnit(input: $i) { id } }",
                vars("i", Map.of("code", code, "name", "FLAG " + code, "kind", "TOWN", "regionCode", county)))
                .getString("data.createUnit.id");
        return new Fixtures.Unit(id, code, null);
    }

    @Test
    void aRepeatedRunRaisesNothingTwice() {
        Fixtures.Unit unit = flaggedUnit();
        JsonPath first = ok(Tokens.admin(), RUN, vars("d", "2031-05-01"));
        assertEquals("2031-05-01", first.getString("data.runChecks.asOf"));
        assertTrue(first.getInt("data.runChecks.alertsRaised") >= 1);
        ok(Tokens.admin(), RUN, vars("d", "2031-05-01"));
        JsonPath alerts = ok(Tokens.admin(), ALERTS, vars("u", unit.id()));
        assertEquals(1, alerts.getInt("data.alerts.totalCount"));
        assertEquals("2031", alerts.getString("data.alerts.edges[0].node.period"));
        assertEquals(unit.id(), alerts.getString("data.alerts.edges[0].node.subjectId"));
        assertEquals(unit.id(), alerts.getString("data.alerts.edges[0].node.unit.id"));
        assertEquals("OPEN", alerts.getString("data.alerts.edges[0].node.status"));
    }

    @Test
    void metricsShowTheRunsAndTheOpenAlertsPerKind() {
        flaggedUnit();
        ok(Tokens.admin(), RUN, vars("d", "2031-06-01"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("safety_checks_duration_seconds_count"), "check duration");
        assertTrue(metrics.contains("safety_alerts_raised_total"), "alerts raised");
        double open = metrics.lines().filter(l -> l.startsWith("safety_alerts_open{kind=\"MISSED_MEETING\"")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElseThrow();
        assertTrue(open >= 1, "the flagged unit's alert is open: " + open);
        assertTrue(metrics.contains("safety_alerts_open{kind=\"TRAINING_EXPIRED\""), "every kind has a gauge");
    }

    @Test
    void aRunAndTheAlertsItRaisesAreAudited() {
        Fixtures.Unit unit = flaggedUnit();
        ok(Tokens.admin(), RUN, vars("d", "2031-07-01"));
        String alertId = ok(Tokens.admin(), ALERTS, vars("u", unit.id())).getString("data.alerts.edges[0].node.id");
        String audit = "query($t: String, $r: ID) { auditTrail(recordType: $t, recordId: $r, first: 500) "
                + "{ edges { node { operation subject after } } } }";
        List<Map<String, Object>> entries = ok(Tokens.admin(), audit, vars("t", "Alert", "r", alertId)).getList("data.auditTrail.edges.node");
        assertEquals(1, entries.size(), entries.toString());
        assertEquals("runChecks", entries.get(0).get("operation"));
        assertTrue(String.valueOf(entries.get(0).get("subject")).startsWith("test-admin"), entries.toString());
        assertEquals("OPEN", JsonPath.from((String) entries.get(0).get("after")).getString("status"));

        ok(Tokens.admin(), RUN, vars("d", "2031-07-01"));
        assertEquals(1, ok(Tokens.admin(), audit, vars("t", "Alert", "r", alertId)).getList("data.auditTrail.edges").size(),
                "a run that changes nothing audits no alert");
        assertFalse(ok(Tokens.admin(), audit, vars("t", "CheckRun", "r", null)).getList("data.auditTrail.edges").isEmpty());
    }

    @Test
    void theSchedulerRunsOnlyWhenDueAndNoOtherReplicaIsRunning() throws Exception {
        ok(Tokens.admin(), RUN, vars("d", "2031-08-01"));
        assertTrue(runner.runIfDue("SCHEDULE", Duration.ofHours(20)).isEmpty(), "a run finished moments ago");
        assertEquals("STARTUP", runner.runIfDue("STARTUP", Duration.ZERO).orElseThrow().trigger);

        // Another replica holds the checks' lock: the scheduled run skips instead of queueing behind it.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> replica = other.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CheckRunner.LOCK_KEY).getSingleResult();
                locked.countDown();
                await(release);
            }));
            assertTrue(locked.await(30, TimeUnit.SECONDS));
            assertTrue(runner.runIfDue("SCHEDULE", Duration.ZERO).isEmpty(), "skipped while another run holds the lock");
            release.countDown();
            replica.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            other.shutdown();
        }
        assertTrue(runner.runIfDue("SCHEDULE", Duration.ZERO).isPresent(), "runs once the lock is free");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void alertsWithTheirUnitsCostAFixedNumberOfStatements() {
        String county = Fixtures.county();
        String viewer = Tokens.token(Fixtures.department(county).code(), "viewer");
        String query = "{ alerts(first: 100) { totalCount edges { node { id kind unit { code name region { code } } } } } }";
        flaggedUnit(county);
        ok(Tokens.admin(), RUN, vars("d", "2035-01-01"));
        long one = statements(() -> assertEquals(1, ok(viewer, query).getInt("data.alerts.totalCount")));
        for (int i = 0; i < 6; i++) {
            flaggedUnit(county);
        }
        ok(Tokens.admin(), RUN, vars("d", "2035-01-01"));
        long seven = statements(() -> assertEquals(7, ok(viewer, query).getInt("data.alerts.totalCount")));
        assertEquals(one, seven, "statements for 1 alert vs 7 alerts of different units");
    }

    private long statements(Runnable request) {
        return SqlStatements.cost(sessionFactory, request);
    }

    @Test
    void concurrentRunsRaiseEachAlertOnce() throws Exception {
        Fixtures.Unit unit = flaggedUnit();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<JsonPath>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> ok(Tokens.admin(), RUN, vars("d", "2032-01-15")));
            }
            for (Future<JsonPath> result : pool.invokeAll(runs)) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, ok(Tokens.admin(), ALERTS, vars("u", unit.id())).getInt("data.alerts.totalCount"));
    }

    @Test
    void onlyAdminsRunTheChecks() {
        assertEquals("FORBIDDEN", errorCode(Tokens.token(null, "coordinator"), RUN, vars("d", "2030-01-01")));
        assertEquals("UNAUTHENTICATED", errorCode(null, RUN, vars("d", "2030-01-01")));
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), RUN, vars("d", "1999-12-31")));
        assertEquals("BAD_USER_INPUT", errorCode(Tokens.admin(), RUN, vars("d", "2030-02-30")));
    }

    @Test
    void unitEditorAcknowledgesItsOwnUnitsAlertOnlyAndOnlyTheOfficeCloses() {
        Fixtures.Unit unit = flaggedUnit();
        Fixtures.Unit other = Fixtures.department(Fixtures.county());
        ok(Tokens.admin(), RUN, vars("d", "2033-03-03"));
        String alertId = ok(Tokens.admin(), ALERTS, vars("u", unit.id())).getString("data.alerts.edges[0].node.id");

        assertEquals("NOT_FOUND", errorCode(Tokens.token(other.code(), "unit-editor"),
                "mutation($id: ID!) { acknowledgeAlert(id: $id) { status } }", vars("id", alertId)));
        assertEquals("FORBIDDEN", errorCode(Tokens.token(unit.code(), "viewer"),
                "mutation($id: ID!) { acknowledgeAlert(id: $id) { status } }", vars("id", alertId)));

        String editor = Tokens.token(unit.code(), "unit-editor");
        assertEquals("ACKNOWLEDGED", ok(editor, "mutation($id: ID!) { acknowledgeAlert(id: $id) { status } }", vars("id", alertId))
                .getString("data.acknowledgeAlert.status"));
        // RULES.md Supervision: a unit may acknowledge, not resolve.
        assertEquals("FORBIDDEN", errorCode(editor, "mutation($id: ID!) { resolveAlert(id: $id, note: \"held on 3 March\") { status } }",
                vars("id", alertId)));
        String coordinator = Tokens.token(unit.code(), "coordinator");
        assertEquals("BAD_USER_INPUT", errorCode(coordinator, "mutation($id: ID!) { resolveAlert(id: $id) { status } }", vars("id", alertId)));
        JsonPath resolved = ok(coordinator, "mutation($id: ID!) { resolveAlert(id: $id, note: \"held on 3 March\") { status } }",
                vars("id", alertId));
        assertEquals("RESOLVED", resolved.getString("data.resolveAlert.status"));
        assertEquals("BAD_USER_INPUT", errorCode(coordinator, "mutation($id: ID!) { resolveAlert(id: $id, note: \"again\") { status } }",
                vars("id", alertId)));
        // A later run within the quiet period does not reopen or duplicate the closed alert.
        ok(Tokens.admin(), RUN, vars("d", "2033-03-04"));
        assertEquals(1, ok(Tokens.admin(), ALERTS, vars("u", unit.id())).getInt("data.alerts.totalCount"));
    }

    @Test
    void viewersSeeOnlyAlertsOfTheirRegion() {
        Fixtures.Unit unit = flaggedUnit();
        ok(Tokens.admin(), RUN, vars("d", "2034-01-01"));
        Fixtures.Unit elsewhere = Fixtures.department(Fixtures.county());
        assertEquals(0, ok(Tokens.token(elsewhere.code(), "viewer"), ALERTS, vars("u", unit.id())).getInt("data.alerts.totalCount"));
        assertEquals(1, ok(Tokens.token(unit.code(), "viewer"), ALERTS, vars("u", unit.id())).getInt("data.alerts.totalCount"));
    }
}
