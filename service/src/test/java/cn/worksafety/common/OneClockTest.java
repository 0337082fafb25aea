package cn.worksafety.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.worksafety.support.Checkout;

/**
 * One clock: the service reads time only from the injected {@link java.time.Clock} (SQL gets it as
 * {@code :now}), and the tests move that clock (support.TestClock) instead of living on the real
 * date. A wall-clock read anywhere else would make a behaviour depend on the day the suite runs.
 */
class OneClockTest {

    /** {@code Instant.now()} and the like, without a clock argument. */
    private static final Pattern WALL_CLOCK = Pattern.compile(
            "\\b(Instant|LocalDate|LocalDateTime|LocalTime|OffsetDateTime|ZonedDateTime|Year|YearMonth)\\.now\\(\\s*\\)"
                    + "|\\bClock\\.system|System\\.currentTimeMillis");
    /** The database's clock in SQL text. */
    private static final Pattern SQL_CLOCK = Pattern.compile(
            "(?i)\\bnow\\(\\)|\\bcurrent_date\\b|\\bcurrent_timestamp\\b|\\bclock_timestamp\\b|\\blocaltimestamp\\b|\\bstatement_timestamp\\b");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

    /**
     * Where the real time is the point: the clock's producer, token expiry (checked against the
     * token's own real-time claims), and tests that wait on real processes or real token expiry.
     */
    private static final Set<String> REAL_TIME = Set.of("ClockProducer.java", "VerifiedTokens.java",
            "VerifiedTokensTest.java");

    @Test
    void theServiceReadsTimeOnlyFromTheInjectedClock() {
        assertEquals(List.of(), wallClockReads("service/src/main/java", "local/src/main/java"));
    }

    @Test
    void testsMoveTheTestClockInsteadOfReadingTheRealOne() {
        assertEquals(List.of(), wallClockReads("service/src/test/java", "local/src/test/java"));
    }

    private static List<String> wallClockReads(String... roots) {
        List<String> found = new ArrayList<>();
        for (String root : roots) {
            try (Stream<Path> files = Files.walk(Checkout.file(root))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (REAL_TIME.contains(name) || name.endsWith("IT.java")) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        if (line.strip().startsWith("*") || line.strip().startsWith("/*") || line.strip().startsWith("//")) {
                            continue;
                        }
                        if (WALL_CLOCK.matcher(line).find() || inStringLiteral(line)) {
                            found.add(Checkout.ROOT.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static boolean inStringLiteral(String line) {
        Matcher literal = STRING_LITERAL.matcher(line);
        while (literal.find()) {
            if (SQL_CLOCK.matcher(literal.group()).find()) {
                return true;
            }
        }
        return false;
    }
}
