package cn.worksafety.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The root of the project's checkout. Tests run in their module's directory (service/), while the
 * documentation, the Kubernetes manifests and the parent pom live one level up.
 */
public final class Checkout {

    public static final Path ROOT = root();

    private Checkout() {
    }

    /** A path relative to the checkout's root, relative to the working directory (messages stay short). */
    public static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    private static Path root() {
        Path parent = Path.of("..");
        if (!Files.isRegularFile(parent.resolve("mvnw")) || !Files.isDirectory(parent.resolve("service"))) {
            throw new IllegalStateException("tests must run in the module directory of the checkout, not " + Path.of("").toAbsolutePath());
        }
        return parent;
    }
}
