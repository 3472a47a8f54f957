package org.confmail.conferencing.control;

/** A change to a user's dial-in that the user must hear about (one automatic email each). */
public enum DialInChange {
    /** Dial-in turned on: license assigned, or provider back to this service. Carries a new PIN. */
    LICENSE_ASSIGNED,
    /** The conference ID or a default dial-in number changed. */
    CONFERENCE_ID_RESET,
    /** An admin reset the leader PIN. Carries the new PIN. */
    PIN_RESET,
    /** Dial-in turned off: license removed, or provider changed to another or none. */
    DIAL_IN_DISABLED
}
