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
        return outbox.enqueue(EmailKind.valueOf(change.name()), user, null, pin, null).id();
    }
}
