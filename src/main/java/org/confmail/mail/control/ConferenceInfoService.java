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
import org.confmail.conferencing.control.UserDirectory;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.mail.entity.EmailKind;
import org.confmail.mail.entity.OutboxEmail;
import org.confmail.platform.config.ConfmailConfig;
import org.confmail.platform.config.EmailAddresses;
import org.confmail.platform.problem.Problem;
import org.confmail.platform.problem.ProblemException;
import org.confmail.audit.control.AuditTrail;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;
import org.confmail.security.control.Caller;
import org.confmail.tenant.control.DialInSettingsService;

/**
 * The "Send conference info by email" use case, for the portal and the API alike: checks that the user can dial
 * in, that the hourly limits (per user, and per caller) are not reached, and that another address is one the caller
 * may send to, then hands the email to the outbox. Never includes the PIN.
 *
 * <p>Another address ({@code toAddress}) must be in one of the tenant's verified domains or in the user's own domain
 * unless an admin sends it: an operator cannot mail someone's dial-in information outside the organization.
 */
@ApplicationScoped
public class ConferenceInfoService {

    @PersistenceContext
    EntityManager em;

    @Inject
    UserDirectory users;

    @Inject
    EmailOutbox outbox;

    @Inject
    ConfmailConfig config;

    @Inject
    DialInSettingsService settings;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Transactional
    @Guarded(roles = {Roles.ADMIN, Roles.OPERATOR}, action = "email.send")
    public OutboxEmail send(String upn, String toAddress) {
        String to = toAddress == null || toAddress.isBlank() ? null : toAddress.strip();
        if (to != null && !EmailAddresses.isValid(to)) {
            throw ProblemException.invalid("toAddress", "must be a valid email address");
        }
        ConferencingUser user = users.find(upn);
        audit.detail(to == null ? "to the user's address " + user.email() : "to " + to);
        if (to != null && !caller.isAdmin()) {
            java.util.Set<String> allowed = new java.util.TreeSet<>(settings.current().verifiedDomains());
            allowed.add(EmailAddresses.domainOf(user.email()));
            allowed.add(EmailAddresses.domainOf(user.userPrincipalName()));
            if (!allowed.contains(EmailAddresses.domainOf(to))) {
                throw ProblemException.forbiddenFields("Only an admin may send conference info outside " + allowed
                        + " (the user's own and the verified domains).", List.of(new Problem.FieldError("toAddress",
                        "only an admin may send outside " + allowed)));
            }
        }
        // Serializes concurrent requests for one user, so the hourly limit cannot be overrun by a burst.
        em.lock(user, LockModeType.PESSIMISTIC_WRITE);
        UserDirectory.requireDialIn(user);
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
        String requester = caller.name();
        // A count, not every timestamp: a busy script's hour holds tens of thousands of requests.
        Instant since = Instant.now().minus(Duration.ofHours(1));
        long requested = em.createNamedQuery(OutboxEmail.COUNT_REQUESTED_BY_SINCE, Long.class)
                .setParameter("requestedBy", requester).setParameter("since", since).getSingleResult();
        if (!caller.isSystem() && requested >= config.manualEmailsPerCallerPerHour()) {
            Instant oldest = em.createNamedQuery(OutboxEmail.REQUESTED_BY_SINCE, Instant.class)
                    .setParameter("requestedBy", requester).setParameter("since", since)
                    .setMaxResults(1).getSingleResult();
            throw ProblemException.limited("Too many emails", "You (" + requester + ") already requested "
                    + requested + " conference info emails in the last hour (limit "
                    + config.manualEmailsPerCallerPerHour() + ").",
                    Duration.between(Instant.now(), oldest.plus(Duration.ofHours(1))));
        }
        OutboxEmail email = outbox.enqueue(EmailKind.CONFERENCE_INFO, user, to);
        email.setRequestedBy(requester);
        return email;
    }
}
