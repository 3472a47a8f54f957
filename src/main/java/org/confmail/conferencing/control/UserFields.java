package org.confmail.conferencing.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.confmail.platform.validation.CountryCode;
import org.confmail.platform.validation.EmailAddress;
import org.confmail.platform.validation.LanguageTag;
import org.confmail.platform.validation.SingleLine;

/**
 * What a user's own fields must be, stated once: {@link UserService} checks a user as it would be after a create or
 * a change against these before anything is stored, whether the change comes from the API, the portal, an import or
 * SCIM. Rules between fields, and those that need the database (the bridge, its numbers, a free conference ID),
 * stay in the service.
 */
record UserFields(
        @NotBlank(message = "is required")
        @Size(max = UserService.MAX_DISPLAY_NAME_LENGTH, message = "must have at most {max} characters")
        @SingleLine
        String displayName,

        @EmailAddress
        String email,

        @LanguageTag
        String preferredLanguage,

        @CountryCode
        String country,

        @NotNull(message = "must be true or false")
        Boolean audioConferencingLicense,

        @NotNull(message = "must be true or false")
        Boolean allowTollFreeDialIn,

        @NotNull(message = "must be SELF_HOSTED, THIRD_PARTY or NONE")
        @Pattern(regexp = "SELF_HOSTED|THIRD_PARTY|NONE", message = "must be SELF_HOSTED, THIRD_PARTY or NONE")
        String provider,

        @Size(max = UserService.MAX_THIRD_PARTY_NAME_LENGTH, message = "must have at most {max} characters")
        @SingleLine
        String thirdPartyProviderName) {
}
