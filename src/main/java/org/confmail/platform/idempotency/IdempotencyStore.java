package org.confmail.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code idempotency_key} table (V3): first answers by account and key, kept for {@link #KEEP}. */
@ApplicationScoped
public class IdempotencyStore {

    /** How long a key is remembered. */
    public static final Duration KEEP = Duration.ofHours(24);

    public record Stored(String method, String path, String requestHash, int status, String location,
            String sealedBody, Instant createdAt) {

        boolean expired(Instant now) {
            return createdAt.plus(KEEP).isBefore(now);
        }
    }

    @PersistenceContext
    EntityManager em;

    /** The remembered answer, in the caller's transaction (a new one if none). */
    @Transactional
    public Optional<Stored> find(String account, String key) {
        List<?> rows = em.createNativeQuery("SELECT request_method, request_path, request_hash, response_status,"
                        + " response_location, response_body, created_at FROM idempotency_key"
                        + " WHERE account_name = ? AND idempotency_key = ?")
                .setParameter(1, account)
                .setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Stored((String) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), (String) row[4], (String) row[5], instant(row[6])));
    }

    /** Looks in a transaction of its own: for after the caller's transaction failed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Stored> findCommitted(String account, String key) {
        return find(account, key);
    }

    /**
     * Remembers the first answer, in the caller's transaction: the same transaction as the email it queued. Fails
     * (at once, or when a concurrent transaction with the same key commits) on the primary key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String account, String key, String method, String path, String requestHash, int status,
            String location, String sealedBody) {
        em.createNativeQuery("INSERT INTO idempotency_key (account_name, idempotency_key, request_method,"
                        + " request_path, request_hash, response_status, response_location, response_body, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, account)
                .setParameter(2, key)
                .setParameter(3, method)
                .setParameter(4, path)
                .setParameter(5, requestHash)
                .setParameter(6, status)
                .setParameter(7, location)
                .setParameter(8, sealedBody)
                .setParameter(9, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String account, String key) {
        em.createNativeQuery("DELETE FROM idempotency_key WHERE account_name = ? AND idempotency_key = ?")
                .setParameter(1, account)
                .setParameter(2, key)
                .executeUpdate();
    }

    /** Deletes keys older than {@link #KEEP}; run by the sweeper. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forgetExpired() {
        return em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?")
                .setParameter(1, LocalDateTime.ofInstant(Instant.now().minus(KEEP), ZoneOffset.UTC))
                .executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
