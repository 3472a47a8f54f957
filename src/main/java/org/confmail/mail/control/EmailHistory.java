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

    public OutboxEmail find(String id) {
        OutboxEmail email = id == null ? null : em.find(OutboxEmail.class, id);
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
    public OutboxEmail retry(String id) {
        OutboxEmail email = find(id);
        if (email.status() != EmailStatus.FAILED) {
            throw new ProblemException(409, "Not failed", "Only a FAILED email can be retried; this one is "
                    + email.status() + ".", List.of());
        }
        if (email.kind() == EmailKind.PIN_RESET || email.kind() == EmailKind.LICENSE_ASSIGNED) {
            throw new ProblemException(409, "PIN no longer available", "This email carried a PIN, which was erased"
                    + " when it failed; reset the user's PIN to send a new one.", List.of());
        }
        if (!outbox.retryFailed(id)) {
            throw new ProblemException(409, "Not failed", "The email changed meanwhile; read it again.", List.of());
        }
        em.refresh(email);
        return email;
    }
}
