package cn.worksafety.local;

import java.nio.file.Path;

/**
 * Local mode's preparation, run by {@code cn.worksafety.Main} before Quarkus starts: the
 * embedded database with its data under the local data directory (kept across restarts) and
 * the key that signs and verifies {@code /local/token} tokens.
 */
public final class LocalMode {

    private LocalMode() {
    }

    public static void prepare() {
        Path home = dataDirectory();
        String jdbcUrl = EmbeddedDatabase.start(home, false);
        System.setProperty("quarkus.datasource.jdbc.url", jdbcUrl);
        LocalTokenKey key = LocalTokenKey.loadOrCreate(home.resolve("token-signing-key.der"));
        System.setProperty("quarkus.oidc.public-key", key.publicKeyBase64());
        System.setProperty("app.local.signing-key-file", home.resolve("token-signing-key.der").toAbsolutePath().toString());
    }

    /** {@code LOCAL_DATA_DIR}, else {@code local-data} in the working directory. */
    static Path dataDirectory() {
        String configured = System.getProperty("app.local.data-dir", System.getenv("LOCAL_DATA_DIR"));
        return Path.of(configured == null || configured.isBlank() ? "local-data" : configured).toAbsolutePath();
    }
}
