package org.confmail.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confmail.mail.entity.EmailKind;
import org.junit.jupiter.api.Test;

/** Every place that must speak a language does, for each of {@link Languages#SUPPORTED} and no other. */
class LanguagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void everyLanguageHasEveryEmailTemplate() throws IOException {
        try (var folders = Files.list(RESOURCES.resolve("templates/email"))) {
            assertEquals(new TreeSet<>(Languages.SUPPORTED), new TreeSet<>(folders.filter(Files::isDirectory)
                    .map(f -> f.getFileName().toString()).toList()), "templates/email/<language>/");
        }
        for (String language : Languages.SUPPORTED) {
            for (EmailKind kind : EmailKind.values()) {
                for (String part : List.of("subject", "txt", "html")) {
                    Path template = RESOURCES.resolve("templates/email/" + language + "/"
                            + kind.name().toLowerCase(Locale.ROOT) + "." + part);
                    assertTrue(Files.exists(template), template.toString());
                }
            }
        }
    }

    @Test
    void thePortalAndItsFacesConfigSpeakThem() throws IOException {
        String facesConfig = Files.readString(Path.of("src/main/webapp/WEB-INF/faces-config.xml"));
        TreeSet<String> locales = new TreeSet<>();
        Matcher m = Pattern.compile("<(?:default|supported)-locale>([a-z]+)</").matcher(facesConfig);
        while (m.find()) {
            locales.add(m.group(1));
        }
        assertEquals(new TreeSet<>(Languages.SUPPORTED), locales, "faces-config.xml locale-config");
        assertTrue(facesConfig.contains("<default-locale>" + Languages.SUPPORTED.getFirst() + "</default-locale>"));
        for (String language : Languages.SUPPORTED.subList(1, Languages.SUPPORTED.size())) {
            assertTrue(Files.exists(RESOURCES.resolve("org/confmail/portal/messages_" + language + ".properties")),
                    "portal bundle for " + language);
        }
    }

    @Test
    void theDialInPageIsWrittenInThem() throws IOException {
        String page = Files.readString(RESOURCES.resolve("templates/pages/dial_in_numbers.html"));
        for (String language : Languages.SUPPORTED.subList(1, Languages.SUPPORTED.size())) {
            assertTrue(page.contains("lang == \"" + language + "\""), "dial_in_numbers.html has no " + language);
        }
    }

    @Test
    void tagsMapToTheirPrimaryLanguage() {
        assertEquals("fr", Languages.supported("fr-CA"));
        assertEquals("en", Languages.supported("en-US"));
        assertEquals(null, Languages.supported("de-DE"));
        assertEquals(null, Languages.supported(" "));
        assertEquals("fr", Languages.bestFor(List.of(Locale.GERMAN, Locale.CANADA_FRENCH, Locale.ENGLISH)));
        assertEquals("en", Languages.bestFor(List.of(Locale.GERMAN)));
        assertNotNull(Languages.listed());
        assertEquals("en or fr", Languages.listed());
    }
}
