package org.confmail.mail.boundary;


/** The answer to a send request: the email is stored and queued. */
public record SendAccepted(String emailId, String status) {
}
