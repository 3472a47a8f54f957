package org.confmail.conferencing.control;

/**
 * A user to create. Only {@code userPrincipalName} and {@code displayName} are required; the rest default (email:
 * the UPN; bridge: the default bridge; numbers: the bridge's for the user's country, else the bridge default;
 * conference ID: generated), as README's "Which change sends which email" says.
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
