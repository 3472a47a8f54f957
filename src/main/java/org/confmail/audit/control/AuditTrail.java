package org.confmail.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.confmail.audit.entity.AuditEvent;
import org.confmail.audit.entity.AuditOutcome;
import org.confmail.platform.Page;
import org.confmail.security.Guarded;
import org.confmail.security.Roles;
import org.confmail.security.control.Caller;

/**
 * Writes and reads the audit trail. Guarded service operations are recorded by their interceptor: a success in the
 * operation's own transaction (so the entry exists exactly when the change does), a refusal or failure in a
 * transaction of its own (the operation's rolls back). While such an operation runs it may name its target and add
 * a detail ({@link #target}, {@link #detail}). Sign-ins are recorded by the authentication mechanism. Nothing that is
 * a secret (a PIN, a password, a token) is ever passed here.
 */
@ApplicationScoped
public class AuditTrail {

    /** An audited operation in progress on this thread. */
    public static final class Call {
        final String action;
        String target;
        String detail;

        Call(String action, String target) {
            this.action = action;
            this.target = target;
        }
    }

    /** Filters of a search; null fields do not filter. */
    public record Filter(String actor, String target, String action, Instant from, Instant to) {
    }

    /** Request attribute: a guarded operation recorded this request's outcome already. */
    public static final String RECORDED = "confmail.audited";

    private static final ThreadLocal<Deque<Call>> CALLS = ThreadLocal.withInitial(ArrayDeque::new);

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    /** The target of the operation in progress (by default its first text argument). */
    public void target(String target) {
        Call call = CALLS.get().peek();
        if (call != null) {
            call.target = target;
        }
    }

    /** What the operation in progress did, in a few words: changed fields, an address. Never a secret. */
    public void detail(String detail) {
        Call call = CALLS.get().peek();
        if (call != null) {
            call.detail = detail;
        }
    }

    public Call begin(String action, String target) {
        Call call = new Call(action, target);
        CALLS.get().push(call);
        return call;
    }

    public void end() {
        CALLS.get().pop();
    }

    /** Whether an audited operation is already in progress on this thread (nested ones are not recorded twice). */
    public boolean inCall() {
        return !CALLS.get().isEmpty();
    }

    /** Records the operation's success in the caller's transaction. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void succeeded(Call call) {
        em.persist(event(call.action, call.target, AuditOutcome.SUCCESS, call.detail));
        caller.markRecorded(RECORDED);
    }

    /** Records the operation's refusal or failure in a transaction of its own: the operation's rolls back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void ended(Call call, AuditOutcome outcome, String why) {
        em.persist(event(call.action, call.target, outcome,
                call.detail == null ? why : call.detail + "; " + why));
        caller.markRecorded(RECORDED);
    }

    /** Records an event that is not a guarded operation (a sign-in), with the actor given. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String actor, String token, String address, String action, String target,
            AuditOutcome outcome, String detail) {
        em.persist(new AuditEvent(actor, token, address, action, target, outcome, detail));
    }

    private AuditEvent event(String action, String target, AuditOutcome outcome, String detail) {
        return new AuditEvent(caller.name(), caller.tokenName(), caller.address(), action, target, outcome, detail);
    }

    /**
     * Entries newest first. {@code actor} and {@code target} match exactly; {@code action} matches an action or
     * every action under a prefix ({@code user} finds {@code user.update}); {@code from} inclusive, {@code to}
     * exclusive.
     */
    @Guarded(roles = {Roles.ADMIN, Roles.AUDITOR})
    @Transactional
    public Page<AuditEvent> search(Filter filter, int page, int size) {
        List<String> conditions = new ArrayList<>();
        if (filter.actor() != null) {
            conditions.add("e.actor = :actor");
        }
        if (filter.target() != null) {
            conditions.add("e.target = :target");
        }
        if (filter.action() != null) {
            conditions.add("(e.action = :action OR e.action LIKE :prefix)");
        }
        if (filter.from() != null) {
            conditions.add("e.occurredAt >= :from");
        }
        if (filter.to() != null) {
            conditions.add("e.occurredAt < :to");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<AuditEvent> query = em.createQuery("SELECT e FROM AuditEvent e" + where
                + " ORDER BY e.occurredAt DESC, e.id", AuditEvent.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            if (filter.actor() != null) {
                q.setParameter("actor", filter.actor());
            }
            if (filter.target() != null) {
                q.setParameter("target", filter.target());
            }
            if (filter.action() != null) {
                q.setParameter("action", filter.action());
                q.setParameter("prefix", filter.action().replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + ".%");
            }
            if (filter.from() != null) {
                q.setParameter("from", filter.from());
            }
            if (filter.to() != null) {
                q.setParameter("to", filter.to());
            }
        }
        List<AuditEvent> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = page == 0 && items.size() < size ? items.size() : count.getSingleResult();
        return new Page<>(items, page, size, total);
    }

    /** Deletes entries older than {@code before}; answers how many. Run by {@link AuditRetention}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forgetBefore(Instant before) {
        return em.createQuery("DELETE FROM AuditEvent e WHERE e.occurredAt < :before")
                .setParameter("before", before).executeUpdate();
    }
}
