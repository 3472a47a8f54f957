package org.confmail.jitsi.control;

import org.confmail.jitsi.entity.RoomJid;

/** A room and its conference ID, with the SIP address that reaches it when one is configured (else null). */
public record ConferenceMapping(RoomJid conference, String conferenceId, String sipUri) {
}
