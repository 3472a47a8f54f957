package org.confmail.mail.entity;

/**
 * What an email tells its reader; each kind has its own templates, {@code templates/email/<language>/<kind>.*}.
 * README's "Which change sends which email" says when each is sent.
 */
public enum EmailKind {
    CONFERENCE_INFO(false),
    LICENSE_ASSIGNED(true),
    CONFERENCE_ID_RESET(false),
    PIN_RESET(true),
    DIAL_IN_DISABLED(false);

    private final boolean carriesPin;

    EmailKind(boolean carriesPin) {
        this.carriesPin = carriesPin;
    }

    /**
     * Whether the email's whole point is the new PIN it carries: it is never sent without it, the PIN is erased once
     * it is sent or failed, and history and previews show a placeholder in its place.
     */
    public boolean carriesPin() {
        return carriesPin;
    }
}
