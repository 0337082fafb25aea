package cn.worksafety.common;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/**
 * Stamps creation and update times of {@link Stamped} entities from the one {@link Clock}. A JPA
 * entity listener: Quarkus makes entity listeners CDI beans, so the clock is injected (and a
 * test's clock replaces it), where an entity's own {@code @PrePersist} could only read the system
 * clock.
 */
public class Timestamps {

    @Inject
    Clock clock;

    @PrePersist
    void created(Stamped entity) {
        entity.stampCreation(now(clock));
    }

    @PreUpdate
    void updated(Stamped entity) {
        entity.stampUpdate(now(clock));
    }

    /**
     * The clock's instant in UTC, to the microsecond as PostgreSQL stores it, so cursors built
     * from memory match the database. What SQL gets as {@code :now} instead of {@code now()}.
     */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** An entity whose creation and update times {@link Timestamps} keeps. */
    public interface Stamped {

        void stampCreation(OffsetDateTime now);

        void stampUpdate(OffsetDateTime now);
    }
}
