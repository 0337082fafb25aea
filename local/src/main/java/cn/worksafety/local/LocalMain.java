package cn.worksafety.local;

import java.util.Arrays;
import java.util.List;

import cn.worksafety.embedded.CannotStart;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service in local mode: the {@code local} profile, an embedded PostgreSQL with its
 * data under LOCAL_DATA_DIR and a self-issued token key, prepared before Quarkus starts so that
 * Quarkus finds the database URL and the verification key in its configuration like any other
 * setting. This module is the only one that contains the embedded database; the production
 * artifact (module {@code service}) has neither it nor this class.
 */
@QuarkusMain
public class LocalMain {

    public static void main(String... args) {
        List<String> profiles = profiles();
        if (profiles.contains("prod")) {
            // Local mode trusts its own token key and mints admin tokens for the asking; combined with
            // production settings it would open a real deployment to anyone. One line, no stack trace.
            System.err.println("Refusing to start: the 'local' profile (embedded database, self-issued admin tokens) "
                    + "cannot be combined with 'prod'; pick one.");
            System.exit(2);
        }
        if (!profiles.contains("local")) {
            System.setProperty("quarkus.profile", profiles.isEmpty() ? "local" : String.join(",", profiles) + ",local");
        }
        try {
            LocalMode.prepare();
        } catch (CannotStart refused) {
            // Something the person starting the service can fix: say what, not where in the code.
            System.err.println(refused.getMessage());
            System.exit(1);
        }
        Quarkus.run(args);
    }

    private static List<String> profiles() {
        String profile = System.getProperty("quarkus.profile", System.getenv("QUARKUS_PROFILE"));
        return profile == null || profile.isBlank() ? List.of()
                : Arrays.stream(profile.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
