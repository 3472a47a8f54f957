package org.confmail.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.confmail.conferencing.control.DialInChange;
import org.confmail.conferencing.control.DialInNotifier;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.mail.entity.EmailKind;
import org.confmail.tenant.control.DialInSettingsService;

/** Tells users about dial-in changes by email, when the tenant has automatic emails turned on. */
@ApplicationScoped
public class EmailDialInNotifier implements DialInNotifier {

    @Inject
    EmailOutbox outbox;

    @Inject
    DialInSettingsService settings;

    @Override
    public String notify(ConferencingUser user, DialInChange change, String pin) {
        if (!settings.current().automaticallySendEmailsToUsers()) {
            return null;
        }
        return outbox.enqueue(kindFor(change), user, null, pin, null).id();
    }

    /** The automatic email that tells a user about a change to their dial-in. */
    static EmailKind kindFor(DialInChange change) {
        return switch (change) {
            case LICENSE_ASSIGNED -> EmailKind.LICENSE_ASSIGNED;
            case CONFERENCE_ID_RESET -> EmailKind.CONFERENCE_ID_RESET;
            case PIN_RESET -> EmailKind.PIN_RESET;
            case DIAL_IN_DISABLED -> EmailKind.DIAL_IN_DISABLED;
        };
    }
}
