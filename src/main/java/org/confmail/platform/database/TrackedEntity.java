package org.confmail.platform.database;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What every entity that people change carries: when it was created and last changed (UTC, columns
 * {@code created_at} and {@code updated_at}), and the version that optimistic locking and If-Match compare.
 */
@MappedSuperclass
public abstract class TrackedEntity {

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected TrackedEntity() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    /** Marks the entity changed now. */
    public void touch() {
        updatedAt = Instant.now();
    }
}
