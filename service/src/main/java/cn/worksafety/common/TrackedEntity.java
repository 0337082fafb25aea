package cn.worksafety.common;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.eclipse.microprofile.graphql.NonNull;

/**
 * What every mutable record has: a numeric id (exposed as a stable GraphQL ID), creation and
 * update times kept by the persistence layer from the service's clock ({@link Timestamps}), and a
 * version for optimistic locking.
 */
@MappedSuperclass
@EntityListeners(Timestamps.class)
public abstract class TrackedEntity implements Timestamps.Stamped {

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

    @Override
    public void stampCreation(OffsetDateTime now) {
        createdAt = now;
        updatedAt = now;
    }

    @Override
    public void stampUpdate(OffsetDateTime now) {
        updatedAt = now;
    }
}
