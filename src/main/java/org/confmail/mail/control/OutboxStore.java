package org.confmail.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.confmail.platform.instances.InstanceHeartbeat;
import org.confmail.mail.entity.EmailStatus;
import org.confmail.mail.entity.OutboxEmail;

/**
 * The outbox state machine. Each transition is one conditional UPDATE in its own transaction, so whichever
 * message, timer or instance gets there first wins and the others see zero rows changed: that is what keeps two
 * senders from sending one row, on H2 and PostgreSQL alike, without holding row locks across an SMTP exchange.
 *
 * <p>Why not {@code SELECT ... FOR UPDATE SKIP LOCKED} for the sweeper's batch (H2 2.2 and PostgreSQL both have it):
 * the batch it selects is only a list of candidates. Each is then re-announced by a conditional UPDATE that
 * re-checks the row's state; when two sweepers (or two instances) pick the same row, the second UPDATE waits for the
 * first one's short transaction, sees the new state and changes nothing. Sending is decided by {@link #claimAll}, the
 * same conditional UPDATE per row, so a row announced twice is still sent once. SKIP LOCKED would only spare that
 * wait of one single-row transaction, at the price of native SQL and of holding the batch's locks while the wake-up
 * messages go out.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class OutboxStore {

    /** A retry whose time has come, or a claim whose lease ran out (its sender died or hung). */
    private static final String OVERDUE = "(e.status = :retrying AND e.nextAttemptAt <= :now)"
            + " OR (e.status = :sending AND e.claimedUntil < :now)";
    /** What a sender may take now. */
    private static final String CLAIMABLE = "(e.status = :queued OR " + OVERDUE + ")";
    /** What needs a new message on the queue: overdue, or queued so long ago that its message must have been lost. */
    private static final String NEEDS_ANNOUNCING = "((e.status = :queued AND e.queuedAt < :stale) OR " + OVERDUE + ")";
    /** Back in the queue as of {@code :queuedAt}, claim let go. */
    private static final String BACK_TO_QUEUE = "e.status = :queued, e.queuedAt = :queuedAt, e.claimedUntil = NULL,"
            + " e.version = e.version + 1";

    @PersistenceContext
    EntityManager em;

    /** Whose claim this process's claims are ({@code claimed_by}), and whose claims may be taken over. */
    @Inject
    InstanceHeartbeat heartbeat;

    /**
     * Takes for sending those of the emails that may be sent now; the others are sent, failed, not due, or another
     * sender has them. One conditional UPDATE per row, so each row's outcome is exact, and one commit for them all
     * (a commit is most of a claim's cost). The emails taken, in the order asked.
     */
    public List<OutboxEmail> claimAll(List<String> ids, Duration lease) {
        Instant now = Instant.now();
        Query update = withStates(em.createQuery("UPDATE OutboxEmail e SET e.status = :sendingNow,"
                + " e.attempts = e.attempts + 1, e.claimedBy = :me, e.claimedUntil = :until,"
                + " e.version = e.version + 1 WHERE e.id = :id AND " + CLAIMABLE), now)
                .setParameter("sendingNow", EmailStatus.SENDING)
                .setParameter("me", heartbeat.incarnation())
                .setParameter("until", now.plus(lease));
        List<String> claimed = ids.stream().filter(id -> update.setParameter("id", id).executeUpdate() == 1).toList();
        if (claimed.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, OutboxEmail> rows = new java.util.HashMap<>();
        em.createQuery("SELECT e FROM OutboxEmail e WHERE e.id IN :ids", OutboxEmail.class)
                .setParameter("ids", claimed).getResultList().forEach(e -> rows.put(e.id(), e));
        return claimed.stream().map(rows::get).toList();
    }

    /** Records the SMTP server's acceptance and erases the secret the email carried. */
    public boolean markSent(String id, String subject, String messageId) {
        return em.createQuery("UPDATE OutboxEmail e SET e.status = :sent, e.sentAt = :now, e.subject = :subject,"
                        + " e.messageId = :messageId, e.secretCiphertext = NULL, e.lastError = NULL,"
                        + " e.nextAttemptAt = NULL, e.claimedUntil = NULL, e.version = e.version + 1"
                        + " WHERE e.id = :id AND e.status = :sending")
                .setParameter("sent", EmailStatus.SENT)
                .setParameter("now", Instant.now())
                .setParameter("subject", subject)
                .setParameter("messageId", messageId)
                .setParameter("id", id)
                .setParameter("sending", EmailStatus.SENDING)
                .executeUpdate() == 1;
    }

    public boolean markRetrying(String id, String error, Instant nextAttemptAt) {
        return em.createQuery("UPDATE OutboxEmail e SET e.status = :retrying, e.lastError = :error,"
                        + " e.nextAttemptAt = :next, e.claimedUntil = NULL, e.version = e.version + 1"
                        + " WHERE e.id = :id AND e.status = :sending")
                .setParameter("retrying", EmailStatus.RETRYING)
                .setParameter("error", truncate(error))
                .setParameter("next", nextAttemptAt)
                .setParameter("id", id)
                .setParameter("sending", EmailStatus.SENDING)
                .executeUpdate() == 1;
    }

    public boolean markFailed(String id, String error) {
        return em.createQuery("UPDATE OutboxEmail e SET e.status = :failed, e.lastError = :error,"
                        + " e.nextAttemptAt = NULL, e.claimedUntil = NULL, e.secretCiphertext = NULL,"
                        + " e.version = e.version + 1 WHERE e.id = :id AND e.status = :sending")
                .setParameter("failed", EmailStatus.FAILED)
                .setParameter("error", truncate(error))
                .setParameter("id", id)
                .setParameter("sending", EmailStatus.SENDING)
                .executeUpdate() == 1;
    }

    /**
     * Fails the email whatever state short of SENT or FAILED it is in: for a message the broker gave up on, whose
     * row would otherwise wait for the sweeper only to fail the same way again.
     */
    public boolean markFailedUnlessDone(String id, String error) {
        return em.createQuery("UPDATE OutboxEmail e SET e.status = :failed, e.lastError = :error,"
                        + " e.nextAttemptAt = NULL, e.claimedUntil = NULL, e.secretCiphertext = NULL,"
                        + " e.version = e.version + 1 WHERE e.id = :id AND e.status <> :sent AND e.status <> :failed")
                .setParameter("failed", EmailStatus.FAILED)
                .setParameter("error", truncate(error))
                .setParameter("id", id)
                .setParameter("sent", EmailStatus.SENT)
                .executeUpdate() == 1;
    }

    /** How many emails are in each of these statuses; every one of them is in the answer, 0 when none. */
    public java.util.Map<EmailStatus, Long> countByStatus(java.util.Set<EmailStatus> statuses) {
        java.util.Map<EmailStatus, Long> counts = new java.util.EnumMap<>(EmailStatus.class);
        statuses.forEach(status -> counts.put(status, 0L));
        em.createQuery("SELECT e.status, COUNT(e) FROM OutboxEmail e WHERE e.status IN :statuses GROUP BY e.status",
                        Object[].class)
                .setParameter("statuses", statuses)
                .getResultList()
                .forEach(row -> counts.put((EmailStatus) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /**
     * Puts back in the queue the emails that instances which stopped beating had claimed (killed, or cut off for
     * longer than {@code CONFMAIL_INSTANCE_DEAD_AFTER}), and those of this instance's own earlier incarnation after a
     * restart, instead of leaving them to their claim lease. They become QUEUED as of {@code queuedAt}, early enough
     * that the same sweep announces them again. Answers how many.
     */
    public int releaseAbandonedClaims(Instant queuedAt) {
        Instant now = Instant.now();
        // A silent-since of the epoch matches nobody: this instance may not judge the others yet.
        Instant othersSilentSince = heartbeat.othersSilentSince(now).orElse(Instant.EPOCH);
        return em.createQuery("UPDATE OutboxEmail e SET " + BACK_TO_QUEUE + " WHERE e.status = :sending"
                        + " AND e.claimedBy IN (SELECT i.incarnation FROM ServerInstance i"
                        + " WHERE i.incarnation <> :me AND (i.beatAt < :othersSilentSince"
                        + " OR (i.name = :myName AND i.beatAt < :ownSilentSince)))")
                .setParameter("queued", EmailStatus.QUEUED)
                .setParameter("queuedAt", queuedAt)
                .setParameter("sending", EmailStatus.SENDING)
                .setParameter("me", heartbeat.incarnation())
                .setParameter("myName", heartbeat.name())
                .setParameter("othersSilentSince", othersSilentSince)
                .setParameter("ownSilentSince", heartbeat.ownEarlierSilentSince(now))
                .executeUpdate();
    }

    /** A claim of this instance: the row and the end of its lease, which tells this claim from a later one. */
    public record Claim(String id, Instant claimedUntil) {
    }

    /** Rows this instance (this incarnation) holds as SENDING. */
    public List<Claim> ownClaims(int limit) {
        return em.createQuery("SELECT e.id, e.claimedUntil FROM OutboxEmail e WHERE e.status = :sending"
                        + " AND e.claimedBy = :me", Object[].class)
                .setParameter("sending", EmailStatus.SENDING)
                .setParameter("me", heartbeat.incarnation())
                .setMaxResults(limit)
                .getResultList().stream().map(row -> new Claim((String) row[0], (Instant) row[1])).toList();
    }

    /**
     * Puts back in the queue a row this instance claimed but is no longer sending: its delivery ended without an
     * outcome being recorded (the database went away between the claim and the outcome). Only this very claim.
     */
    public boolean releaseOwnClaim(Claim claim, Instant queuedAt) {
        return em.createQuery("UPDATE OutboxEmail e SET " + BACK_TO_QUEUE + " WHERE e.id = :id"
                        + " AND e.status = :sending AND e.claimedBy = :me AND e.claimedUntil = :until")
                .setParameter("queued", EmailStatus.QUEUED)
                .setParameter("queuedAt", queuedAt)
                .setParameter("sending", EmailStatus.SENDING)
                .setParameter("me", heartbeat.incarnation())
                .setParameter("until", claim.claimedUntil())
                .setParameter("id", claim.id())
                .executeUpdate() == 1;
    }

    /** Rows that need a new message on the queue: due retries, and rows a lost message or a crash left behind. */
    public List<String> dueForRequeue(Duration staleAfter, int limit) {
        Instant now = Instant.now();
        return withStates(em.createQuery("SELECT e.id FROM OutboxEmail e WHERE " + NEEDS_ANNOUNCING
                        + " ORDER BY e.queuedAt", String.class), now)
                .setParameter("stale", now.minus(staleAfter))
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Marks a due row QUEUED again, if it still needs it; the caller announces it on the queue in the same
     * transaction. Runs in the caller's transaction for that reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean requeue(String id, Duration staleAfter) {
        Instant now = Instant.now();
        return withStates(em.createQuery("UPDATE OutboxEmail e SET " + BACK_TO_QUEUE + " WHERE e.id = :id AND "
                        + NEEDS_ANNOUNCING), now)
                .setParameter("queuedAt", now)
                .setParameter("stale", now.minus(staleAfter))
                .setParameter("id", id)
                .executeUpdate() == 1;
    }

    /** FAILED back to QUEUED with no attempts, for an operator's retry; in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean requeueFailed(String id) {
        return em.createQuery("UPDATE OutboxEmail e SET e.status = :queued, e.attempts = 0, e.queuedAt = :now,"
                        + " e.nextAttemptAt = NULL, e.version = e.version + 1 WHERE e.id = :id AND e.status = :failed")
                .setParameter("queued", EmailStatus.QUEUED)
                .setParameter("now", Instant.now())
                .setParameter("id", id)
                .setParameter("failed", EmailStatus.FAILED)
                .executeUpdate() == 1;
    }

    private static <Q extends Query> Q withStates(Q query, Instant now) {
        query.setParameter("queued", EmailStatus.QUEUED)
                .setParameter("retrying", EmailStatus.RETRYING)
                .setParameter("sending", EmailStatus.SENDING)
                .setParameter("now", now);
        return query;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
    }
}
