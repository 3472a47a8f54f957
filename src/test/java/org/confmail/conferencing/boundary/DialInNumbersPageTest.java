package org.confmail.conferencing.boundary;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.confmail.conferencing.entity.Bridge;
import org.confmail.conferencing.entity.NumberType;
import org.confmail.conferencing.entity.ServiceNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialInNumbersPageTest {

    private static final Bridge BRIDGE = new Bridge("Main", true);
    private static final DialInNumbersPage PAGE = new DialInNumbersPage();

    private static ServiceNumber number(String e164, NumberType type, String country, String city,
            String... languages) {
        return new ServiceNumber(BRIDGE, e164, type, country, city, List.of(languages));
    }

    /** The demo bridge's numbers, in the order BridgeService.numbers gives them (country code, then number). */
    private static final List<ServiceNumber> NUMBERS = List.of(
            number("+15145550100", NumberType.TOLL, "CA", "Montréal", "fr-CA"),
            number("+4930555501000", NumberType.TOLL, "DE", "Berlin", "de-DE"),
            number("+33155550100", NumberType.TOLL, "FR", "Paris", "fr-FR"),
            number("+33805550100", NumberType.TOLL_FREE, "FR", null, "fr-FR"),
            number("+442079460100", NumberType.TOLL, "GB", "London", "en-GB"),
            number("+18005550199", NumberType.TOLL_FREE, "US", null, "en-US"),
            number("+14255550100", NumberType.TOLL, "US", "Seattle", "en-US", "es-US"));

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''              | en",
            "fr-FR           | fr",
            "fr-CA           | fr",
            "fr              | fr",
            "en-GB,fr        | en",
            "de-DE,fr-FR,en  | fr",
            "de-DE,en-US,fr  | en",
            "de-DE,ja        | en"})
    void answersInTheFirstSupportedLanguageElseEnglish(String tags, String expected) {
        List<Locale> locales = tags.isEmpty() ? List.of()
                : Arrays.stream(tags.split(",")).map(Locale::forLanguageTag).toList();
        assertEquals(expected, DialInNumbersPage.language(locales));
    }

    @Test
    void groupsByCountrySortedByTheCountrysNameInThePageLanguage() {
        assertEquals(List.of("Canada", "France", "Germany", "United Kingdom", "United States"),
                DialInNumbersPage.byCountry(NUMBERS, "en").stream().map(DialInNumbersPage.Country::name).toList());
        // "États-Unis" sorts with the E's, not after "Royaume-Uni" as a plain String comparison would put it.
        assertEquals(List.of("Allemagne", "Canada", "États-Unis", "France", "Royaume-Uni"),
                DialInNumbersPage.byCountry(NUMBERS, "fr").stream().map(DialInNumbersPage.Country::name).toList());
    }

    @Test
    void listsTollNumbersFirstFormattedInternationallyWithTheirLanguagesNamed() {
        DialInNumbersPage.Country us = DialInNumbersPage.byCountry(NUMBERS, "en").get(4);
        assertEquals("US", us.code());
        assertEquals(List.of(
                        new DialInNumbersPage.Number("+14255550100", "+1 425-555-0100", "tel:+14255550100", false,
                                "Seattle", List.of("English (United States)", "Spanish (United States)")),
                        new DialInNumbersPage.Number("+18005550199", "+1 800-555-0199", "tel:+18005550199", true,
                                null, List.of("English (United States)"))),
                us.numbers());
        DialInNumbersPage.Country usInFrench = DialInNumbersPage.byCountry(NUMBERS, "fr").get(2);
        assertEquals(List.of("anglais (États-Unis)", "espagnol (États-Unis)"),
                usInFrench.numbers().get(0).languages());
    }

    @Test
    void aCountryJavaDoesNotKnowKeepsItsCode() {
        assertEquals("QZ", DialInNumbersPage.countryName("QZ", Locale.ENGLISH));
    }

    @Test
    void rendersTheEnglishPage() {
        String html = PAGE.render("en", NUMBERS);
        assertAll(
                () -> assertTrue(html.startsWith("<!DOCTYPE html>"), html),
                () -> assertTrue(html.contains("<html lang=\"en\">"), html),
                () -> assertTrue(html.contains("<title>Find a local number</title>"), html),
                () -> assertTrue(html.contains("<h2 id=\"us\">United States</h2>"), html),
                () -> assertTrue(html.contains("<a href=\"tel:+33155550100\">+33 1 55 55 01 00</a>"), html),
                () -> assertTrue(html.contains("<td>Toll-free</td>"), html),
                () -> assertTrue(html.contains("<td>Montréal</td>"), html),
                () -> assertTrue(html.contains("<td>French (France)</td>"), html),
                () -> assertFalse(html.contains("null"), html));
        assertTrue(html.indexOf("Germany") < html.indexOf("United Kingdom"), "countries in name order");
    }

    @Test
    void rendersTheFrenchPage() {
        String html = PAGE.render("fr", NUMBERS);
        assertAll(
                () -> assertTrue(html.contains("<html lang=\"fr\">"), html),
                () -> assertTrue(html.contains("<title>Trouver un numéro local</title>"), html),
                () -> assertTrue(html.contains("<h2 id=\"us\">États-Unis</h2>"), html),
                () -> assertTrue(html.contains("<h2 id=\"de\">Allemagne</h2>"), html),
                () -> assertTrue(html.contains("<td>Gratuit</td>"), html),
                () -> assertTrue(html.contains("<td>Payant</td>"), html),
                () -> assertTrue(html.contains("<td>français (France)</td>"), html),
                () -> assertTrue(html.contains("l’ID de conférence"), html));
    }

    @Test
    void escapesWhatAnAdminTyped() {
        String html = PAGE.render("en",
                List.of(number("+33155550100", NumberType.TOLL, "FR", "<script>alert(1)</script>", "fr-FR")));
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void saysSoWhenTheBridgeHasNoNumbers() {
        assertTrue(PAGE.render("en", List.of()).contains("No dial-in numbers are available yet."));
        assertTrue(PAGE.render("fr", List.of()).contains("Aucun numéro d’appel n’est encore disponible."));
    }

    @Test
    void rendersANotFoundPageInBothLanguages() {
        String en = PAGE.renderNotFound("en");
        assertTrue(en.contains("<title>Page not found</title>"), en);
        assertFalse(en.contains("<table>"), en);
        String fr = PAGE.renderNotFound("fr");
        assertTrue(fr.contains("<title>Page introuvable</title>"), fr);
        assertTrue(fr.contains("<html lang=\"fr\">"), fr);
    }

    @Test
    void takesTheBridgeIdFromThePathInfo() {
        assertEquals("0b7e7a4c-1f2d-4c3b-9a8e-123456789abc",
                DialInNumbersPage.bridgeId("/0b7e7a4c-1f2d-4c3b-9a8e-123456789abc"));
        assertNull(DialInNumbersPage.bridgeId(null));
        assertNull(DialInNumbersPage.bridgeId("/"));
        assertNull(DialInNumbersPage.bridgeId("/abc/def"));
        assertNull(DialInNumbersPage.bridgeId("/abc%27"));
        assertNull(DialInNumbersPage.bridgeId("/" + "a".repeat(65)));
    }
}
