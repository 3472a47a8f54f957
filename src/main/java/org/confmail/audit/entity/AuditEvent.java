package org.confmail.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.confmail.platform.database.UtcInstantConverter;

/**
 * One line of the audit trail: who (an account, and the API token it used), did what, to whom, when, from which
 * address, and how it ended. Written once, never changed; deleted after {@code CONFMAIL_AUDIT_RETENTION}.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    public static final int MAX_ACTOR = 100;
    public static final int MAX_TARGET = 254;
    public static final int MAX_DETAIL = 1000;

    @Id
    private String id;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(name = "actor_token")
    private String actorToken;

    @Column(name = "client_address")
    private String clientAddress;

    @Column(nullable = false)
    private String action;

    private String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditOutcome outcome;

    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(String actor, String actorToken, String clientAddress, String action, String target,
            AuditOutcome outcome, String detail) {
        this.id = UUID.randomUUID().toString();
        this.occurredAt = Instant.now();
        this.actor = bounded(actor == null ? "anonymous" : actor, MAX_ACTOR);
        this.actorToken = bounded(actorToken, MAX_ACTOR);
        this.clientAddress = bounded(clientAddress, 64);
        this.action = action;
        this.target = bounded(target, MAX_TARGET);
        this.outcome = outcome;
        this.detail = bounded(detail, MAX_DETAIL);
    }

    /**
     * Text as the trail keeps it: at most {@code max} characters, control characters, line breaks and bidirectional
     * overrides shown as U+FFFD, so that no entry can forge another line or hide what it says.
     */
    static String bounded(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), max));
        text.codePoints().limit(max + 1L).forEach(c -> {
            boolean control = Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                    || Character.getType(c) == Character.SURROGATE;
            clean.appendCodePoint(control ? 0xFFFD : c);
        });
        String result = clean.toString();
        if (result.length() <= max) {
            return result;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(result.charAt(end - 1))) {
            end--;
        }
        return result.substring(0, end) + "…";
    }

    public String id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String actorToken() {
        return actorToken;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public AuditOutcome outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }
}
