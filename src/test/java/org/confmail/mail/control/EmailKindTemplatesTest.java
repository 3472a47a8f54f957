package org.confmail.mail.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.confmail.conferencing.control.DialInInfo;
import org.confmail.mail.entity.EmailKind;
import org.confmail.mail.entity.OutboxEmail;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every email kind in every language: what each must say, and what it must never say. */
class EmailKindTemplatesTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String PIN = "98765";
    private static final String URL = "https://confmail.example/dial-in/b1";

    /** The kinds whose email carries a new PIN. */
    private static final Set<EmailKind> WITH_PIN = EnumSet.of(EmailKind.LICENSE_ASSIGNED, EmailKind.PIN_RESET);
    /** The kinds whose email shows the numbers and the conference ID. */
    private static final Set<EmailKind> WITH_NUMBERS = EnumSet.complementOf(EnumSet.of(EmailKind.DIAL_IN_DISABLED));

    private record Parts(String subject, String text, String html) {
    }

    private static DialInInfo info(String displayName) {
        return new DialInInfo("ada@contoso.com", displayName, "Main", "4711234",
                List.of(new DialInInfo.Number("+33155550100", "TOLL", "FR", "Paris", "01 55 55 01 00",
                                "tel:+33155550100,,4711234%23"),
                        new DialInInfo.Number("+18005550199", "TOLL_FREE", "US", null, "+1 800-555-0199",
                                "tel:+18005550199,,4711234%23")),
                URL);
    }

    /** What DialInInfoService gives once the user has no dial-in through us: no numbers, no ID, no bridge. */
    private static DialInInfo disabledInfo(String displayName) {
        return new DialInInfo("ada@contoso.com", displayName, null, null, List.of(), null);
    }

    private static Parts render(EmailKind kind, String language, DialInInfo info, String pin) throws Exception {
        OutboxEmail email = new OutboxEmail(kind, "ada@contoso.com", "ada@contoso.com", info.displayName(),
                "conferencing@contoso.com", "Audio Conferencing", language, null);
        EmailComposer.Composed composed = EmailComposer.compose(SESSION, email, info, pin);
        Multipart parts = (Multipart) composed.message().getContent();
        assertEquals(composed.subject(), composed.message().getSubject());
        return new Parts(composed.subject(), (String) parts.getBodyPart(0).getContent(),
                (String) parts.getBodyPart(1).getContent());
    }

    private static Parts render(EmailKind kind, String language) throws Exception {
        return render(kind, language, info("Ada Lovelace"), WITH_PIN.contains(kind) ? PIN : null);
    }

    static Stream<Arguments> everyKindAndLanguage() {
        return Arrays.stream(EmailKind.values())
                .flatMap(kind -> Stream.of("en", "fr").map(language -> Arguments.of(kind, language)));
    }

    static Stream<Arguments> kindsWithNumbers() {
        return everyKindAndLanguage().filter(a -> WITH_NUMBERS.contains((EmailKind) a.get()[0]));
    }

    static Stream<Arguments> kindsWithPin() {
        return everyKindAndLanguage().filter(a -> WITH_PIN.contains((EmailKind) a.get()[0]));
    }

    static Stream<Arguments> kindsWithoutPin() {
        return everyKindAndLanguage().filter(a -> !WITH_PIN.contains((EmailKind) a.get()[0]));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CONFERENCE_INFO     | en | Your audio conferencing dial-in information
            CONFERENCE_INFO     | fr | Vos informations d’accès à l’audioconférence
            LICENSE_ASSIGNED    | en | Audio conferencing is now set up for you
            LICENSE_ASSIGNED    | fr | L’audioconférence est désormais activée pour vous
            CONFERENCE_ID_RESET | en | Your audio conferencing dial-in information has changed
            CONFERENCE_ID_RESET | fr | Vos informations d’accès à l’audioconférence ont changé
            PIN_RESET           | en | Your audio conferencing PIN was reset
            PIN_RESET           | fr | Votre code PIN d’audioconférence a été réinitialisé
            DIAL_IN_DISABLED    | en | Dial-in audio conferencing is no longer available to you
            DIAL_IN_DISABLED    | fr | L’audioconférence par téléphone n’est plus disponible pour vous
            """)
    void subjectSaysWhatHappened(EmailKind kind, String language, String subject) throws Exception {
        Parts parts = render(kind, language);
        assertEquals(subject, parts.subject());
        assertTrue(parts.html().contains("<html lang=\"" + language + "\">"), parts.html());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsWithNumbers")
    void showsTheNumbersTheConferenceIdAndTheFindALocalNumberLink(EmailKind kind, String language)
            throws Exception {
        Parts parts = render(kind, language);
        assertAll(
                () -> assertTrue(parts.text().contains("4711234#"), parts.text()),
                () -> assertTrue(parts.text().contains("01 55 55 01 00"), parts.text()),
                () -> assertTrue(parts.text().contains("+1 800-555-0199"), parts.text()),
                () -> assertTrue(parts.text().contains(URL), parts.text()),
                () -> assertTrue(parts.html().contains("4711234#"), parts.html()),
                () -> assertTrue(parts.html().contains("href=\"tel:+33155550100,,4711234%23\""), parts.html()),
                () -> assertTrue(parts.html().contains("href=\"tel:+18005550199,,4711234%23\""), parts.html()),
                () -> assertTrue(parts.html().contains("href=\"" + URL + "\""), parts.html()),
                () -> assertTrue(parts.text().contains(language.equals("en") ? "(Paris)" : "payant (Paris)"),
                        parts.text()),
                () -> assertFalse(parts.text().contains("null"), parts.text()),
                () -> assertFalse(parts.html().contains("null"), parts.html()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsWithPin")
    void showsTheNewPinProminentlyWithHowToStartAsLeader(EmailKind kind, String language) throws Exception {
        Parts parts = render(kind, language);
        String star = language.equals("en") ? "Press *, then enter your PIN followed by #"
                : "Appuyez sur *, puis saisissez votre code PIN suivi de #";
        String dontShare = language.equals("en") ? "do not share it" : "ne le communiquez à personne";
        assertAll(
                () -> assertTrue(parts.text().contains(PIN), parts.text()),
                () -> assertTrue(Pattern.compile("monospace[^>]*>" + PIN + "</p>").matcher(parts.html()).find(),
                        parts.html()),
                () -> assertTrue(parts.text().contains(star), parts.text()),
                () -> assertTrue(parts.html().contains(star), parts.html()),
                () -> assertTrue(parts.text().contains(dontShare), parts.text()),
                () -> assertTrue(parts.html().contains(dontShare), parts.html()),
                () -> assertFalse(parts.subject().contains(PIN), parts.subject()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kindsWithoutPin")
    void neverShowsAPinEvenIfOneWerePassed(EmailKind kind, String language) throws Exception {
        Parts parts = render(kind, language, info("Ada Lovelace"), PIN);
        assertAll(
                () -> assertFalse(parts.subject().contains(PIN), parts.subject()),
                () -> assertFalse(parts.text().contains(PIN), parts.text()),
                () -> assertFalse(parts.html().contains(PIN), parts.html()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"CONFERENCE_ID_RESET, en, Update those meetings and send the invitations again",
            "CONFERENCE_ID_RESET, fr, Mettez ces réunions à jour et renvoyez les invitations",
            "DIAL_IN_DISABLED, en, Update those meetings and send the invitations again",
            "DIAL_IN_DISABLED, fr, Mettez ces réunions à jour et renvoyez les invitations"})
    void remindsToUpdateExistingInvitations(EmailKind kind, String language, String reminder) throws Exception {
        Parts parts = render(kind, language);
        assertTrue(parts.text().contains(reminder), parts.text());
        assertTrue(parts.html().contains(reminder), parts.html());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, Dial-in audio conferencing through this service has been turned off for you",
            "fr, L’audioconférence par téléphone fournie par ce service a été désactivée pour vous"})
    void dialInDisabledNeedsNoNumbersNoIdAndNoPin(String language, String statement) throws Exception {
        Parts parts = render(EmailKind.DIAL_IN_DISABLED, language, disabledInfo("Ada Lovelace"), null);
        assertAll(
                () -> assertTrue(parts.text().contains(statement), parts.text()),
                () -> assertTrue(parts.html().contains(statement), parts.html()),
                () -> assertTrue(parts.text().contains("Ada Lovelace"), parts.text()),
                () -> assertFalse(parts.text().contains("null"), parts.text()),
                () -> assertFalse(parts.html().contains("null"), parts.html()),
                () -> assertFalse(parts.html().contains("tel:"), parts.html()));
        // Even when the caller still has the old numbers at hand, the email does not show them.
        Parts withOldInfo = render(EmailKind.DIAL_IN_DISABLED, language, info("Ada Lovelace"), null);
        assertAll(
                () -> assertFalse(withOldInfo.text().contains("4711234"), withOldInfo.text()),
                () -> assertFalse(withOldInfo.text().contains("01 55 55 01 00"), withOldInfo.text()),
                () -> assertFalse(withOldInfo.html().contains("tel:"), withOldInfo.html()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyKindAndLanguage")
    void htmlInADisplayNameIsEscapedInTheHtmlPart(EmailKind kind, String language) throws Exception {
        String name = "<script>alert(1)</script>";
        Parts parts = render(kind, language, info(name), WITH_PIN.contains(kind) ? PIN : null);
        assertFalse(parts.html().contains("<script>"), parts.html());
        assertTrue(parts.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), parts.html());
        assertTrue(parts.text().contains(name), "plain text shows the name as typed");
    }

    @ParameterizedTest(name = "{0} fr")
    @EnumSource(EmailKind.class)
    void frenchUsesTypographicApostrophesAndASpaceBeforeColons(EmailKind kind) throws Exception {
        Parts parts = render(kind, "fr");
        String prose = (parts.subject() + "\n" + parts.text()).replace(URL, "");
        assertFalse(prose.contains("'"), prose);
        assertFalse(Pattern.compile("\\S:").matcher(prose).find(), prose);
        assertTrue(parts.text().startsWith("Bonjour Ada Lovelace,"), parts.text());
    }
}
