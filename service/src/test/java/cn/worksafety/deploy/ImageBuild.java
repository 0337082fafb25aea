package cn.worksafety.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.worksafety.support.Checkout;

/** How the container images are built: the Dockerfiles, their build commands and the project version. */
final class ImageBuild {

    static final Path DOCKER = Path.of("src/main/docker");
    static final List<Path> DOCKERFILES = List.of(DOCKER.resolve("Dockerfile.jvm"), DOCKER.resolve("Dockerfile.native-micro"));
    static final Path OPS_README = Checkout.file("k8s/README.md");
    /** Images are built from the service module: its directory is the build context. */
    static final String CONTEXT = "service";

    private static final Pattern DOCKER_BUILD = Pattern.compile("docker build -f (\\S+) -t ([^\\s:]+(?::\\d+)?[^\\s:]*):(\\S+) (\\S+)");

    private ImageBuild() {
    }

    /** Every {@code docker build -f <Dockerfile> -t <repository>:<tag> <context>} in the text: {dockerfile, repository, tag, context}. */
    static List<String[]> buildCommands(String text) {
        Matcher m = DOCKER_BUILD.matcher(text);
        List<String[]> commands = new java.util.ArrayList<>();
        while (m.find()) {
            commands.add(new String[] { m.group(1), m.group(2), m.group(3), m.group(4) });
        }
        return commands;
    }

    /** The one image repository k8s/README.md builds and pushes. */
    static String repository() {
        List<String[]> commands = buildCommands(read(OPS_README));
        Set<String> repositories = new TreeSet<>();
        commands.forEach(c -> repositories.add(c[1]));
        if (repositories.size() != 1) {
            throw new AssertionError(OPS_README + " must build one image repository with 'docker build -f <Dockerfile> -t <repository>:<tag> service', found "
                    + repositories);
        }
        return repositories.iterator().next();
    }

    static String projectVersion() {
        Matcher m = Pattern.compile("<artifactId>safety-governance-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(read(Checkout.file("pom.xml")));
        if (!m.find()) {
            throw new AssertionError("no project version in pom.xml");
        }
        return m.group(1);
    }

    /** The numeric user both images run as. */
    static long dockerfileUser() {
        Set<String> users = new TreeSet<>();
        for (Path dockerfile : DOCKERFILES) {
            Matcher m = Pattern.compile("(?m)^USER\\s+(\\d+)(?::\\d+)?\\s*$").matcher(read(dockerfile));
            if (!m.find()) {
                throw new AssertionError(dockerfile + " must switch to a numeric user (USER <uid>:<gid>)");
            }
            users.add(m.group(1));
        }
        if (users.size() != 1) {
            throw new AssertionError("the images run as different users " + users + ": the Deployment can match only one");
        }
        return Long.parseLong(users.iterator().next());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
