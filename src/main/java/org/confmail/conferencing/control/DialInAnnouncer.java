package org.confmail.conferencing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.confmail.conferencing.control.DialInNotifications.DialIn;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.tenant.control.DialInSettingsService;

/**
 * Tells a user about a change to their dial-in through the {@link DialInNotifier}, in the caller's transaction, as
 * {@link DialInNotifications} decides; and gives them what the email carries: a new PIN (and a conference ID if they
 * have none) when dial-in is turned on or the PIN is reset.
 */
@ApplicationScoped
public class DialInAnnouncer {

    @Inject
    DialInNotifier notifier;

    @Inject
    DialInSettingsService settings;

    @Inject
    PinHasher pins;

    @Inject
    ConferenceIds conferenceIds;

    private final PinGenerator pinGenerator = new PinGenerator();

    /** Announces what changed since {@code before}: the id of the email queued, or null when none is. */
    public String announce(ConferencingUser user, DialIn before) {
        DialInChange change = DialInNotifications.between(before, DialIn.of(user)).orElse(null);
        if (change == null) {
            return null;
        }
        if (change == DialInChange.LICENSE_ASSIGNED) {
            if (user.conferenceId() == null) {
                user.setConferenceId(conferenceIds.next());
            }
            return notifier.notify(user, change, newPin(user));
        }
        return notifier.notify(user, change, null);
    }

    /** Gives the user a new PIN and tells them; answers the PIN (shown once) and the email's id. */
    public UserActions.PinReset resetPin(ConferencingUser user) {
        String pin = newPin(user);
        user.touch();
        return new UserActions.PinReset(pin, notifier.notify(user, DialInChange.PIN_RESET, pin));
    }

    private String newPin(ConferencingUser user) {
        String pin = pinGenerator.next(settings.current().pinLength());
        user.setPinHash(pins.hash(pin));
        return pin;
    }
}
