package cn.worksafety.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Local mode as a newcomer runs it, with real processes: the packaged jar started with
 * {@code QUARKUS_PROFILE=local}, a record created through the API, the JVM killed with SIGKILL
 * (as {@code kill -9} or {@code -XX:+ExitOnOutOfMemoryError} do), and the service started again
 * at once on the same data directory. Only HTTP, exit codes, output and files: nothing reaches
 * into the application.
 */
class LocalModeRestartIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
    /** A guard against a start that never comes, not a speed target (two shared cores, a busy build). */
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    private final List<Process> started = new ArrayList<>();

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void serviceKilledWithSigkillStartsAgainAtOnceWithItsDataAndKeepsOthersOffItsDirectory() throws Exception {
        assumeFalse(Files.exists(Path.of(System.getProperty("native.image.path", "-"))) && !Files.exists(JAR),
                "local mode is the JVM build's; the native build has no embedded PostgreSQL");
        assertTrue(Files.exists(JAR), "the packaged jar " + JAR);
        Path data = Files.createDirectories(Path.of("target", "local-restart-it").toAbsolutePath())
                .resolve("data-" + System.nanoTime());

        int port = freePort();
        Process first = launch(data, port, "first");
        awaitReady(first, port);
        String token = token(port);
        String region = graphql(port, token, "{ units(first: 1) { edges { node { region { code } } } } }")
                .getString("data.units.edges[0].node.region.code");
        String code = "RESTART-" + System.nanoTime();
        String id = graphql(port, token, "mutation($i: UnitInput!) { createUnit(input: $i) { id } }",
                Map.of("i", Map.of("code", code, "name", "Created before the kill", "kind", "DEPARTMENT", "regionCode", region)))
                .getString("data.createUnit.id");
        ProcessHandle postmaster = postmaster(data);
        assertDurable(data);

        first.destroyForcibly(); // SIGKILL: no shutdown hook runs
        first.waitFor();
        assertTrue(postmaster.isAlive(), "the killed service's PostgreSQL outlives it: the case a restart must handle");

        int secondPort = freePort();
        Process second = launch(data, secondPort, "second");
        awaitReady(second, secondPort);
        assertFalse(postmaster.isAlive(), "the left-over server was stopped before the new one started");
        assertEquals(code, graphql(secondPort, token(secondPort), "query($id: ID!) { unit(id: $id) { code } }", Map.of("id", id))
                .getString("data.unit.code"), "the unit committed before the kill is there after the restart");

        // A second service on the same data directory: one line naming the holder, exit status 1.
        Process intruder = launch(data, freePort(), "intruder");
        assertTrue(intruder.waitFor(READY_WITHIN.toSeconds(), TimeUnit.SECONDS), "the second service exits");
        assertEquals(1, intruder.exitValue());
        String said = Files.readString(output(data, "intruder")).strip();
        assertEquals("Local data directory " + data + " is in use by another running service (process " + second.pid()
                + "): stop that service first, or start this one with LOCAL_DATA_DIR set to another directory.", said);
        assertTrue(second.isAlive(), "the running service is untouched");

        ProcessHandle secondPostmaster = postmaster(data);
        second.destroy(); // SIGTERM: a clean stop takes its PostgreSQL down with it
        assertTrue(second.waitFor(2, TimeUnit.MINUTES));
        assertTrue(secondPostmaster.onExit().get(2, TimeUnit.MINUTES) != null);
        assertFalse(Files.exists(data.resolve("pg").resolve("postmaster.pid")));
        assertTrue(Files.readString(data.resolve("postgres.log")).contains("database system is shut down"),
                "PostgreSQL's own log is in the data directory");
    }

    @AfterEach
    void stopWhatWasStarted() throws Exception {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private Process launch(Path data, int port, String name) throws IOException {
        Files.createDirectories(data);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(output(data, name).toFile());
        builder.environment().put("QUARKUS_PROFILE", "local");
        builder.environment().put("LOCAL_DATA_DIR", data.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("APP_CHECKS_CATCH_UP_AT_START", "false");
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static Path output(Path data, String name) {
        return data.resolveSibling(data.getFileName() + "-" + name + ".log");
    }

    private static void awaitReady(Process process, int port) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("the service exited with " + process.exitValue() + " before it was ready");
            }
            try {
                if (given().port(port).when().get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notListeningYet) {
                // connection refused until the HTTP server is up
            }
            Thread.sleep(250);
        }
        fail("the service was not ready within " + READY_WITHIN);
    }

    private static String token(int port) {
        return given().port(port).contentType(ContentType.JSON).body(Map.of("roles", List.of("admin")))
                .when().post("/local/token").then().statusCode(200).extract().path("access_token");
    }

    private static JsonPath graphql(int port, String token, String query) {
        return graphql(port, token, query, Map.of());
    }

    private static JsonPath graphql(int port, String token, String query, Map<String, Object> variables) {
        JsonPath answer = given().port(port).contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("query", query, "variables", variables))
                .when().post("/graphql").then().statusCode(200).extract().jsonPath();
        Object errors = answer.get("errors");
        assertNull(errors, answer.prettify());
        return answer;
    }

    /** The running postmaster of the data directory, from its pid file. */
    private static ProcessHandle postmaster(Path data) throws IOException {
        List<String> pidFile = Files.readAllLines(data.resolve("pg").resolve("postmaster.pid"));
        return ProcessHandle.of(Long.parseLong(pidFile.get(0).trim())).orElseThrow();
    }

    /** Local mode's server commits durably, unlike the tests' own. */
    private static void assertDurable(Path data) throws IOException, SQLException {
        String port = Files.readAllLines(data.resolve("pg").resolve("postmaster.pid")).get(3).trim();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit")) {
                try (ResultSet result = statement.executeQuery("SHOW " + setting)) {
                    result.next();
                    assertEquals("on", result.getString(1), setting);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
