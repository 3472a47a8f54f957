package org.confmail.conferencing.control;

import java.util.Objects;
import java.util.Optional;
import org.confmail.conferencing.entity.ConferencingUser;

/**
 * Which automatic email a change to a user calls for: the heart of the product, so one pure function with a unit
 * test over every transition ({@code DialInNotificationsTest}). A change that changes nothing the user dials with
 * tells nobody; at most one email per change. A PIN reset is not a change of state but an action, and always tells.
 */
public final class DialInNotifications {

    private DialInNotifications() {
    }

    /**
     * The dial-in facts whose change the user is told about: whether they dial in through this service at all, and
     * what they dial. A toll-free number the user may not use is no number of theirs.
     */
    public record DialIn(boolean active, String conferenceId, String tollNumber, String tollFreeNumber) {

        /** Before a user exists. */
        public static final DialIn NONE = new DialIn(false, null, null, null);

        public static DialIn of(ConferencingUser user) {
            return new DialIn(user.hasDialIn(), user.conferenceId(),
                    user.tollNumber() == null ? null : user.tollNumber().id(),
                    user.tollFreeNumber() == null || !user.allowTollFreeDialIn() ? null : user.tollFreeNumber().id());
        }
    }

    /**
     * <ul>
     * <li>dial-in turned on (license assigned, provider back to this service, a new licensed user):
     * {@link DialInChange#LICENSE_ASSIGNED}, with a new PIN;</li>
     * <li>dial-in turned off (license removed, provider changed to another or none):
     * {@link DialInChange#DIAL_IN_DISABLED};</li>
     * <li>still on, and the conference ID or a default number changed: {@link DialInChange#CONFERENCE_ID_RESET};</li>
     * <li>anything else: no email.</li>
     * </ul>
     */
    public static Optional<DialInChange> between(DialIn before, DialIn after) {
        if (!before.active() && after.active()) {
            return Optional.of(DialInChange.LICENSE_ASSIGNED);
        }
        if (before.active() && !after.active()) {
            return Optional.of(DialInChange.DIAL_IN_DISABLED);
        }
        if (after.active() && (!Objects.equals(before.conferenceId(), after.conferenceId())
                || !Objects.equals(before.tollNumber(), after.tollNumber())
                || !Objects.equals(before.tollFreeNumber(), after.tollFreeNumber()))) {
            return Optional.of(DialInChange.CONFERENCE_ID_RESET);
        }
        return Optional.empty();
    }
}
