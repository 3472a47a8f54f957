package org.confmail.platform.instances;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.confmail.platform.database.UtcInstantConverter;

/**
 * A running confmail process as the other instances see it: its incarnation (what it writes in an outbox row's
 * {@code claimed_by}), the instance name it runs under, and when it last showed it was alive.
 */
@Entity
@Table(name = "sender_instance")
public class ServerInstance {

    @Id
    private String incarnation;

    @Column(nullable = false)
    private String name;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "beat_at", nullable = false)
    private Instant beatAt;

    protected ServerInstance() {
    }

    public ServerInstance(String incarnation, String name, Instant startedAt) {
        this.incarnation = incarnation;
        this.name = name;
        this.startedAt = startedAt;
        this.beatAt = startedAt;
    }

    public String incarnation() {
        return incarnation;
    }

    public String name() {
        return name;
    }

    public Instant beatAt() {
        return beatAt;
    }
}
