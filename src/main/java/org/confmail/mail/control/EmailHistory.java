package org.confmail.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.confmail.mail.entity.EmailKind;
import org.confmail.mail.entity.EmailStatus;
import org.confmail.mail.entity.OutboxEmail;
import org.confmail.platform.Page;
import org.confmail.platform.problem.ProblemException;

/** Finds emails for operators: by status, kind and user, newest first; and lets them retry a failed one. */
@ApplicationScoped
@Transactional
public class EmailHistory {

    @PersistenceContext
    EntityManager em;

    @Inject
    EmailOutbox outbox;

    @Inject
    OutboxStore store;

    public OutboxEmail find(String id) {
        OutboxEmail email = id == null || !id.matches("[0-9a-f-]{36}") ? null : em.find(OutboxEmail.class, id);
        if (email == null) {
            throw ProblemException.notFound("There is no email with id '" + id + "'.");
        }
        return email;
    }

    public Page<OutboxEmail> list(EmailStatus status, EmailKind kind, String user, int page, int size) {
        List<String> conditions = new ArrayList<>();
        if (status != null) {
            conditions.add("e.status = :status");
        }
        if (kind != null) {
            conditions.add("e.kind = :kind");
        }
        if (user != null && !user.isBlank()) {
            conditions.add("e.userPrincipalName = :user");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<OutboxEmail> query = em.createQuery("SELECT e FROM OutboxEmail e" + where
                + " ORDER BY e.createdAt DESC, e.id", OutboxEmail.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM OutboxEmail e" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            if (status != null) {
                q.setParameter("status", status);
            }
            if (kind != null) {
                q.setParameter("kind", kind);
            }
            if (user != null && !user.isBlank()) {
                q.setParameter("user", user.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new Page<>(query.setFirstResult(page * size).setMaxResults(size).getResultList(), page, size,
                count.getSingleResult());
    }

    /** Sends a FAILED email again, from a fresh count of attempts. Emails that carried a PIN cannot be: it is gone. */
    @org.confmail.security.Guarded(roles = {org.confmail.security.Roles.ADMIN, org.confmail.security.Roles.OPERATOR},
            action = "email.retry")
    public OutboxEmail retry(String id) {
        OutboxEmail email = find(id);
        if (email.status() != EmailStatus.FAILED) {
            throw new ProblemException(409, "Not failed", "Only a FAILED email can be retried; this one is "
                    + email.status() + ".", List.of());
        }
        if (email.kind().carriesPin()) {
            throw new ProblemException(409, "PIN no longer available", "This email carried a PIN, which was erased"
                    + " when it failed; reset the user's PIN to send a new one.", List.of());
        }
        if (!outbox.retryFailed(id)) {
            throw new ProblemException(409, "Not failed", "The email changed meanwhile; read it again.", List.of());
        }
        em.refresh(email);
        return email;
    }

    /** How many emails stand in each status, every status present. */
    public java.util.Map<EmailStatus, Long> countsByStatus() {
        return store.countByStatus(java.util.EnumSet.allOf(EmailStatus.class));
    }

    /** Emails created in each of the last {@code hours} hours (UTC hours, oldest first). */
    public java.util.List<Long> createdPerHour(int hours) {
        java.time.Instant end = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .plus(java.time.Duration.ofHours(1));
        java.time.Instant start = end.minus(java.time.Duration.ofHours(hours));
        long[] buckets = new long[hours];
        em.createQuery("SELECT e.createdAt FROM OutboxEmail e WHERE e.createdAt >= :start", java.time.Instant.class)
                .setParameter("start", start).getResultList()
                .forEach(at -> {
                    int bucket = (int) java.time.Duration.between(start, at).toHours();
                    if (bucket >= 0 && bucket < hours) {
                        buckets[bucket]++;
                    }
                });
        java.util.List<Long> result = new java.util.ArrayList<>();
        for (long b : buckets) {
            result.add(b);
        }
        return result;
    }
}
