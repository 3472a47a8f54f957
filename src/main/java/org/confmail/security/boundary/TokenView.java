package org.confmail.security.boundary;

import java.time.Instant;
import org.confmail.security.entity.ApiToken;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API token as listed: everything but the token itself, which is shown once when it is created. */
@Schema(name = "TokenView", description = "An API token as listed; the token itself is never shown again")
public record TokenView(String id, String name, String role, String status, Instant createdAt, String createdBy,
        Instant expiresAt, Instant lastUsedAt, String lastUsedFrom, Instant revokedAt, String revokedBy)
        implements java.io.Serializable {

    public static TokenView of(ApiToken t) {
        return new TokenView(t.id(), t.name(), t.role(), t.status(Instant.now()).name(), t.createdAt(),
                t.createdBy(), t.expiresAt(), t.lastUsedAt(), t.lastUsedFrom(), t.revokedAt(), t.revokedBy());
    }

    /** A token just created: the one answer that carries the token. */
    @Schema(name = "IssuedToken", description = "A new API token: the token is in this answer only")
    public record Issued(String id, String name, String token, String role, Instant expiresAt) {
    }
}
