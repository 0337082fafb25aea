package cn.worksafety.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Checkout;

/**
 * The Dockerfiles against the service and the manifests: exposed port, non-root user, a base
 * image that can be swapped for a mirror, build commands naming the image the manifests run,
 * and a build context (.dockerignore) that sends what each Dockerfile copies and nothing else.
 */
class ContainerImageTest {

    /** What must never reach a build context: sources, build by-products, local data, manifests. */
    private static final List<String> NEVER_SENT = List.of("pom.xml", "src/main/java/cn/worksafety/common/AppConfig.java",
            "src/main/resources/application.properties", "target/classes/application.properties",
            "target/test-data/token-signing-key.der", "target/safety-governance-1.0.0-SNAPSHOT.jar",
            "target/native-check/native-sources/lib/x.jar", "local-data/token-signing-key.der",
            "k8s/base/db-secret.template.yaml", ".git/config");

    @Test
    void imagesExposeThePortTheServiceListensOnAndRunAsNonRoot() {
        String port = Manifests.environmentTheServiceReads().get("PORT");
        for (Path dockerfile : ImageBuild.DOCKERFILES) {
            String text = ImageBuild.read(dockerfile);
            assertTrue(text.matches("(?s).*\\nEXPOSE " + port + "\\n.*"), dockerfile + ": EXPOSE " + port);
            assertTrue(text.matches("(?s).*\\nARG BASE_IMAGE=\\S+\\nFROM \\$\\{BASE_IMAGE}\\n.*"),
                    dockerfile + ": base image as ARG BASE_IMAGE, so that a mirror can replace it");
        }
        assertTrue(ImageBuild.dockerfileUser() > 0, "a non-root user");
    }

    @Test
    void buildCommandsInTheDockerfilesAndTheOpsReadmeNameOneImage() {
        String repository = ImageBuild.repository();
        List<String> built = new ArrayList<>();
        for (String[] command : ImageBuild.buildCommands(ImageBuild.read(ImageBuild.OPS_README))) {
            assertTrue(Files.exists(Checkout.file(command[0])), ImageBuild.OPS_README + " builds a missing " + command[0]);
            assertEquals(ImageBuild.CONTEXT, command[3], ImageBuild.OPS_README + ": the build context of " + command[0]);
            built.add(command[0]);
        }
        assertTrue(built.contains("service/src/main/docker/Dockerfile.jvm"), ImageBuild.OPS_README + " builds the JVM image");
        for (Path dockerfile : ImageBuild.DOCKERFILES) {
            List<String[]> own = ImageBuild.buildCommands(ImageBuild.read(dockerfile));
            assertEquals(1, own.size(), dockerfile + " shows its build command");
            assertEquals(ImageBuild.CONTEXT + "/" + dockerfile, own.get(0)[0], dockerfile + ": build command names this file");
            assertEquals(ImageBuild.CONTEXT, own.get(0)[3], dockerfile + ": build context");
            assertEquals(repository, own.get(0)[1], dockerfile + ": image repository");
        }
    }

    @Test
    void eachBuildContextHoldsWhatItsDockerfileCopiesAndNothingElse() {
        List<String> everyCopy = new ArrayList<>();
        for (Path dockerfile : ImageBuild.DOCKERFILES) {
            // BuildKit reads <Dockerfile>.dockerignore next to the Dockerfile instead of /.dockerignore.
            Path own = Path.of(dockerfile + ".dockerignore");
            assertTrue(Files.exists(own), own + " missing");
            List<String> copied = copiedExamples(dockerfile);
            everyCopy.addAll(copied);
            assertSends(own, copied);
        }
        // Builders without per-Dockerfile ignore files use the context's own: the union, no more.
        assertSends(Path.of(".dockerignore"), everyCopy);
    }

    private static void assertSends(Path ignoreFile, List<String> copied) {
        DockerIgnore ignore = DockerIgnore.read(ignoreFile);
        for (String path : copied) {
            assertFalse(ignore.excludes(path), ignoreFile + " leaves out " + path + ", which the Dockerfile copies");
        }
        for (String path : NEVER_SENT) {
            assertTrue(ignore.excludes(path), ignoreFile + " sends " + path);
        }
    }

    /** One concrete path for each COPY source of the Dockerfile ({@code *} filled in, directories given a file). */
    private static List<String> copiedExamples(Path dockerfile) {
        List<String> examples = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+\\s*$").matcher(ImageBuild.read(dockerfile));
        while (copy.find()) {
            String source = copy.group(1).replace("*", "safety-governance-1.0.0-SNAPSHOT");
            examples.add(source.endsWith("/") ? source + "x.jar" : source);
        }
        assertFalse(examples.isEmpty(), dockerfile + " copies nothing");
        return examples;
    }

    /**
     * .dockerignore semantics: patterns in order, the last one matching a path or one of its
     * parent directories decides; {@code !} re-includes; {@code *} stays within a path segment.
     */
    record DockerIgnore(List<String> patterns) {

        static DockerIgnore read(Path file) {
            List<String> patterns = ImageBuild.read(file).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            return new DockerIgnore(patterns);
        }

        boolean excludes(String path) {
            boolean excluded = false;
            for (String pattern : patterns) {
                boolean negated = pattern.startsWith("!");
                String glob = (negated ? pattern.substring(1) : pattern).replaceAll("^/+", "").replaceAll("/+$", "");
                if (matchesOrParentMatches(glob, path)) {
                    excluded = !negated;
                }
            }
            return excluded;
        }

        private static boolean matchesOrParentMatches(String glob, String path) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            Path candidate = Path.of(path);
            for (Path p = candidate; p != null; p = p.getParent()) {
                if (matcher.matches(p)) {
                    return true;
                }
            }
            return false;
        }
    }
}
