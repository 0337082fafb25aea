package cn.worksafety.alert;

import static cn.worksafety.support.GraphQL.post;
import static cn.worksafety.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Database;
import cn.worksafety.support.LogCapture;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;

/**
 * runChecks from several clients at once, and while another replica holds the checks' lock: no
 * alert twice, and no answer other than a run or a clear CONFLICT "already running".
 */
@QuarkusTest
class CheckConcurrencyTest {

    private static final String RUN = "mutation($d: Date!) { runChecks(asOf: $d) { asOf alertsRaised } }";

    @Test
    void aManualRunWaitsForARunningOneOnlySoLongThenSaysTheChecksAreRunning() throws Exception {
        try (Connection replica = Database.connect(); Statement sql = replica.createStatement()) {
            // Another replica in the middle of a run holds the checks' advisory lock.
            sql.execute("select pg_advisory_lock(" + CheckRunner.LOCK_KEY + ")");
            LogCapture log = LogCapture.start();
            try {
                // One client gives up after 2 s and hangs up while its request still waits: the
                // service must not fail on the ended request (it once answered INTERNAL with
                // ContextNotActiveException for the request-scoped Caller).
                ExecutorService impatient = Executors.newSingleThreadExecutor();
                impatient.submit(() -> given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 2000))).contentType("application/json")
                        .header("Authorization", "Bearer " + Tokens.admin())
                        .body(Map.of("query", RUN, "variables", Map.of("d", "2032-03-01"))).post("/graphql"));
                impatient.shutdown();
                JsonPath refused = post(Tokens.admin(), RUN, vars("d", "2032-03-01")).extract().jsonPath();
                assertEquals("CONFLICT", refused.getString("errors[0].extensions.code"), refused.prettify());
                assertTrue(refused.getString("errors[0].message").contains("already running"), refused.prettify());
                // CONFLICT "already running" is the lock timeout's answer; the statement timeout's is BAD_USER_INPUT.
                Thread.sleep(2000);
                assertFalse(log.text().contains("Internal error"), log.text());
                assertFalse(log.text().contains("ContextNotActiveException"), log.text());
            } finally {
                log.close();
                sql.execute("select pg_advisory_unlock(" + CheckRunner.LOCK_KEY + ")");
            }
        }
    }

    @Test
    void severalClientsRunningTheChecksAtOnceRaiseEachAlertOnce() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(clients.submit(() -> post(Tokens.admin(), RUN, vars("d", "2032-04-01")).extract().jsonPath()));
            }
            for (Future<JsonPath> answer : answers) {
                JsonPath json = answer.get();
                if (json.get("errors") != null) {
                    assertEquals("CONFLICT", json.getString("errors[0].extensions.code"), json.prettify());
                    assertTrue(json.getString("errors[0].message").contains("already running"), json.prettify());
                } else {
                    assertEquals("2032-04-01", json.getString("data.runChecks.asOf"));
                }
            }
        } finally {
            clients.shutdownNow();
        }
        try (Connection db = Database.connect(); Statement sql = db.createStatement();
                ResultSet twice = sql.executeQuery("select count(*) from (select 1 from alert "
                        + "group by kind, subject_id, unit_id, period having count(*) > 1) d")) {
            twice.next();
            assertEquals(0, twice.getInt(1));
        }
    }
}
