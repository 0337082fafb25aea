package cn.worksafety;

import java.lang.reflect.InvocationTargetException;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. In local mode (profile {@code local}) it first starts the embedded
 * PostgreSQL and prepares the local token key, so that Quarkus finds the database URL and the
 * token verification key in its configuration like any other setting.
 */
@QuarkusMain
public class Main {

    /**
     * Named, not referenced, so that the native image (production only) never contains the
     * embedded database, which exists for local mode and tests.
     */
    private static final String LOCAL_MODE = "cn.worksafety.local.LocalMode";

    public static void main(String... args) throws Exception {
        if (profiles().contains("local") && profiles().contains("prod")) {
            // Local mode trusts its own token key and mints admin tokens for the asking; combined with
            // production settings it would open a real deployment to anyone. One line, no stack trace.
            System.err.println("Refusing to start: the 'local' profile (embedded database, self-issued admin tokens) "
                    + "cannot be combined with 'prod'; pick one.");
            System.exit(2);
        }
        if (profiles().contains("local")) {
            try {
                localMode().getMethod("prepare").invoke(null);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof CannotStart refused) {
                    // Something the person starting the service can fix: say what, not where in the code.
                    System.err.println(refused.getMessage());
                    System.exit(1);
                }
                throw e;
            }
        }
        Quarkus.run(args);
    }

    /**
     * The class name is read through a system property on purpose: native-image resolves
     * {@code Class.forName} with a constant argument at build time and would then compile the
     * class, and the embedded database behind it, into the executable.
     */
    private static Class<?> localMode() {
        String name = System.getProperty("app.local.launcher", LOCAL_MODE);
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Local mode (embedded PostgreSQL) is not part of this build; "
                    + "run the JVM build (target/quarkus-app/quarkus-run.jar) for local mode, or drop the 'local' profile.", e);
        }
    }

    private static java.util.List<String> profiles() {
        String profile = System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"));
        return profile == null ? java.util.List.of()
                : java.util.Arrays.stream(profile.split(",")).map(String::strip).toList();
    }
}
