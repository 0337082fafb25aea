package cn.worksafety.support;

import java.nio.file.Path;
import java.util.Map;

import cn.worksafety.embedded.EmbeddedDatabase;
import cn.worksafety.embedded.SigningKey;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one embedded PostgreSQL per test JVM (fresh data under target/) and the token key
 * the tests sign with; hands the service the JDBC URL and the key's public half, exactly as
 * local mode does. Used by @QuarkusTest and @QuarkusIntegrationTest alike.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    static final Path HOME = Path.of("target", "test-data").toAbsolutePath();

    /**
     * Where the running server's URL is kept. A test profile restarts Quarkus in a new class loader,
     * where EmbeddedDatabase's own once-per-JVM guard is a fresh static; a system property is seen
     * by every class loader, so the restart reuses the server instead of initialising its directory twice.
     */
    private static final String URL_PROPERTY = "worksafety.test.jdbc-url";

    private boolean realProvider;

    @Override
    public void setContext(Context context) {
        // Under KeycloakProfile the service must trust only the real provider, not the test key.
        realProvider = KeycloakProfile.class.getName().equals(context.testProfile());
    }

    @Override
    public Map<String, String> start() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            url = EmbeddedDatabase.start(HOME, EmbeddedDatabase.Use.TESTS);
            System.setProperty(URL_PROPERTY, url);
        }
        if (realProvider) {
            return Map.of("quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres");
        }
        SigningKey key = SigningKey.loadOrCreate(HOME.resolve("token-signing-key.der"));
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "quarkus.oidc.public-key", key.publicKeyBase64(),
                "quarkus.oidc.token.issuer", Tokens.ISSUER);
    }

    @Override
    public void stop() {
        // One server serves every test class of the JVM; its shutdown hook stops it.
    }
}
