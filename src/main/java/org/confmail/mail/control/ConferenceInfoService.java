package org.confmail.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.confmail.conferencing.control.UserService;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.conferencing.entity.Provider;
import org.confmail.mail.entity.EmailKind;
import org.confmail.mail.entity.OutboxEmail;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.platform.config.EmailAddresses;
import org.confmail.platform.problem.ProblemException;

/**
 * The "Send conference info by email" use case, for the portal and the API alike: checks that the user can dial
 * in and that the hourly limit is not reached, then hands the email to the outbox. Never includes the PIN.
 */
@ApplicationScoped
public class ConferenceInfoService {

    @PersistenceContext
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    EmailOutbox outbox;

    @Inject
    ConfmailConfig config;

    @Transactional
    public OutboxEmail send(String upn, String toAddress) {
        String to = toAddress == null || toAddress.isBlank() ? null : toAddress.strip();
        if (to != null && !EmailAddresses.isValid(to)) {
            throw ProblemException.invalid("toAddress", "must be a valid email address");
        }
        ConferencingUser user = users.find(upn);
        // Serializes concurrent requests for one user, so the hourly limit cannot be overrun by a burst.
        em.lock(user, LockModeType.PESSIMISTIC_WRITE);
        if (!user.audioConferencingLicense() || user.provider() != Provider.SELF_HOSTED) {
            throw new ProblemException(409, "No dial-in information",
                    "User " + user.userPrincipalName() + " has no audio conferencing with this service"
                            + " (it needs the license and provider SELF_HOSTED).", List.of());
        }
        if (user.conferenceId() == null || user.tollNumber() == null) {
            throw new ProblemException(409, "No dial-in information",
                    "User " + user.userPrincipalName() + " has no conference ID or no toll number yet.", List.of());
        }
        long lastHour = em.createNamedQuery(OutboxEmail.COUNT_FOR_USER_SINCE, Long.class)
                .setParameter("upn", user.userPrincipalName())
                .setParameter("kind", EmailKind.CONFERENCE_INFO)
                .setParameter("since", Instant.now().minus(Duration.ofHours(1)))
                .getSingleResult();
        if (lastHour >= config.manualEmailsPerUserPerHour()) {
            throw new ProblemException(429, "Too many emails",
                    "User " + user.userPrincipalName() + " was already sent " + lastHour
                            + " conference info emails in the last hour (limit "
                            + config.manualEmailsPerUserPerHour() + ").", List.of());
        }
        return outbox.enqueue(EmailKind.CONFERENCE_INFO, user, to);
    }
}
