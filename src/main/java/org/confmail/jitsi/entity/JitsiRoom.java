package org.confmail.jitsi.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.confmail.platform.database.UtcInstantConverter;

/**
 * A Jitsi Meet room and the conference ID it was given, for good: the same room always answers the same ID, on
 * every instance and after restarts. The room is its {@link RoomJid} in canonical form; the database's unique
 * constraints on both columns decide between two instances that map at the same moment.
 */
@Entity
@Table(name = "jitsi_room")
@NamedQuery(name = JitsiRoom.BY_CONFERENCE, query = "SELECT r FROM JitsiRoom r WHERE r.conference = :conference")
@NamedQuery(name = JitsiRoom.BY_CONFERENCE_ID,
        query = "SELECT r FROM JitsiRoom r WHERE r.conferenceId = :conferenceId")
@NamedQuery(name = JitsiRoom.COUNT_WITH_CONFERENCE_ID,
        query = "SELECT COUNT(r) FROM JitsiRoom r WHERE r.conferenceId = :conferenceId")
public class JitsiRoom {

    public static final String BY_CONFERENCE = "JitsiRoom.byConference";
    public static final String BY_CONFERENCE_ID = "JitsiRoom.byConferenceId";
    public static final String COUNT_WITH_CONFERENCE_ID = "JitsiRoom.countWithConferenceId";

    @Id
    private String id;

    /** The room's JID, {@code room@muc-host}, as {@link RoomJid#toString()} writes it. */
    @Column(nullable = false)
    private String conference;

    @Column(name = "conference_id", nullable = false)
    private String conferenceId;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected JitsiRoom() {
    }

    public JitsiRoom(RoomJid conference, String conferenceId) {
        this.id = UUID.randomUUID().toString();
        this.conference = conference.toString();
        this.conferenceId = conferenceId;
        this.createdAt = Instant.now();
    }

    public RoomJid conference() {
        return RoomJid.ofCanonical(conference);
    }

    public String conferenceId() {
        return conferenceId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
