package cn.worksafety.common;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one source of time: the system clock in the service's zone (RULES.md: Periods). */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(AppConfig config) {
        return Clock.system(config.zone());
    }
}
