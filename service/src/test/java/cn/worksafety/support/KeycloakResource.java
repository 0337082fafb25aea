package cn.worksafety.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Keycloak (the server distribution unpacked by Maven under target/keycloak) in dev
 * mode on a free loopback port, with the test realm imported. It runs on the JDK that runs the
 * tests: Keycloak 25 is the last line that supports Java 17, the project's baseline. If it
 * cannot start, the test fails and says why: it never passes silently.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    static final String REALM = "safety";
    private static String baseUrl;
    private Process process;

    public static String tokenEndpoint() {
        return baseUrl + "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    @Override
    public Map<String, String> start() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-25.0.6")).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home + " (run the tests through Maven).");
        }
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (var realm = KeycloakResource.class.getResourceAsStream("/keycloak/safety-realm.json")) {
                Files.copy(realm, imports.resolve("safety-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            int port = freePort();
            baseUrl = "http://127.0.0.1:" + port;
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-host=127.0.0.1", "--import-realm", "--cache=local",
                    // Its management interface defaults to port 9000: parallel builds would collide there.
                    "--http-management-port=" + freePort())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            process = builder.start();
            awaitReady(Duration.ofMinutes(6), home.resolve("keycloak.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.oidc.auth-server-url", baseUrl + "/realms/" + REALM);
    }

    private void awaitReady(Duration limit, Path log) {
        HttpClient client = HttpClient.newHttpClient();
        URI discovery = URI.create(baseUrl + "/realms/" + REALM + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("Keycloak was not ready within " + limit + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process = null;
        }
    }
}
