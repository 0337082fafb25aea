package cn.worksafety.packaged;

import static cn.worksafety.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Database;
import cn.worksafety.support.Fixtures;
import cn.worksafety.support.GraphQL;
import cn.worksafety.support.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * The PostgreSQL server stops and starts again under the packaged service while clients keep
 * creating units: the service reports not-ready while the database is away and ready again by itself
 * once it is back, without a restart; every mutation that answered success is in the database
 * afterwards, and every one that failed left nothing.
 */
@QuarkusIntegrationTest
class DatabaseRestartIT {

    private static final Path DATA = Path.of("target", "test-data", "pg").toAbsolutePath();

    private static Path pgCtl() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("target", "test-data", "work"))) {
            return files.filter(p -> p.endsWith(Path.of("bin", "pg_ctl"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no pg_ctl under target/test-data/work"));
        }
    }

    private static void pgCtl(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // Run as root, zonky starts PostgreSQL (which refuses root) under `unshare -U`; so must pg_ctl.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl().toString(), "-D", DATA.toString(), "-w", "-t", "60"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "test-data", "pg_ctl.log").toFile()).start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "pg_ctl " + String.join(" ", args) + " hangs");
        assertEquals(0, process.exitValue(), "pg_ctl " + String.join(" ", args) + ": see target/test-data/pg_ctl.log");
    }

    /** The server's own options of this run (port, settings) from postmaster.opts, for starting it again alike. */
    private static String serverOptions() throws IOException {
        String opts = Files.readString(DATA.resolve("postmaster.opts")).strip();
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(opts);
        List<String> args = new ArrayList<>();
        while (quoted.find()) {
            args.add(quoted.group(1));
        }
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-D")) {
                i++;
                continue;
            }
            options.append(' ').append(args.get(i));
        }
        return options.toString().strip();
    }

    private static int ready() {
        return given().when().get("/q/health/ready").then().extract().statusCode();
    }

    private static void awaitReady(int status, long seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (ready() != status) {
            assertTrue(System.nanoTime() < until, "readiness never answered " + status);
            Thread.sleep(200);
        }
    }

    @Test
    void theServiceRidesOutADatabaseRestartAndLosesNothingItConfirmed() throws Exception {
        String county = Fixtures.county();
        String options = serverOptions();
        awaitReady(200, 30);

        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        Set<String> failed = ConcurrentHashMap.newKeySet();
        Map<String, Integer> failureCodes = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            running.add(clients.submit(() -> {
                while (!stop.get()) {
                    String code = Fixtures.unique("RST");
                    try {
                        JsonPath json = GraphQL.post(Tokens.admin(), "mutation($i: UnitInput!) { createUnit(input: $i) { id } }",
                                vars("i", Map.of("code", code, "name", "Restart " + code, "kind", "ENTERPRISE", "regionCode", county)))
                                .extract().jsonPath();
                        if (json.get("errors") == null) {
                            confirmed.add(code);
                        } else {
                            failed.add(code);
                            failureCodes.merge(json.getString("errors[0].extensions.code"), 1, Integer::sum);
                        }
                    } catch (RuntimeException | AssertionError e) {
                        failed.add(code); // no answer at all: it may or may not have been written
                        failureCodes.merge("NO_ANSWER", 1, Integer::sum);
                    }
                    Thread.sleep(20);
                }
                return null;
            }));
        }
        try {
            Thread.sleep(2000);
            pgCtl("stop", "-m", "fast");
            awaitReady(503, 60);
            Thread.sleep(2000);
            pgCtl("start", "-o", options, "-l", Path.of("target", "test-data", "pg-restarted.log").toAbsolutePath().toString());
            awaitReady(200, 90);
            int before = confirmed.size();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (confirmed.size() < before + 10) {
                assertTrue(System.nanoTime() < until, "no mutation succeeded after the restart: " + failureCodes);
                Thread.sleep(100);
            }
        } finally {
            stop.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            clients.shutdownNow();
        }

        assertTrue(!failed.isEmpty(), "no mutation failed while the database was down");
        assertTrue(failureCodes.keySet().stream().allMatch(c -> c.equals("INTERNAL")), failureCodes.toString());
        Set<String> stored = ConcurrentHashMap.newKeySet();
        try (Connection db = Database.connect();
                PreparedStatement units = db.prepareStatement("select code from unit where region_code = ?")) {
            units.setString(1, county);
            try (ResultSet rows = units.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        }
        assertTrue(stored.containsAll(confirmed), "confirmed but missing: " + confirmed.stream().filter(c -> !stored.contains(c)).toList());
        assertEquals(List.of(), failed.stream().filter(stored::contains).toList(), "failed but written");
    }
}
