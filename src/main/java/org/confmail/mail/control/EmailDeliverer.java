package org.confmail.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.confmail.platform.crypto.SecretBox;
import org.confmail.conferencing.control.DialInInfo;
import org.confmail.conferencing.control.UserDirectory;
import org.confmail.mail.entity.OutboxEmail;
import org.confmail.platform.config.ConfmailConfig;

/**
 * Sends one outbox email: claim the row, render it from the user's current dial-in information, hand it to SMTP,
 * record the outcome. No transaction is open while SMTP talks, so a slow server holds no database lock.
 *
 * <p>A transient failure (4xx, no connection) is retried with backoff while attempts remain and the email is younger
 * than {@code CONFMAIL_RETRY_GIVE_UP_AFTER}; otherwise, and at once for a 5xx reply, the email is FAILED with the
 * reason kept.
 */
@ApplicationScoped
public class EmailDeliverer {

    private static final Logger LOG = Logger.getLogger(EmailDeliverer.class.getName());

    @Inject
    OutboxStore store;

    @Inject
    UserDirectory users;

    @Inject
    EmailComposer composer;

    @Inject
    SmtpSender smtp;

    @Inject
    ConfmailConfig config;

    @Inject
    SecretBox secrets;

    @Inject
    DeliveryMetrics metrics;

    RetryPolicy retryPolicy;
    Duration lease;

    @PostConstruct
    void init() {
        retryPolicy = new RetryPolicy(config.retryMaxAttempts(), config.retryInitialDelay(), config.retryMaxDelay(),
                config.retryGiveUpAfter());
        lease = config.claimLease();
    }

    /**
     * The emails this process is handling, counted per id (a duplicate message may run beside the first): taken
     * before the claim and let go after the outcome, so the sweeper never takes back a claim that is in use.
     */
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    public void deliver(String emailId) {
        deliver(List.of(emailId));
    }

    /**
     * Delivers several emails one after the other, as one message of a bulk send carries them: claimed in one
     * transaction, their users' dial-in read in one query, then each sent and its outcome recorded at once (so that
     * a crash sends again at most the one email that was at the SMTP server, as for a single email).
     */
    public void deliver(List<String> emailIds) {
        emailIds.forEach(id -> inFlight.merge(id, 1, Integer::sum));
        try {
            List<OutboxEmail> claimed = store.claimAll(emailIds, lease);
            if (claimed.isEmpty()) {
                return; // already sent, failed, not yet due, or another sender has them
            }
            Map<String, DialInInfo> dialIn = users.dialInInfos(claimed.stream()
                    .map(OutboxEmail::userPrincipalName).toList());
            for (OutboxEmail email : claimed) {
                send(email, dialIn.get(email.userPrincipalName()));
            }
        } finally {
            emailIds.forEach(id -> inFlight.computeIfPresent(id, (key, n) -> n == 1 ? null : n - 1));
        }
    }

    /** The ids being delivered by this process right now. */
    public Set<String> inFlight() {
        return Set.copyOf(inFlight.keySet());
    }

    private void send(OutboxEmail email, DialInInfo info) {
        String emailId = email.id();
        EmailComposer.Composed composed;
        try {
            if (info == null) {
                fail(email, "The user " + email.userPrincipalName() + " no longer exists");
                return;
            }
            String secret = null;
            if (email.kind().carriesPin()) {
                secret = pinOf(email);
                if (secret == null) {
                    return;
                }
            }
            composed = composer.compose(email, info, secret);
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not compose email " + emailId, e);
            fail(email, "Could not compose the message: " + e.getClass().getSimpleName());
            return;
        }
        try {
            smtp.send(composed.message());
        } catch (DeliveryException e) {
            Instant now = Instant.now();
            if (e.isTransient() && retryPolicy.mayRetry(email.attempts(), email.createdAt(), now)) {
                Instant next = retryPolicy.nextAttemptAt(email.attempts(), now);
                store.markRetrying(emailId, e.getMessage(), next);
                metrics.retried(email.kind());
                LOG.info(() -> "Email " + emailId + " attempt " + email.attempts() + " failed, retrying at " + next
                        + ": " + e.getMessage());
            } else {
                String reason = !e.isTransient() ? e.getMessage()
                        : retryPolicy.mayRetry(email.attempts())
                                ? e.getMessage() + " (gave up: the request is older than "
                                        + retryPolicy.giveUpAfter() + ", after " + email.attempts() + " attempts)"
                                : e.getMessage() + " (gave up after " + email.attempts() + " attempts)";
                fail(email, reason);
            }
            return;
        }
        store.markSent(emailId, composed.subject(), composed.messageId());
        metrics.sent(email.kind(), email.createdAt());
    }

    /** The PIN the email must carry, or null after failing the email because it is not there. */
    private String pinOf(OutboxEmail email) {
        if (email.secretCiphertext() == null) {
            fail(email, "This " + email.kind() + " email must carry the user's new PIN, but none is stored (it is"
                    + " erased when an email fails or is sent); reset the user's PIN to send a new one");
            return null;
        }
        try {
            return secrets.open(email.secretCiphertext());
        } catch (IllegalStateException e) {
            fail(email, "The PIN this " + email.kind() + " email must carry cannot be decrypted (was"
                    + " CONFMAIL_SECRET_KEY or the data directory's secret.key changed?); reset the user's PIN to"
                    + " send a new one");
            return null;
        }
    }

    private void fail(OutboxEmail email, String reason) {
        if (store.markFailed(email.id(), reason)) {
            metrics.failed(email.kind());
        }
        LOG.warning(() -> "Email " + email.id() + " failed: " + reason);
    }
}
