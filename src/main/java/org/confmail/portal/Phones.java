package org.confmail.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.confmail.conferencing.control.PhoneNumbers;

/** Dial-in numbers in the pages as the emails show them ({@link PhoneNumbers}): {@code #{phones.format(n, 'FR')}}. */
@Named
@ApplicationScoped
public class Phones {

    /** As a reader in {@code readerCountry} reads it: national there, international elsewhere or when null. */
    public String format(String e164, String readerCountry) {
        return e164 == null ? null : PhoneNumbers.format(e164, readerCountry);
    }

    /** In the international format, for a reader anywhere. */
    public String international(String e164) {
        return format(e164, null);
    }
}
