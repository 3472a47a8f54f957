package org.confmail.conferencing.boundary;

import java.time.Instant;
import org.confmail.conferencing.entity.ConferencingUser;

/** A user as the API shows it: never the PIN, only whether there is one. */
public record UserView(
        String userPrincipalName,
        String displayName,
        String email,
        String preferredLanguage,
        String country,
        boolean audioConferencingLicense,
        String provider,
        String thirdPartyProviderName,
        String bridgeId,
        String tollNumber,
        String tollFreeNumber,
        boolean allowTollFreeDialIn,
        String conferenceId,
        boolean hasPin,
        Instant createdAt,
        Instant updatedAt) implements java.io.Serializable {

    public static UserView of(ConferencingUser u) {
        return new UserView(u.userPrincipalName(), u.displayName(), u.email(), u.preferredLanguage(), u.country(),
                u.audioConferencingLicense(), u.provider().name(), u.thirdPartyProviderName(),
                u.bridge() == null ? null : u.bridge().id(),
                u.tollNumber() == null ? null : u.tollNumber().e164(),
                u.tollFreeNumber() == null ? null : u.tollFreeNumber().e164(),
                u.allowTollFreeDialIn(), u.conferenceId(), u.hasPin(), u.createdAt(), u.updatedAt());
    }
}
