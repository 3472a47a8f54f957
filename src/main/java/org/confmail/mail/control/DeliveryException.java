package org.confmail.mail.control;

/** The SMTP server did not take an email: transient (try later) or permanent (give up), with its reply. */
public class DeliveryException extends Exception {

    private final boolean transientFailure;

    public DeliveryException(boolean transientFailure, String reason, Throwable cause) {
        super(reason, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
