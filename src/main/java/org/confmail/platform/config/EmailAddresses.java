package org.confmail.platform.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.regex.Pattern;

/**
 * One definition of an acceptable email address for the whole service: a bare RFC 5322 addr-spec with a dotted
 * domain and a local part of at most 64 characters (RFC 5321), checked strictly by Jakarta Mail, and never anything
 * that could break a mail header (CR, LF, NUL).
 */
public final class EmailAddresses {

    /** The longest address SMTP carries (RFC 5321: a path of 256 octets, less the angle brackets). */
    public static final int MAX_LENGTH = 254;

    // Jakarta Mail accepts quoted local parts and domain literals; ours must also look like an ordinary mailbox.
    private static final Pattern PLAIN = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private EmailAddresses() {
    }

    /** An address a user's mail can go to: strict syntax and a dotted domain. */
    public static boolean isValid(String address) {
        return isValidAnyDomain(address) && PLAIN.matcher(address).matches();
    }

    /** Strict syntax, but a single-label domain such as {@code localhost} is accepted (the service's own sender). */
    public static boolean isValidAnyDomain(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH || hasLineBreak(address)
                || address.chars().anyMatch(Character::isWhitespace) || address.lastIndexOf('@') > 64) {
            return false;
        }
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    public static boolean hasLineBreak(String text) {
        return text != null && (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0);
    }

    /** The part after the last {@code @}, lower-cased. */
    public static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
