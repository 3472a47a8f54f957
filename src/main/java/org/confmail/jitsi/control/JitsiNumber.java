package org.confmail.jitsi.control;

/**
 * One dial-in number as Jitsi Meet lists it: the ISO 3166 country in lower case, whether it is toll-free, the number
 * as people read it, and whether it is the number to show first.
 */
public record JitsiNumber(String countryCode, boolean tollFree, String formattedNumber, boolean isDefault) {
}
