package org.confmail.conferencing.boundary;

import io.pebbletemplates.pebble.PebbleEngine;
import org.confmail.platform.Languages;
import org.confmail.platform.PebbleEngines;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.confmail.conferencing.control.PhoneNumbers;
import org.confmail.conferencing.entity.NumberType;
import org.confmail.conferencing.entity.ServiceNumber;

/**
 * The public "Find a local number" page of a bridge, without the servlet around it: which language to answer in,
 * the numbers grouped by country (named and sorted in that language), and the HTML from
 * {@code templates/pages/dial_in_numbers.html}. The engine escapes every value, like the HTML email engine.
 */
public class DialInNumbersPage {

    /** One country's numbers, with the country named in the page's language. */
    public record Country(String code, String name, List<Number> numbers) {
    }

    /** One number as the page shows it: formatted internationally, with a tel: link and its languages named. */
    public record Number(String e164, String formatted, String telLink, boolean tollFree, String city,
            List<String> languages) {
    }

    /** Bridge ids are UUIDs; anything else is answered 404 without a database query. */
    private static final Pattern BRIDGE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final PebbleEngine engine;

    public DialInNumbersPage() {
        engine = PebbleEngines.over("pages", true);
    }

    /**
     * The bridge id in the servlet's path info: {@code /abc} gives {@code abc}; no id, a longer path or an id
     * that cannot be one give null, which the servlet answers with 404.
     */
    public static String bridgeId(String pathInfo) {
        if (pathInfo == null || !pathInfo.startsWith("/")) {
            return null;
        }
        String id = pathInfo.substring(1);
        return BRIDGE_ID.matcher(id).matches() ? id : null;
    }

    /**
     * The page language for the reader's preferred locales, best first (Accept-Language): the first one we have
     * a page in, else English.
     */
    public static String language(List<Locale> preferred) {
        return Languages.bestFor(preferred);
    }

    /**
     * The numbers grouped by country, countries sorted by their name in {@code language}; in a country toll
     * numbers first, then by city (numbers without a city last), then by number.
     */
    public static List<Country> byCountry(List<ServiceNumber> numbers, String language) {
        Locale locale = Locale.forLanguageTag(language);
        Collator collator = Collator.getInstance(locale);
        collator.setStrength(Collator.SECONDARY);
        Comparator<ServiceNumber> inCountry = Comparator
                .comparing((ServiceNumber n) -> n.type() == NumberType.TOLL_FREE)
                .thenComparing(ServiceNumber::city, Comparator.nullsLast(collator::compare))
                .thenComparing(ServiceNumber::e164);
        Map<String, List<ServiceNumber>> byCode = numbers.stream()
                .collect(Collectors.groupingBy(ServiceNumber::country, LinkedHashMap::new, Collectors.toList()));
        return byCode.entrySet().stream()
                .map(e -> new Country(e.getKey(), countryName(e.getKey(), locale),
                        e.getValue().stream().sorted(inCountry).map(n -> number(n, locale)).toList()))
                .sorted(Comparator.comparing(Country::name, collator::compare).thenComparing(Country::code))
                .toList();
    }

    /** The country's name in the page language ("États-Unis"), or its code when Java does not know it. */
    static String countryName(String code, Locale locale) {
        String name = new Locale("", code).getDisplayCountry(locale);
        return name == null || name.isBlank() ? code : name;
    }

    private static Number number(ServiceNumber n, Locale locale) {
        List<String> languages = n.languages().stream()
                .map(tag -> {
                    String name = Locale.forLanguageTag(tag).getDisplayName(locale);
                    return name.isBlank() ? tag : name;
                })
                .toList();
        return new Number(n.e164(), PhoneNumbers.format(n.e164(), null), PhoneNumbers.telLink(n.e164(), null),
                n.type() == NumberType.TOLL_FREE, n.city(), languages);
    }

    /** The page listing the bridge's numbers. */
    public String render(String language, List<ServiceNumber> numbers) {
        return evaluate(language, true, byCountry(numbers, language));
    }

    /** The page for a bridge that does not exist (answered with 404). */
    public String renderNotFound(String language) {
        return evaluate(language, false, List.of());
    }

    private String evaluate(String language, boolean found, List<Country> countries) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", language);
        model.put("found", found);
        model.put("countries", countries);
        try {
            StringWriter out = new StringWriter();
            engine.getTemplate("dial_in_numbers.html").evaluate(out, model, Locale.forLanguageTag(language));
            return out.toString().stripLeading();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
