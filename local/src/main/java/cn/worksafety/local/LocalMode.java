package cn.worksafety.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.worksafety.embedded.CannotStart;
import cn.worksafety.embedded.DataDirectoryLock;
import cn.worksafety.embedded.EmbeddedDatabase;
import cn.worksafety.embedded.SigningKey;

/**
 * Local mode's preparation, run by {@link LocalMain} before Quarkus starts: the lock that keeps a
 * second service off the local data directory, the embedded database with its data under that
 * directory (kept across restarts, and across a crash: see {@link EmbeddedDatabase}) and the key
 * that signs and verifies {@code /local/token} tokens.
 */
public final class LocalMode {

    /** Held until the process ends; kept here so that it is never collected (which would release it). */
    private static DataDirectoryLock lock;

    private LocalMode() {
    }

    public static void prepare() {
        Path home = dataDirectory();
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new CannotStart("Cannot create the local data directory " + home + " (" + e.getMessage()
                    + "): set LOCAL_DATA_DIR to a directory this user may write.", e);
        }
        lock = DataDirectoryLock.acquire(home);
        String jdbcUrl = EmbeddedDatabase.start(home, EmbeddedDatabase.Use.LOCAL_MODE);
        System.setProperty("quarkus.datasource.jdbc.url", jdbcUrl);
        SigningKey key = SigningKey.loadOrCreate(home.resolve("token-signing-key.der"));
        System.setProperty("quarkus.oidc.public-key", key.publicKeyBase64());
        System.setProperty("app.local.signing-key-file", home.resolve("token-signing-key.der").toAbsolutePath().toString());
    }

    /** {@code LOCAL_DATA_DIR}, else {@code local-data} in the working directory. */
    static Path dataDirectory() {
        String configured = System.getProperty("app.local.data-dir", System.getenv("LOCAL_DATA_DIR"));
        return Path.of(configured == null || configured.isBlank() ? "local-data" : configured).toAbsolutePath();
    }
}
