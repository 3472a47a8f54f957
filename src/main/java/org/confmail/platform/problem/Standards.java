package org.confmail.platform.problem;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** Checks for the codes the API accepts: ISO 3166 alpha-2 countries and BCP 47 language tags. */
public final class Standards {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private Standards() {
    }

    public static boolean isCountry(String code) {
        return code != null && code.length() == 2 && COUNTRIES.contains(code);
    }

    /** A well-formed BCP 47 tag whose language is a known ISO 639 code, e.g. en, fr-CA, zh-Hant-TW. */
    public static boolean isLanguageTag(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > 35) {
            return false;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return LANGUAGES.contains(locale.getLanguage());
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    /** The canonical form of a valid tag (fr-ca becomes fr-CA). */
    public static String canonicalLanguageTag(String tag) {
        return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
    }

    public static boolean hasControlCharacters(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }
}
