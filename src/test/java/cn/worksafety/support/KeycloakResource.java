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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Keycloak (the server distribution unpacked by Maven under target/keycloak) in dev
 * mode on a free loopback port, with the test realm imported. It needs a JDK 21 or later to
 * run; if it cannot start, the test fails and says why: it never passes silently.
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
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3")).toAbsolutePath();
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
                    "--http-port=" + port, "--http-host=127.0.0.1", "--import-realm", "--cache=local")
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", javaHome21());
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

    /** Keycloak 26 needs Java 21+: the running JDK if it is one, else one under /usr/lib/jvm. */
    private static String javaHome21() throws IOException {
        if (Runtime.version().feature() >= 21) {
            return System.getProperty("java.home");
        }
        String fromEnv = System.getenv("KEYCLOAK_JAVA_HOME");
        if (fromEnv != null) {
            return fromEnv;
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                for (Path candidate : homes.sorted().toList()) {
                    Path release = candidate.resolve("release");
                    if (Files.isRegularFile(release) && feature(Files.readAllLines(release)) >= 21) {
                        return candidate.toString();
                    }
                }
            }
        }
        throw new IllegalStateException("Keycloak needs a JDK 21 or later: none found (set KEYCLOAK_JAVA_HOME).");
    }

    private static int feature(List<String> release) {
        for (String line : release) {
            if (line.startsWith("JAVA_VERSION=")) {
                String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                return Integer.parseInt(version.split("[.]")[0]);
            }
        }
        return 0;
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
