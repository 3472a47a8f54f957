package org.confmail.conferencing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.conferencing.entity.Meeting;
import org.confmail.tenant.control.DialInSettingsService;

/**
 * The one rule for conference IDs across the deployment: a new ID has the tenant's length and comes from the
 * {@link ConferenceIdGenerator}, and an ID is free when no user has it as their static ID, no meeting carries it and
 * no {@link ConferenceIdHolder} has given it out. Queries run in the caller's transaction.
 */
@ApplicationScoped
public class ConferenceIds {

    @PersistenceContext
    EntityManager em;

    @Inject
    DialInSettingsService settings;

    @Inject
    Instance<ConferenceIdHolder> holders;

    private final ConferenceIdGenerator generator = new ConferenceIdGenerator();

    /** A fresh ID of the tenant's length that is free now. */
    public String next() {
        return generator.next(settings.current().conferenceIdLength(), this::isFree);
    }

    public boolean isFree(String conferenceId) {
        return em.createNamedQuery(ConferencingUser.BY_CONFERENCE_ID, ConferencingUser.class)
                .setParameter("conferenceId", conferenceId).getResultList().isEmpty()
                && em.createNamedQuery(Meeting.COUNT_WITH_CONFERENCE_ID, Long.class)
                .setParameter("conferenceId", conferenceId).getSingleResult() == 0
                && holders.stream().noneMatch(holder -> holder.holds(conferenceId));
    }
}
