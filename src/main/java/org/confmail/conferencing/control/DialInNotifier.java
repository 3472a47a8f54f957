package org.confmail.conferencing.control;

import org.confmail.conferencing.entity.ConferencingUser;

/**
 * What the conferencing feature needs from the outside world when a user's dial-in changes: tell the user.
 * The mail feature provides it; conferencing does not know how the message travels.
 */
public interface DialInNotifier {

    /**
     * Tells the user about the change, in the caller's transaction.
     *
     * @param pin the new PIN for {@link DialInChange#LICENSE_ASSIGNED} and {@link DialInChange#PIN_RESET}, else null
     * @return the id of the email queued, or null when the tenant has automatic emails turned off
     */
    String notify(ConferencingUser user, DialInChange change, String pin);
}
