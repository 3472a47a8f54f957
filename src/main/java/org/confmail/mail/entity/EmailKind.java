package org.confmail.mail.entity;

/** What an email tells its reader; each kind has its own templates (DESIGN.md, Emails). */
public enum EmailKind {
    CONFERENCE_INFO,
    LICENSE_ASSIGNED,
    CONFERENCE_ID_RESET,
    PIN_RESET,
    DIAL_IN_DISABLED
}
