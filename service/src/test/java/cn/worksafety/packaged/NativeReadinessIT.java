package cn.worksafety.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the native build was told, read from the native-image configuration Quarkus generated
 * (by {@code ./mvnw verify} into target/native-check, or by {@code -Dnative}): the parts that
 * GraalVM cannot be run here to prove, checked against the code and resources of this build.
 */
class NativeReadinessIT {

    private static final Path TARGET = Path.of("target");
    private static JsonNode reflection;
    private static List<Pattern> resources;

    @BeforeAll
    static void readNativeImageConfiguration() throws IOException {
        Path runner = runnerJar().orElseThrow(() -> new AssertionError(
                "No native-image source jar under target/: the native-sources execution of the build did not run"));
        ObjectMapper json = new ObjectMapper();
        try (ZipFile jar = new ZipFile(runner.toFile())) {
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/native-image/reflect-config.json"))) {
                reflection = json.readTree(in);
            }
            try (InputStream in = jar.getInputStream(jar.getEntry("META-INF/native-image/resource-config.json"))) {
                resources = new ArrayList<>();
                json.readTree(in).path("resources").path("includes")
                        .forEach(include -> resources.add(Pattern.compile(include.path("pattern").asText())));
            }
        }
    }

    /**
     * The newest native-image source jar: target/native-check/native-sources/ from {@code verify},
     * or target/*-native-image-source-jar/ from {@code -Dnative}.
     */
    private static Optional<Path> runnerJar() throws IOException {
        try (Stream<Path> files = Files.walk(TARGET, 3)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar"))
                    .filter(f -> f.getParent().getFileName().toString().contains("native"))
                    .max(Comparator.comparing(NativeReadinessIT::modified));
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyEntityIsRegisteredForReflectionWithFieldsAndMethods() throws IOException {
        // Hibernate needs them; the audit trail also serialises every entity to JSON with Jackson.
        Map<String, JsonNode> registered = new HashMap<>();
        reflection.forEach(entry -> registered.put(entry.path("name").asText(entry.path("type").asText()), entry));
        List<String> entities = annotated("jakarta.persistence.Entity");
        assertFalse(entities.isEmpty(), "no @Entity classes found under target/classes");
        List<String> missing = entities.stream().filter(entity -> {
            JsonNode entry = registered.get(entity);
            return entry == null || !entry.path("allDeclaredFields").asBoolean() || !entry.path("allDeclaredMethods").asBoolean()
                    || !entry.path("allDeclaredConstructors").asBoolean();
        }).toList();
        assertEquals(List.of(), missing, "entities without full reflection registration");
    }

    /**
     * Classes Jackson writes outside GraphQL (audit snapshots, the import endpoint's row errors): without
     * registration the native image drops their accessors and the mutation fails at run time.
     */
    @Test
    void classesWrittenAsJsonAreRegisteredForReflection() {
        Set<String> registered = new HashSet<>();
        reflection.forEach(entry -> registered.add(entry.path("name").asText(entry.path("type").asText())));
        List<String> missing = Stream.of(
                "cn.worksafety.responsibility.ResponsibilityService$ListSnapshot",
                "cn.worksafety.responsibility.ResponsibilityService$ItemSnapshot",
                "cn.worksafety.responsibility.ResponsibilityImporter$RowError",
                "cn.worksafety.linkage.LinkageMechanismService$MechanismRecord",
                "cn.worksafety.linkage.LinkageMechanismService$ParticipantRecord",
                "cn.worksafety.linkage.LinkageActivationService$ActivationRecord",
                "cn.worksafety.linkage.LinkageActivationService$ActivationUnitRecord")
                .filter(name -> !registered.contains(name)).toList();
        assertEquals(List.of(), missing, "classes written as JSON without reflection registration");
    }

    @Test
    void migrationsAreIncludedAsResources() throws IOException {
        Path resourcesRoot = Path.of("src/main/resources");
        List<String> needed;
        try (Stream<Path> files = Files.walk(resourcesRoot.resolve("db/migration"))) {
            needed = files.filter(Files::isRegularFile)
                    .map(f -> resourcesRoot.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
        List<String> excluded = needed.stream()
                .filter(resource -> resources.stream().noneMatch(p -> p.matcher(resource).matches())).toList();
        assertEquals(List.of(), excluded, "resources the native executable would not contain");
    }

    /**
     * Local mode lives in its own module (local/): the artifact IT operations deploy has neither the
     * embedded PostgreSQL nor the self-issued tokens, in the JVM build or the native one.
     */
    @Test
    void productionArtifactHasNoLocalMode() throws IOException {
        List<String> reflective = new ArrayList<>();
        reflection.forEach(entry -> reflective.add(entry.path("name").asText(entry.path("type").asText())));
        List<String> local = reflective.stream()
                .filter(name -> name.startsWith("io.zonky.") || name.startsWith("cn.worksafety.local.")
                        || name.startsWith("cn.worksafety.embedded."))
                .toList();
        assertEquals(List.of(), local, "local-mode classes registered for reflection");
        assertTrue(resources.stream().noneMatch(p -> p.matcher("postgres-linux-x86_64.txz").matches()),
                "the embedded PostgreSQL binaries must not be native-image resources");
        Path jvmApp = TARGET.resolve("quarkus-app"); // absent when -Dnative built only the executable
        if (!Files.isDirectory(jvmApp)) {
            return;
        }
        try (Stream<Path> libs = Files.walk(jvmApp)) {
            List<String> embedded = libs.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("io.zonky") || name.contains("safety-governance-embedded")
                            || name.contains("safety-governance-local"))
                    .toList();
            assertEquals(List.of(), embedded, "jars of local mode in the production artifact");
        }
    }

    private static List<String> annotated(String annotation) throws IOException {
        Indexer indexer = new Indexer();
        try (Stream<Path> classes = Files.walk(TARGET.resolve("classes"))) {
            for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
        Index index = indexer.complete();
        return index.getAnnotations(DotName.createSimple(annotation)).stream()
                .filter(a -> a.target().kind() == AnnotationTarget.Kind.CLASS)
                .map(a -> a.target().asClass().name().toString())
                .sorted().collect(Collectors.toList());
    }
}
