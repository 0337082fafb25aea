package cn.worksafety;

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
     * Named, not referenced: the native image (production only) then never pulls in the
     * embedded database, which exists for local mode and tests.
     */
    private static final String LOCAL_MODE = "cn.worksafety.local.LocalMode";

    public static void main(String... args) throws Exception {
        if (localProfile()) {
            Class.forName(LOCAL_MODE).getMethod("prepare").invoke(null);
        }
        Quarkus.run(args);
    }

    private static boolean localProfile() {
        String profile = System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"));
        return profile != null && java.util.Arrays.asList(profile.split(",")).contains("local");
    }
}
