package org.confmail.platform;

import java.util.List;
import java.util.Locale;

/**
 * The languages confmail is written in: emails, the portal, the public dial-in page. Adding one means its email
 * templates, its page template, the portal's bundle and faces-config's supported locale
 * ({@code LanguagesTest} checks that they are all there).
 */
public final class Languages {

    /** Primary language subtags; the first is the fallback. */
    public static final List<String> SUPPORTED = List.of("en", "fr");

    private Languages() {
    }

    /** The supported language for a BCP 47 tag (its primary language), or null when there is none. */
    public static String supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag).getLanguage();
        return SUPPORTED.contains(language) ? language : null;
    }

    /** The first of a reader's preferred locales (best first) that is supported, else the fallback. */
    public static String bestFor(Iterable<Locale> preferred) {
        for (Locale locale : preferred) {
            if (SUPPORTED.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return SUPPORTED.get(0);
    }

    /** "en or fr", for messages. */
    public static String listed() {
        return String.join(", ", SUPPORTED.subList(0, SUPPORTED.size() - 1)) + " or " + SUPPORTED.getLast();
    }
}
