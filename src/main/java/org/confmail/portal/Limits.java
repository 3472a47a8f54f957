package org.confmail.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.confmail.conferencing.control.BridgeService;
import org.confmail.conferencing.control.UserService;
import org.confmail.platform.config.EmailAddresses;
import org.confmail.platform.problem.Standards;
import org.confmail.security.control.ApiTokens;
import org.confmail.security.control.PasswordHashing;
import org.confmail.tenant.control.DialInSettingsService;

/**
 * The services' limits for the pages' {@code maxlength} ({@code #{limits.displayName}}), so that a form stops the
 * typing where the service would refuse it, from the one place each limit is stated.
 */
@Named
@ApplicationScoped
public class Limits {

    public int getDisplayName() {
        return UserService.MAX_DISPLAY_NAME_LENGTH;
    }

    public int getThirdPartyProviderName() {
        return UserService.MAX_THIRD_PARTY_NAME_LENGTH;
    }

    public int getEmail() {
        return EmailAddresses.MAX_LENGTH;
    }

    public int getLanguageTag() {
        return Standards.MAX_LANGUAGE_TAG_LENGTH;
    }

    public int getConferenceId() {
        return DialInSettingsService.MAX_CONFERENCE_ID_LENGTH;
    }

    public int getBridgeName() {
        return BridgeService.MAX_NAME_LENGTH;
    }

    public int getCity() {
        return BridgeService.MAX_CITY_LENGTH;
    }

    public int getSenderName() {
        return DialInSettingsService.MAX_SENDER_NAME_LENGTH;
    }

    public int getTokenName() {
        return ApiTokens.MAX_NAME_LENGTH;
    }

    public int getPassword() {
        return PasswordHashing.MAX_LENGTH;
    }
}
