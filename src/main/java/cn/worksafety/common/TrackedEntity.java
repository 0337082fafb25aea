package cn.worksafety.common;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import org.eclipse.microprofile.graphql.NonNull;

/**
 * What every mutable record has: a numeric id (exposed as a stable GraphQL ID), creation and
 * update times kept by the persistence layer, and a version for optimistic locking.
 */
@MappedSuperclass
public abstract class TrackedEntity {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public Long id;

    @Column(name = "created_at", nullable = false, updatable = false)
    @NonNull
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    @NonNull
    public OffsetDateTime updatedAt;

    @Version
    @NonNull
    public int version;

    @PrePersist
    void stampCreation() {
        createdAt = now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = now();
    }

    // Microseconds, as PostgreSQL stores them, so cursors built from memory match the database.
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
