package org.confmail.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.confmail.conferencing.control.DialInInfo;
import org.confmail.mail.entity.EmailKind;
import org.confmail.mail.entity.OutboxEmail;
import org.junit.jupiter.api.Test;

class EmailComposerTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    private static DialInInfo info(String displayName) {
        return new DialInInfo("ada@contoso.com", displayName, "Main", "4711234",
                List.of(new DialInInfo.Number("+33155550100", "TOLL", "FR", "Paris", "01 55 55 01 00",
                                "tel:+33155550100,,4711234%23"),
                        new DialInInfo.Number("+18005550199", "TOLL_FREE", "US", null, "+1 800-555-0199",
                                "tel:+18005550199,,4711234%23")),
                "https://confmail.example/dial-in/b1");
    }

    private static OutboxEmail email(String language, String toName) {
        return new OutboxEmail(EmailKind.CONFERENCE_INFO, "ada@contoso.com", "ada@contoso.com", toName,
                "conferencing@contoso.com", "Audio Conferencing", language, null);
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void composesMultipartAlternativeWithTextThenHtml() throws Exception {
        EmailComposer.Composed composed = EmailComposer.compose(SESSION, email("en", "Ada Lovelace"),
                info("Ada Lovelace"), null);
        MimeMessage message = composed.message();
        assertTrue(message.getContentType().startsWith("multipart/alternative"));
        Multipart parts = (Multipart) message.getContent();
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        String text = (String) parts.getBodyPart(0).getContent();
        assertTrue(text.contains("4711234#"), text);
        assertTrue(text.contains("01 55 55 01 00"), text);
        assertTrue(text.contains("+1 800-555-0199"), text);
        assertEquals("Your audio conferencing dial-in information", composed.subject());
    }


    @Test
    void messageIdComesFromTheOutboxRowSoAResendKeepsIt() throws Exception {
        OutboxEmail email = email("en", "Ada");
        EmailComposer.Composed first = EmailComposer.compose(SESSION, email, info("Ada"), null);
        EmailComposer.Composed again = EmailComposer.compose(SESSION, email, info("Ada"), null);
        assertEquals("<" + email.id() + "@contoso.com>", first.message().getMessageID());
        assertEquals(first.messageId(), again.message().getMessageID());
    }

    @Test
    void sendsFrenchEmailToFrenchReader() throws Exception {
        EmailComposer.Composed composed = EmailComposer.compose(SESSION, email("fr", "Ada"), info("Ada"), null);
        assertEquals("Vos informations d’accès à l’audioconférence", composed.subject());
        String text = (String) ((Multipart) composed.message().getContent()).getBodyPart(0).getContent();
        assertTrue(text.contains("ID de conférence : 4711234#"), text);
        assertEquals("fr", composed.message().getHeader("Content-Language")[0]);
    }

    @Test
    void accentedAndCjkNamesAreEncodedPerRfc2047() throws Exception {
        EmailComposer.Composed composed = EmailComposer.compose(SESSION, email("en", "Zoë 山田"), info("Zoë 山田"), null);
        String raw = raw(composed.message());
        String to = raw.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow();
        assertTrue(to.contains("=?UTF-8?"), to);
        assertTrue(to.contains("<ada@contoso.com>"), to);
        jakarta.mail.internet.InternetAddress decoded = (jakarta.mail.internet.InternetAddress)
                composed.message().getRecipients(jakarta.mail.Message.RecipientType.TO)[0];
        assertEquals("Zoë 山田", decoded.getPersonal());
    }

    @Test
    void lineBreaksInANameCannotInjectHeaders() throws Exception {
        EmailComposer.Composed composed = EmailComposer.compose(SESSION, email("en", "Eve\r\nBcc: victim@evil.test"),
                info("Eve"), null);
        String raw = raw(composed.message());
        assertFalse(raw.lines().anyMatch(l -> l.startsWith("Bcc:")), raw);
        assertEquals(1, composed.message().getAllRecipients().length);
    }

    @Test
    void htmlInADisplayNameIsEscapedInTheHtmlPart() throws Exception {
        String name = "<script>alert(1)</script>";
        EmailComposer.Composed composed = EmailComposer.compose(SESSION, email("en", name), info(name), null);
        Multipart parts = (Multipart) composed.message().getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        String text = (String) parts.getBodyPart(0).getContent();
        assertTrue(text.contains("Hello <script>alert(1)</script>,"), "plain text shows the name as typed");
    }

    @Test
    void tollFreeNumberAndFindLocalNumberLinkAppearInHtml() throws Exception {
        EmailComposer.Composed composed = EmailComposer.compose(SESSION, email("en", "Ada"), info("Ada"), null);
        String html = (String) ((Multipart) composed.message().getContent()).getBodyPart(1).getContent();
        assertTrue(html.contains("href=\"tel:+18005550199,,4711234%23\""), html);
        assertTrue(html.contains("Toll-free"), html);
        assertTrue(html.contains("https://confmail.example/dial-in/b1"), html);
    }
}
