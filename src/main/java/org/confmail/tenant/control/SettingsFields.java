package org.confmail.tenant.control;

import static org.confmail.tenant.control.DialInSettingsService.MAX_CONFERENCE_ID_LENGTH;
import static org.confmail.tenant.control.DialInSettingsService.MAX_PIN_LENGTH;
import static org.confmail.tenant.control.DialInSettingsService.MAX_SENDER_NAME_LENGTH;
import static org.confmail.tenant.control.DialInSettingsService.MIN_CONFERENCE_ID_LENGTH;
import static org.confmail.tenant.control.DialInSettingsService.MIN_PIN_LENGTH;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.confmail.platform.validation.EmailAddress;
import org.confmail.platform.validation.SingleLine;

/**
 * What the tenant's dial-in settings must be; {@link DialInSettingsService} checks the settings as they would be
 * after a change. The sender's domain and the default language are checked there (they need the verified domains
 * and the supported languages).
 */
record SettingsFields(
        @Min(value = MIN_PIN_LENGTH, message = "must be between {value} and " + MAX_PIN_LENGTH)
        @Max(value = MAX_PIN_LENGTH, message = "must be between " + MIN_PIN_LENGTH + " and {value}")
        int pinLength,

        @Min(value = MIN_CONFERENCE_ID_LENGTH, message = "must be between {value} and " + MAX_CONFERENCE_ID_LENGTH)
        @Max(value = MAX_CONFERENCE_ID_LENGTH, message = "must be between " + MIN_CONFERENCE_ID_LENGTH + " and {value}")
        int conferenceIdLength,

        @EmailAddress(message = "must be a plain email address such as conferencing@contoso.com")
        String sendEmailFromAddress,

        @Size(max = MAX_SENDER_NAME_LENGTH, message = "must have at most {max} characters")
        @SingleLine
        String sendEmailFromDisplayName) {
}
