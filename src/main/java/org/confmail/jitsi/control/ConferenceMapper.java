package org.confmail.jitsi.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.confmail.jitsi.entity.JitsiRoom;
import org.confmail.jitsi.entity.RoomJid;
import org.confmail.platform.config.ConfmailConfig;

/**
 * Jitsi Meet's conference mapper: the conference ID of a room (given for good the first time the room is asked
 * about), and the room of a conference ID (what the dial-in side asks once a caller has keyed in the ID).
 */
@ApplicationScoped
public class ConferenceMapper {

    private static final Logger LOG = Logger.getLogger(ConferenceMapper.class.getName());

    /** Longer parameters are refused before anything else looks at them. */
    public static final int MAX_PARAMETER_LENGTH = 4096;

    /** Rounds of "read, else insert" before giving up; each lost round means another request stored a row. */
    private static final int ATTEMPTS = 5;

    @Inject
    JitsiRooms rooms;

    @Inject
    ConfmailConfig config;

    /** The ID of the room {@code conference} names ({@code room@muc-host}): the stored one, else a new one. */
    public ConferenceMapping idOf(String conference) {
        if (conference.length() > MAX_PARAMETER_LENGTH) {
            throw JitsiRefusal.badRequest("conference is too long: at most " + MAX_PARAMETER_LENGTH + " characters");
        }
        RoomJid room;
        try {
            room = RoomJid.parse(conference);
        } catch (RoomJid.Malformed e) {
            throw JitsiRefusal.badRequest(e.getMessage());
        }
        List<String> hosts = config.jitsiMucHosts();
        if (hosts.isEmpty()) {
            throw JitsiRefusal.notFound("The conference mapper is off: CONFMAIL_JITSI_MUC_HOSTS names no MUC host.");
        }
        if (!hosts.contains(room.mucHost())) {
            throw JitsiRefusal.badRequest("This service maps the rooms of " + String.join(", ", hosts)
                    + " only, not those of " + room.mucHost() + ".");
        }
        RuntimeException lost = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<JitsiRoom> stored = rooms.byConference(room);
            if (stored.isPresent()) {
                if (lost != null) {
                    LOG.info(() -> "Jitsi room " + room + " was stored by another request at the same moment;"
                            + " its ID stands (the database refused the second insert, as it should)");
                }
                return mapping(stored.get());
            }
            try {
                return mapping(rooms.create(room));
            } catch (RuntimeException e) {
                // Another request (or instance) stored this room first, or drew the same ID for another room at
                // the same moment: the next round reads the room, or draws again.
                lost = e;
            }
        }
        throw new IllegalStateException("No conference ID stored for Jitsi room " + room + " after " + ATTEMPTS
                + " attempts", lost);
    }

    /** The room that has conference ID {@code id}, if one has. */
    public Optional<ConferenceMapping> roomOf(String id) {
        if (!id.matches("[0-9]{1,10}")) {
            throw JitsiRefusal.badRequest("id must be a conference ID: 1 to 10 digits");
        }
        return rooms.byConferenceId(id).map(this::mapping);
    }

    private ConferenceMapping mapping(JitsiRoom room) {
        String sipUri = config.jitsiSipUriTemplate()
                .map(template -> template.replace("{id}", room.conferenceId())
                        .replace("{room}", room.conference().room()))
                .orElse(null);
        return new ConferenceMapping(room.conference(), room.conferenceId(), sipUri);
    }
}
