package org.confmail.conferencing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.confmail.platform.database.UtcInstantConverter;

/** A scheduled meeting and the conference ID its invitation carries (a fresh one when IDs are dynamic). */
@Entity
@Table(name = "meeting")
@NamedQuery(name = Meeting.COUNT_WITH_CONFERENCE_ID,
        query = "SELECT COUNT(m) FROM Meeting m WHERE m.conferenceId = :conferenceId")
public class Meeting {

    public static final String COUNT_WITH_CONFERENCE_ID = "Meeting.countWithConferenceId";

    @Id
    private String id;

    @Column(name = "organizer_upn", nullable = false)
    private String organizerUpn;

    private String subject;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "conference_id", nullable = false)
    private String conferenceId;

    @Column(name = "dynamic_id", nullable = false)
    private boolean dynamicId;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Meeting() {
    }

    public Meeting(String organizerUpn, String subject, Instant startsAt, String conferenceId, boolean dynamicId) {
        this.id = UUID.randomUUID().toString();
        this.organizerUpn = organizerUpn;
        this.subject = subject;
        this.startsAt = startsAt;
        this.conferenceId = conferenceId;
        this.dynamicId = dynamicId;
        this.createdAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public boolean dynamicId() {
        return dynamicId;
    }
}
