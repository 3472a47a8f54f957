package org.confmail.mail.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of a conference-info request: another address to send it to. */
@Schema(name = "SendRequest", description = "Where to send the conference info instead of the user's own address")
public record SendRequest(String toAddress) {
}
