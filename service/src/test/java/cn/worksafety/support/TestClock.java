package cn.worksafety.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's clock in tests (it replaces common.ClockProducer's system clock): the suite runs on
 * a fixed date, {@link #START}, whatever day it runs, and a test that needs another day moves the
 * clock with {@link #setDate} and puts it back with {@link #reset} (in a finally or @AfterEach;
 * the clock is one for the whole suite). It keeps ticking from where it was set, so writes
 * still get increasing times; the state is static so that test helpers read the same "today" as
 * the service. Move it to a past day rather than a future one: what a test writes stays in the
 * database, and a record stamped in the future (a check run, an update) would look newer than
 * anything the tests after it write.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    /** The service's zone in tests (app.zone's default). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Where every test starts: 2026-12-02 10:00 in the service's zone. */
    public static final Instant START = LocalDate.of(2026, 12, 2).atTime(10, 0).atZone(ZONE).toInstant();

    /** The instant set, and the System.nanoTime() at which it was set: one value, read atomically. */
    private record Setting(Instant base, long setAtNanos) {
    }

    private static volatile Setting setting = new Setting(START, System.nanoTime());

    /** Moves the clock to the instant; it ticks on from there. */
    public static void set(Instant instant) {
        setting = new Setting(instant, System.nanoTime());
    }

    /** Moves the clock to 10:00 of the day in the service's zone. */
    public static void setDate(LocalDate date) {
        set(date.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant());
    }

    /** Puts the clock back at {@link #START}. */
    public static void reset() {
        set(START);
    }

    /** The service's today. */
    public static LocalDate today() {
        return LocalDate.ofInstant(current(), ZONE);
    }

    /** The service's now, in UTC and to the microsecond as the service stamps its records. */
    public static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(current(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant current() {
        Setting s = setting;
        return s.base().plusNanos(System.nanoTime() - s.setAtNanos());
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZONE) ? this : new Zoned(zone);
    }

    @Override
    public Instant instant() {
        return current();
    }

    /** This clock seen from another zone (OffsetDateTime.now(clock.withZone(UTC)) and the like). */
    private static final class Zoned extends Clock {

        private final ZoneId zone;

        Zoned(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Zoned(other);
        }

        @Override
        public Instant instant() {
            return current();
        }
    }
}
