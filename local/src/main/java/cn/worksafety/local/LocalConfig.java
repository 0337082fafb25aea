package cn.worksafety.local;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Local mode's own settings ({@code app.local.*}); the service's are in {@code common.AppConfig}. */
@ConfigMapping(prefix = "app.local")
public interface LocalConfig {

    /** Set by {@link LocalMode} before Quarkus starts: the key that signs /local/token's tokens. */
    Optional<String> signingKeyFile();

    String tokenIssuer();

    /**
     * The data directory (else LOCAL_DATA_DIR), a system property {@link LocalMode} reads before
     * Quarkus starts. Declared so that the start accepts it: an {@code app.*} key that no mapping
     * names stops it.
     */
    Optional<String> dataDir();
}
