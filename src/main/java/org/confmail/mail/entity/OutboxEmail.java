package org.confmail.mail.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.confmail.platform.database.UtcInstantConverter;

/**
 * One email in the outbox: the truth about a send request from the moment it is accepted. State changes that
 * decide who sends it are conditional bulk updates in {@code OutboxStore}, never a read-modify-write of this entity.
 */
@Entity
@Table(name = "outbox_email")
@NamedQuery(name = OutboxEmail.COUNT_FOR_USER_SINCE, query = "SELECT COUNT(e) FROM OutboxEmail e"
        + " WHERE e.userPrincipalName = :upn AND e.kind = :kind AND e.createdAt > :since")
@NamedQuery(name = OutboxEmail.COUNT_REQUESTED_BY_SINCE, query = "SELECT COUNT(e) FROM OutboxEmail e"
        + " WHERE e.requestedBy = :requestedBy AND e.createdAt > :since")
@NamedQuery(name = OutboxEmail.REQUESTED_BY_SINCE, query = "SELECT e.createdAt FROM OutboxEmail e"
        + " WHERE e.requestedBy = :requestedBy AND e.createdAt > :since ORDER BY e.createdAt")
public class OutboxEmail {

    public static final String COUNT_FOR_USER_SINCE = "OutboxEmail.countForUserSince";
    /** How many emails a caller asked for in a window (the per-caller limit). */
    public static final String COUNT_REQUESTED_BY_SINCE = "OutboxEmail.countRequestedBySince";
    /** When each email a caller asked for in a window was requested, oldest first. */
    public static final String REQUESTED_BY_SINCE = "OutboxEmail.requestedBySince";

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EmailKind kind;

    @Column(name = "user_principal_name", nullable = false)
    private String userPrincipalName;

    @Column(name = "to_address", nullable = false)
    private String toAddress;

    @Column(name = "to_name")
    private String toName;

    @Column(name = "from_address", nullable = false)
    private String fromAddress;

    @Column(name = "from_name")
    private String fromName;

    @Column(nullable = false)
    private String language;

    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EmailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "message_id")
    private String messageId;

    /** A secret (a new PIN) encrypted for the renderer; erased once the email is sent. */
    @Column(name = "secret_ciphertext")
    private String secretCiphertext;

    @Column(name = "bulk_job_id")
    private String bulkJobId;

    /** The account that asked for this email by hand (conference info); null for automatic and bulk emails. */
    @Column(name = "requested_by")
    private String requestedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Version
    private long version;

    protected OutboxEmail() {
    }

    public OutboxEmail(EmailKind kind, String userPrincipalName, String toAddress, String toName,
            String fromAddress, String fromName, String language, String secretCiphertext) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.userPrincipalName = userPrincipalName;
        this.toAddress = toAddress;
        this.toName = toName;
        this.fromAddress = fromAddress;
        this.fromName = fromName;
        this.language = language;
        this.secretCiphertext = secretCiphertext;
        this.status = EmailStatus.QUEUED;
        this.createdAt = Instant.now();
        this.queuedAt = createdAt;
    }

    public String id() {
        return id;
    }

    public EmailKind kind() {
        return kind;
    }

    public String userPrincipalName() {
        return userPrincipalName;
    }

    public String toAddress() {
        return toAddress;
    }

    public String toName() {
        return toName;
    }

    public String fromAddress() {
        return fromAddress;
    }

    public String fromName() {
        return fromName;
    }

    public String language() {
        return language;
    }

    public String subject() {
        return subject;
    }

    public EmailStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public String messageId() {
        return messageId;
    }

    public String secretCiphertext() {
        return secretCiphertext;
    }

    public String bulkJobId() {
        return bulkJobId;
    }

    public void setBulkJobId(String bulkJobId) {
        this.bulkJobId = bulkJobId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public void setRequestedBy(String requestedBy) {
        this.requestedBy = requestedBy;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
