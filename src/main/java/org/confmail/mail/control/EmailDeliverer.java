package org.confmail.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.confmail.conferencing.control.DialInInfo;
import org.confmail.conferencing.control.UserService;
import org.confmail.mail.entity.OutboxEmail;
import org.confmail.platform.config.ConfmailConfig;

/**
 * Sends one outbox email: claim the row, render it from the user's current dial-in information, hand it to SMTP,
 * record the outcome. No transaction is open while SMTP talks, so a slow server holds no database lock.
 */
@ApplicationScoped
public class EmailDeliverer {

    /** How long a claim lasts before the sweeper may assume the sender died. Longer than every SMTP timeout. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(EmailDeliverer.class.getName());

    @Inject
    OutboxStore store;

    @Inject
    UserService users;

    @Inject
    EmailComposer composer;

    @Inject
    SmtpSender smtp;

    @Inject
    ConfmailConfig config;

    @Inject
    SecretBox secrets;

    private RetryPolicy retryPolicy;

    @PostConstruct
    void init() {
        retryPolicy = new RetryPolicy(config.retryMaxAttempts(), config.retryInitialDelay(), config.retryMaxDelay());
    }

    public void deliver(String emailId) {
        Optional<OutboxEmail> claimed = store.claim(emailId, LEASE);
        if (claimed.isEmpty()) {
            return; // already sent, failed, not yet due, or another sender has it
        }
        OutboxEmail email = claimed.get();
        EmailComposer.Composed composed;
        try {
            Optional<DialInInfo> info = users.dialInInfo(email.userPrincipalName());
            if (info.isEmpty()) {
                store.markFailed(emailId, "The user " + email.userPrincipalName() + " no longer exists");
                return;
            }
            composed = composer.compose(email, info.get(), secrets.open(email.secretCiphertext()));
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not compose email " + emailId, e);
            store.markFailed(emailId, "Could not compose the message: " + e.getClass().getSimpleName());
            return;
        }
        try {
            smtp.send(composed.message());
            store.markSent(emailId, composed.subject(), composed.messageId());
        } catch (DeliveryException e) {
            if (e.isTransient() && retryPolicy.mayRetry(email.attempts())) {
                Instant next = retryPolicy.nextAttemptAt(email.attempts(), Instant.now());
                store.markRetrying(emailId, e.getMessage(), next);
                LOG.info(() -> "Email " + emailId + " attempt " + email.attempts() + " failed, retrying at " + next
                        + ": " + e.getMessage());
            } else {
                String reason = e.isTransient()
                        ? e.getMessage() + " (gave up after " + email.attempts() + " attempts)"
                        : e.getMessage();
                store.markFailed(emailId, reason);
                LOG.warning(() -> "Email " + emailId + " failed: " + reason);
            }
        }
    }
}
