package org.confmail.conferencing.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.regex.Pattern;

/**
 * Dial-in numbers as people read them: stored in E.164, shown in the national format to a reader in the
 * number's own country and in the international format to everyone else (libphonenumber).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private PhoneNumbers() {
    }

    /** Strict E.164 (a plus, the country code, no spaces) that libphonenumber considers a possible number. */
    public static boolean isE164(String number) {
        if (number == null || !E164.matcher(number).matches()) {
            return false;
        }
        try {
            return UTIL.isPossibleNumber(UTIL.parse(number, null));
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** The number formatted for a reader in {@code readerCountry} (ISO 3166 alpha-2, may be null). */
    public static String format(String e164, String readerCountry) {
        try {
            PhoneNumber number = UTIL.parse(e164, null);
            String region = UTIL.getRegionCodeForNumber(number);
            boolean local = readerCountry != null && readerCountry.equalsIgnoreCase(region);
            return UTIL.format(number, local ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /** A one-tap link that dials the number and then enters the conference ID. */
    public static String telLink(String e164, String conferenceId) {
        return "tel:" + e164 + (conferenceId == null ? "" : ",," + conferenceId + "%23");
    }
}
