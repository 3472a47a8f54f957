package org.confmail.mail.boundary;

import java.time.Instant;
import org.confmail.mail.entity.OutboxEmail;

/** An outbox email as the API shows it. */
public record EmailView(
        String id,
        String kind,
        String userPrincipalName,
        String toAddress,
        String fromAddress,
        String subject,
        String status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        String messageId,
        Instant createdAt,
        Instant sentAt) implements java.io.Serializable {

    public static EmailView of(OutboxEmail e) {
        return new EmailView(e.id(), e.kind().name(), e.userPrincipalName(), e.toAddress(), e.fromAddress(),
                e.subject(), e.status().name(), e.attempts(), e.nextAttemptAt(), e.lastError(), e.messageId(),
                e.createdAt(), e.sentAt());
    }
}
