package org.confmail.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.confmail.platform.database.UtcInstantConverter;

/**
 * An API token of an account, for internal systems: {@code Authorization: Bearer <token>}. Only a keyed hash of the
 * token is stored; the token itself is shown once, when it is created. It may carry a narrower role than its
 * account's, expires, and once revoked stays listed as revoked.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = ApiToken.OF_ACCOUNT, query = "SELECT t FROM ApiToken t WHERE t.username = :username"
        + " ORDER BY t.createdAt DESC, t.id")
public class ApiToken {

    public static final String BY_HASH = "ApiToken.byHash";
    public static final String OF_ACCOUNT = "ApiToken.ofAccount";

    /** Where a token stands. */
    public enum Status { ACTIVE, EXPIRED, REVOKED }

    @Id
    private String id;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    /** A role narrower than the account's, or null for all of the account's roles. */
    private String role;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "last_used_from")
    private String lastUsedFrom;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Version
    private long version;

    protected ApiToken() {
    }

    public ApiToken(String username, String name, String tokenHash, String role, String createdBy,
            Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.username = username;
        this.name = name;
        this.tokenHash = tokenHash;
        this.role = role;
        this.createdAt = Instant.now();
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt.isAfter(now) ? Status.ACTIVE : Status.EXPIRED;
    }

    public void revoke(String by) {
        revokedAt = Instant.now();
        revokedBy = by;
    }

    public void used(Instant at, String from) {
        lastUsedAt = at;
        lastUsedFrom = from;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String name() {
        return name;
    }

    public String role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public String lastUsedFrom() {
        return lastUsedFrom;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }
}
