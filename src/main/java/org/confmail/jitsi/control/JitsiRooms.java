package org.confmail.jitsi.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Optional;
import org.confmail.conferencing.control.ConferenceIdHolder;
import org.confmail.conferencing.control.ConferenceIds;
import org.confmail.jitsi.entity.JitsiRoom;
import org.confmail.jitsi.entity.RoomJid;

/**
 * The stored rooms. A new room is inserted in a transaction of its own, so that losing a race to another request
 * or instance (a unique constraint refuses the row) leaves the caller free to read the winner's row. As a
 * {@link ConferenceIdHolder}, it keeps users' and meetings' new IDs off the rooms' IDs.
 */
@ApplicationScoped
public class JitsiRooms implements ConferenceIdHolder {

    @PersistenceContext
    EntityManager em;

    @Inject
    ConferenceIds conferenceIds;

    public Optional<JitsiRoom> byConference(RoomJid conference) {
        return em.createNamedQuery(JitsiRoom.BY_CONFERENCE, JitsiRoom.class)
                .setParameter("conference", conference.toString()).getResultStream().findFirst();
    }

    public Optional<JitsiRoom> byConferenceId(String conferenceId) {
        return em.createNamedQuery(JitsiRoom.BY_CONFERENCE_ID, JitsiRoom.class)
                .setParameter("conferenceId", conferenceId).getResultStream().findFirst();
    }

    /** Stores the room with a fresh ID and commits; fails if the room, or the ID drawn, is already stored. */
    @Transactional(TxType.REQUIRES_NEW)
    public JitsiRoom create(RoomJid conference) {
        JitsiRoom room = new JitsiRoom(conference, conferenceIds.next());
        em.persist(room);
        em.flush();
        return room;
    }

    @Override
    public boolean holds(String conferenceId) {
        return em.createNamedQuery(JitsiRoom.COUNT_WITH_CONFERENCE_ID, Long.class)
                .setParameter("conferenceId", conferenceId).getSingleResult() > 0;
    }
}
