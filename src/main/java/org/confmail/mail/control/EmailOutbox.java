package org.confmail.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.confmail.platform.crypto.SecretBox;
import org.confmail.platform.Languages;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.mail.entity.EmailKind;
import org.confmail.mail.entity.OutboxEmail;
import org.confmail.tenant.control.DialInSettingsService;
import org.confmail.tenant.entity.DialInSettings;

/**
 * The one way into the mail pipeline: stores the outbox row and announces it on the queue in the caller's
 * transaction, and returns at once. Nothing else in confmail sends mail.
 */
@ApplicationScoped
public class EmailOutbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    MailQueue queue;

    @Inject
    OutboxStore store;

    @Inject
    DialInSettingsService settings;

    @Inject
    SecretBox secrets;

    /** Queues an email of this kind for the user, to their own address unless {@code toAddress} is given. */
    @Transactional
    public OutboxEmail enqueue(EmailKind kind, ConferencingUser user, String toAddress) {
        return enqueue(kind, user, toAddress, null, null);
    }

    /**
     * The same, with a secret (a new PIN) the email must carry, stored encrypted until sent, and the bulk job the
     * email belongs to, if any.
     */
    @Transactional
    public OutboxEmail enqueue(EmailKind kind, ConferencingUser user, String toAddress, String secret,
            String bulkJobId) {
        DialInSettings tenant = settings.current();
        DialInSettingsService.Sender sender = settings.sender();
        String language = languageFor(user, tenant);
        String to = toAddress == null ? user.email() : toAddress;
        OutboxEmail email = new OutboxEmail(kind, user.userPrincipalName(), to, user.displayName(),
                sender.address(), sender.displayName(), language, secrets.seal(secret));
        email.setBulkJobId(bulkJobId);
        em.persist(email);
        queue.announce(email.id());
        return email;
    }

    /** Marks a due or abandoned row QUEUED and announces it again, in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean reannounce(String id, Duration staleAfter) {
        if (!store.requeue(id, staleAfter)) {
            return false;
        }
        queue.announce(id);
        return true;
    }

    /** Puts a FAILED row back in the queue with a fresh count of attempts, in the caller's transaction. */
    @Transactional
    public boolean retryFailed(String id) {
        if (!store.requeueFailed(id)) {
            return false;
        }
        queue.announce(id);
        return true;
    }

    /** The user's preferred language when we have templates for it, else the tenant default, else the fallback. */
    static String languageFor(ConferencingUser user, DialInSettings tenant) {
        String preferred = Languages.supported(user.preferredLanguage());
        if (preferred != null) {
            return preferred;
        }
        String fallback = Languages.supported(tenant.defaultLanguage());
        return fallback != null ? fallback : Languages.SUPPORTED.getFirst();
    }
}
