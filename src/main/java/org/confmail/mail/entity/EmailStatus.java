package org.confmail.mail.entity;

/** Where an email stands in the outbox. */
public enum EmailStatus {
    /** Stored and announced on the queue; nobody is sending it yet. */
    QUEUED,
    /** Claimed by one instance, which is talking to the SMTP server. */
    SENDING,
    /** The SMTP server accepted it. */
    SENT,
    /** A transient failure; another attempt is due at {@code nextAttemptAt}. */
    RETRYING,
    /** A permanent failure, or out of attempts; an operator may retry it. */
    FAILED
}
