package org.confmail.platform.problem;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** Checks for the codes the API accepts: ISO 3166 alpha-2 countries and BCP 47 language tags. */
public final class Standards {

    /** The longest BCP 47 tag accepted (RFC 5646 recommends room for 35 characters). */
    public static final int MAX_LANGUAGE_TAG_LENGTH = 35;

    /** The message for a name that {@link #hasControlCharacters(String)} refuses. */
    public static final String NO_CONTROL_CHARACTERS =
            "must not contain line breaks, control characters or bidirectional overrides";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private Standards() {
    }

    public static boolean isCountry(String code) {
        return code != null && code.length() == 2 && COUNTRIES.contains(code);
    }

    /** A well-formed BCP 47 tag whose language is a known ISO 639 code, e.g. en, fr-CA, zh-Hant-TW. */
    public static boolean isLanguageTag(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > MAX_LANGUAGE_TAG_LENGTH) {
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

    /**
     * Characters that have no place in a one-line name: control characters (CR, LF, NUL, U+0085 ...), the Unicode
     * line and paragraph separators (U+2028, U+2029), and the bidirectional embeddings, overrides and isolates
     * (U+202A to U+202E, U+2066 to U+2069) that make text display in another order than it reads; and text that is
     * not well-formed Unicode (an unpaired surrogate, which PostgreSQL cannot store).
     */
    public static boolean hasControlCharacters(String text) {
        return text != null && (!isWellFormed(text) || text.chars().anyMatch(Standards::isControl));
    }

    private static boolean isControl(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    /** A value as a message may quote it: at most 60 characters, so that a refused megabyte is not sent back. */
    public static String excerpt(String value) {
        if (value == null || value.length() <= 60) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(59)) ? 59 : 60;
        return value.substring(0, end) + "…";
    }

    /** No unpaired surrogates: the text can be encoded as UTF-8 and read back the same. */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
