package org.confmail.tenant.control;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.confmail.platform.validation.EmailAddress;
import org.confmail.platform.validation.SingleLine;

/**
 * What the tenant's dial-in settings must be, stated once; {@link DialInSettingsService} checks the settings as they
 * would be after a change. The sender's domain and the default language are checked there (they need the verified
 * domains and the supported languages).
 */
record SettingsFields(
        @Min(value = PIN_LENGTH_MIN, message = "must be between {value} and " + PIN_LENGTH_MAX)
        @Max(value = PIN_LENGTH_MAX, message = "must be between " + PIN_LENGTH_MIN + " and {value}")
        int pinLength,

        @Min(value = CONFERENCE_ID_LENGTH_MIN, message = "must be between {value} and " + CONFERENCE_ID_LENGTH_MAX)
        @Max(value = CONFERENCE_ID_LENGTH_MAX, message = "must be between " + CONFERENCE_ID_LENGTH_MIN + " and {value}")
        int conferenceIdLength,

        @EmailAddress(message = "must be a plain email address such as conferencing@contoso.com")
        String sendEmailFromAddress,

        @Size(max = SENDER_NAME_MAX, message = "must have at most {max} characters")
        @SingleLine
        String sendEmailFromDisplayName) {

    static final int PIN_LENGTH_MIN = 4;
    static final int PIN_LENGTH_MAX = 12;
    static final int CONFERENCE_ID_LENGTH_MIN = 7;
    static final int CONFERENCE_ID_LENGTH_MAX = 10;
    static final int SENDER_NAME_MAX = 256;
}
