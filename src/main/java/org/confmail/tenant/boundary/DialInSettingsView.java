package org.confmail.tenant.boundary;

import java.util.List;
import org.confmail.tenant.entity.DialInSettings;

/** The tenant's dial-in settings as the API shows them. */
public record DialInSettingsView(boolean automaticallySendEmailsToUsers, int pinLength,
        boolean useUniqueConferenceIds, int conferenceIdLength, boolean sendEmailFromOverride,
        String sendEmailFromAddress, String sendEmailFromDisplayName, String defaultLanguage,
        List<String> verifiedDomains) {

    static DialInSettingsView of(DialInSettings s) {
        return new DialInSettingsView(s.automaticallySendEmailsToUsers(), s.pinLength(), s.useUniqueConferenceIds(),
                s.conferenceIdLength(), s.sendEmailFromOverride(), s.sendEmailFromAddress(),
                s.sendEmailFromDisplayName(), s.defaultLanguage(), List.copyOf(s.verifiedDomains()));
    }
}
