package org.confmail.audit.boundary;

import java.time.Instant;
import org.confmail.audit.entity.AuditEvent;

/** One audit entry as the API and the portal show it. */
public record AuditEventView(String id, Instant occurredAt, String actor, String actorToken, String clientAddress,
        String action, String target, String outcome, String detail) implements java.io.Serializable {

    public static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id(), e.occurredAt(), e.actor(), e.actorToken(), e.clientAddress(), e.action(),
                e.target(), e.outcome().name(), e.detail());
    }
}
