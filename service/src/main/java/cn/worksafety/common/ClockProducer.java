package cn.worksafety.common;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one source of time: the system clock in the service's zone (RULES.md: Periods). Services,
 * checks and entities ({@link Timestamps}) read it, and SQL gets its instant as a parameter rather
 * than calling now(); the tests replace it with a clock they move (src/test: support.TestClock).
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(AppConfig config) {
        return Clock.system(config.zone());
    }
}
