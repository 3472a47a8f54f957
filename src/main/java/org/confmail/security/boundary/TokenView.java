package org.confmail.security.boundary;

import java.time.Instant;
import org.confmail.security.entity.ApiToken;

/** An API token as listed: everything but the token itself, which is shown once when it is created. */
public record TokenView(String id, String name, String role, String status, Instant createdAt, String createdBy,
        Instant expiresAt, Instant lastUsedAt, String lastUsedFrom, Instant revokedAt, String revokedBy)
        implements java.io.Serializable {

    public static TokenView of(ApiToken t) {
        return new TokenView(t.id(), t.name(), t.role(), t.status(Instant.now()).name(), t.createdAt(),
                t.createdBy(), t.expiresAt(), t.lastUsedAt(), t.lastUsedFrom(), t.revokedAt(), t.revokedBy());
    }

    /** A token just created: the one answer that carries the token. */
    public record Issued(String id, String name, String token, String role, Instant expiresAt) {
    }
}
