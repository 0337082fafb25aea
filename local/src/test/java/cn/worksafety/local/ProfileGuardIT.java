package cn.worksafety.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Local mode (embedded database, /local/token minting admin tokens) combined with the production
 * profile would open a real deployment to anyone: the packaged local-mode service refuses to start,
 * with one line saying why, before it touches a database.
 */
class ProfileGuardIT {

    @ParameterizedTest
    @ValueSource(strings = { "prod,local", "prod" })
    void theLocalModeServiceRefusesTheProductionProfile(String profile) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "package first: " + jar);
        ProcessBuilder guarded = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
        guarded.environment().put("QUARKUS_PROFILE", profile);
        guarded.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process refused = guarded.start();
        assertTrue(refused.waitFor(120, TimeUnit.SECONDS), "still running");
        String stderr = new String(refused.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(2, refused.exitValue(), stderr);
        assertEquals(1, stderr.lines().filter(line -> line.startsWith("Refusing to start")).count(), stderr);
        assertTrue(stderr.contains("'local' profile") && stderr.contains("'prod'"), stderr);
        assertTrue(stderr.lines().noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception")), stderr);
    }
}
