package org.confmail.mail.boundary;

/** Optional body of a conference-info request: another address to send it to. */
public record SendRequest(String toAddress) {
}
