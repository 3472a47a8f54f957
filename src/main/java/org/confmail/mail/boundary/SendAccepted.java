package org.confmail.mail.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a send request: the email is stored and queued. */
@Schema(name = "SendAccepted", description = "A send request's answer: the email is stored and queued")
public record SendAccepted(String emailId, String status) {
}
