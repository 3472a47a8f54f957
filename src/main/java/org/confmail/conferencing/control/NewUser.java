package org.confmail.conferencing.control;

/**
 * A user to create. Only {@code userPrincipalName} and {@code displayName} are required; the rest default as
 * DESIGN.md says (email: the UPN; bridge: the default bridge; numbers: the bridge's for the user's country, else the
 * bridge default; conference ID: generated).
 */
public record NewUser(
        String userPrincipalName,
        String displayName,
        String email,
        String preferredLanguage,
        String country,
        Boolean audioConferencingLicense,
        String provider,
        String thirdPartyProviderName,
        String bridgeId,
        String tollNumber,
        String tollFreeNumber,
        Boolean allowTollFreeDialIn,
        String conferenceId) {
}
