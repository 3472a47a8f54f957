package org.confmail.audit.boundary;

import java.time.Instant;
import org.confmail.audit.entity.AuditEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit entry as the API and the portal show it. */
@Schema(name = "AuditEventView", description = "Who did what, to whom, when, from where, and how it ended")
public record AuditEventView(String id, Instant occurredAt, String actor, String actorToken, String clientAddress,
        String action, String target, String outcome, String detail) implements java.io.Serializable {

    public static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id(), e.occurredAt(), e.actor(), e.actorToken(), e.clientAddress(), e.action(),
                e.target(), e.outcome().name(), e.detail());
    }
}
