package cn.worksafety.common;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one source of time: the system clock in the service's zone (RULES.md: Periods). */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "app.zone") ZoneId zone) {
        return Clock.system(zone);
    }
}
