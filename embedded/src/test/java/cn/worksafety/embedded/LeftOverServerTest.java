package cn.worksafety.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * What a new start finds in the data directory of a killed service, with a real PostgreSQL: a
 * server still running (as pg_ctl leaves it: its own process, not a child of this JVM), a pid
 * file of a process that is gone, and a pid file whose number now belongs to another program.
 */
class LeftOverServerTest {

    private static final Path ROOT = Path.of("target", "left-over-test").toAbsolutePath();
    private static final Path WORK = Path.of("target", "test-data", "work").toAbsolutePath();
    private static Path bin;

    @BeforeAll
    static void binaries() throws Exception {
        // zonky unpacks its PostgreSQL binaries on a first start; this test then runs them by hand.
        try (EmbeddedPostgres unpack = EmbeddedPostgres.builder().setOverrideWorkingDirectory(WORK.toFile())
                .setDataDirectory(Files.createDirectories(ROOT).resolve("unpack-" + System.nanoTime())).start()) {
            try (Stream<Path> dirs = Files.list(WORK)) {
                bin = dirs.filter(dir -> dir.getFileName().toString().startsWith("PG-")).map(dir -> dir.resolve("bin"))
                        .filter(Files::isDirectory).findFirst().orElseThrow();
            }
        }
    }

    @Test
    void aServerLeftRunningIsStoppedCleanlyAndWhatItCommittedIsKept() throws Exception {
        Path home = Files.createDirectories(ROOT.resolve("running-" + System.nanoTime()));
        Path pg = home.resolve("pg");
        Path log = home.resolve("postgres.log");
        run(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D", pg.toString(), "-E", "UTF-8");
        int port = freePort();
        run(bin.resolve("pg_ctl").toString(), "-D", pg.toString(), "-l", log.toString(), "-o", "-p " + port, "-w", "start");
        ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(Files.readAllLines(pg.resolve("postmaster.pid")).get(0))).orElseThrow();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create table kept (note text); insert into kept values ('committed before the crash')");
        }

        assertEquals(LeftOverServer.Found.RUNNING_SERVER_STOPPED, LeftOverServer.clear(pg, log));

        assertFalse(postmaster.isAlive(), "the left-over server is stopped");
        assertFalse(Files.exists(pg.resolve("postmaster.pid")));
        assertTrue(Files.readString(log).contains("received fast shutdown request"), "stopped with pg_ctl -m fast");
        try (EmbeddedPostgres again = EmbeddedPostgres.builder().setOverrideWorkingDirectory(WORK.toFile())
                .setDataDirectory(pg).setCleanDataDirectory(false).start();
                Connection connection = again.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet kept = statement.executeQuery("select note from kept")) {
            assertTrue(kept.next());
            assertEquals("committed before the crash", kept.getString(1));
        }
    }

    @Test
    void aPidFileOfAProcessThatIsGoneIsRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path pg = pidFile(gone.pid());

        assertEquals(LeftOverServer.Found.STALE_PID_FILE, LeftOverServer.clear(pg, pg.resolveSibling("postgres.log")));
        assertFalse(Files.exists(pg.resolve("postmaster.pid")));
    }

    @Test
    void aPidFileWhoseNumberNowBelongsToAnotherProgramIsRemovedAndThatProgramLeftAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "120").start();
        try {
            Path pg = pidFile(other.pid());

            assertEquals(LeftOverServer.Found.STALE_PID_FILE, LeftOverServer.clear(pg, pg.resolveSibling("postgres.log")));
            assertFalse(Files.exists(pg.resolve("postmaster.pid")));
            assertFalse(other.waitFor(1, TimeUnit.SECONDS), "the other program was not signalled");
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aDirectoryWithoutAPidFileIsLeftAsItIs() throws Exception {
        Path pg = Files.createDirectories(ROOT.resolve("clean-" + System.nanoTime()).resolve("pg"));
        assertEquals(LeftOverServer.Found.NOTHING, LeftOverServer.clear(pg, pg.resolveSibling("postgres.log")));
    }

    /** A data directory whose postmaster.pid names {@code pid}, as PostgreSQL writes it. */
    private static Path pidFile(long pid) throws IOException {
        Path pg = Files.createDirectories(ROOT.resolve("pid-" + System.nanoTime()).resolve("pg"));
        Files.writeString(pg.resolve("postmaster.pid"), pid + "\n" + pg + "\n1700000000\n5432\n/tmp\nlocalhost\n  0 0\nready\n");
        return pg;
    }

    /** Runs a PostgreSQL program as zonky does: under {@code unshare -U} when this JVM is root. */
    private static void run(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(ROOT.resolve("programs.log").toFile())).start();
        assertEquals(0, process.waitFor(), String.join(" ", line) + ": see " + ROOT.resolve("programs.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
