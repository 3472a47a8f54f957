package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each change a user must hear about sends exactly one email of the right kind, language and content; changes
 * that change nothing send none; the tenant switch turns them off; the sender override changes From.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AutomaticEmailsIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.perClass();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    Scenario scenario;

    @BeforeEach
    void bridge() {
        scenario = new Scenario(new Api(base), SMTP).withBridge();
    }

    static String text(MimeMessage message) throws Exception {
        return (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
    }

    static String html(MimeMessage message) throws Exception {
        return (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
    }

    @Test
    void assigningTheLicenseOnCreationSendsOneEmailWithNumbersIdAndANewPin() throws Exception {
        JsonObject user = scenario.createUser("ada", "\"country\": \"US\"");
        String upn = user.getString("userPrincipalName");
        assertTrue(user.getBoolean("hasPin"));
        assertFalse(user.containsKey("pin"), "the API never shows a PIN outside the reset answer");

        JsonObject email = scenario.awaitSent(upn, "LICENSE_ASSIGNED", 1).get(0);
        assertEquals(1, scenario.emails(upn, null).size(), "nothing else was sent");
        MimeMessage mail = scenario.receivedFor(email);
        assertEquals("Audio conferencing is now set up for you", mail.getSubject());
        String text = text(mail);
        assertTrue(text.contains(user.getString("conferenceId")), text);
        assertTrue(text.contains("(425) 555-" + scenario.usToll.substring(8)), text);
        assertTrue(text.matches("(?s).*\\b\\d{5}\\b.*"), "a 5-digit PIN in: " + text);
        assertFalse(email.toString().matches(".*\"pin\".*"), "the outbox row shows no PIN: " + email);
    }

    @Test
    void aFrenchUserGetsFrenchEmailsWithFrenchNumberFormats() throws Exception {
        JsonObject user = scenario.createUser("marie", "\"country\": \"FR\", \"preferredLanguage\": \"fr-FR\"");
        JsonObject email = scenario.awaitSent(user.getString("userPrincipalName"), "LICENSE_ASSIGNED", 1).get(0);
        MimeMessage mail = scenario.receivedFor(email);
        assertEquals("L’audioconférence est désormais activée pour vous", mail.getSubject());
        assertEquals("fr", mail.getHeader("Content-Language")[0]);
        String text = text(mail);
        assertTrue(text.contains("01 55 55 " + scenario.frToll.substring(8, 10) + " " + scenario.frToll.substring(10)),
                text);
        assertTrue(text.contains("0 805 55 " + scenario.frTollFree.substring(8, 10)), text);
    }

    @Test
    void resettingThePinAnswersItOnceAndEmailsItOnce() throws Exception {
        String upn = scenario.createUser("pin", null).getString("userPrincipalName");
        scenario.awaitSent(upn, "LICENSE_ASSIGNED", 1);

        Api.Reply reset = scenario.api.post("users/" + upn + "/pin-reset", null);
        assertEquals(200, reset.status(), reset.body());
        String pin = reset.json().getString("pin");
        assertTrue(pin.matches("\\d{5}"), pin);
        JsonObject email = scenario.awaitSent(upn, "PIN_RESET", 1).get(0);
        assertEquals(reset.json().getString("emailId"), email.getString("id"));

        MimeMessage mail = scenario.receivedFor(email);
        assertEquals("Your audio conferencing PIN was reset", mail.getSubject());
        assertTrue(text(mail).contains(pin));
        assertTrue(html(mail).contains(pin));
        assertFalse(scenario.api.get("users/" + upn).body().contains(pin), "not in the user");
        assertFalse(scenario.api.get("emails/" + email.getString("id")).body().contains(pin), "not in the email row");
        assertFalse(scenario.api.get("emails?user=" + upn).body().contains(pin), "not in the history");
    }

    @Test
    void resettingTheConferenceIdSendsTheNewIdOnce() throws Exception {
        JsonObject user = scenario.createUser("cid", null);
        String upn = user.getString("userPrincipalName");
        scenario.awaitSent(upn, "LICENSE_ASSIGNED", 1);

        Api.Reply reset = scenario.api.post("users/" + upn + "/conference-id-reset", null);
        assertEquals(200, reset.status(), reset.body());
        String newId = reset.json().getString("conferenceId");
        assertFalse(newId.equals(user.getString("conferenceId")));
        JsonObject email = scenario.awaitSent(upn, "CONFERENCE_ID_RESET", 1).get(0);
        MimeMessage mail = scenario.receivedFor(email);
        assertEquals("Your audio conferencing dial-in information has changed", mail.getSubject());
        assertTrue(text(mail).contains(newId));
        assertFalse(text(mail).contains(user.getString("conferenceId")), "the old ID is gone");
    }

    @Test
    void choosingAStaticIdOrAnotherDefaultNumberSendsOneConferenceIdResetEach() {
        String upn = scenario.createUser("static", "\"country\": \"US\"").getString("userPrincipalName");
        scenario.awaitSent(upn, "LICENSE_ASSIGNED", 1);
        String chosen = String.valueOf(80_000_000 + Math.abs(scenario.suffix.hashCode()) % 9_999_999);

        Api.Reply patched = scenario.api.patch("users/" + upn, "{\"conferenceId\": \"" + chosen + "\"}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals(chosen, patched.json().getString("conferenceId"));
        scenario.awaitSent(upn, "CONFERENCE_ID_RESET", 1);

        Api.Reply number = scenario.api.patch("users/" + upn, "{\"tollNumber\": \"" + scenario.frToll + "\"}");
        assertEquals(200, number.status(), number.body());
        scenario.awaitSent(upn, "CONFERENCE_ID_RESET", 2);

        // The same ID taken by another user is refused and changes nothing.
        String other = scenario.createUser("other", null).getString("userPrincipalName");
        Api.Reply taken = scenario.api.patch("users/" + other, "{\"conferenceId\": \"" + chosen + "\"}");
        assertEquals(409, taken.status(), taken.body());
        assertTrue(taken.contentType().startsWith("application/problem+json"));
        assertFalse(scenario.api.get("users/" + other).json().getString("conferenceId").equals(chosen));
    }

    @Test
    void removingTheLicenseOrChangingProviderDisablesDialInAndComingBackAssignsIt() throws Exception {
        String upn = scenario.createUser("moves", null).getString("userPrincipalName");
        scenario.awaitSent(upn, "LICENSE_ASSIGNED", 1);

        assertEquals(200, scenario.api.patch("users/" + upn, "{\"audioConferencingLicense\": false}").status());
        JsonObject disabled = scenario.awaitSent(upn, "DIAL_IN_DISABLED", 1).get(0);
        MimeMessage mail = scenario.receivedFor(disabled);
        assertEquals("Dial-in audio conferencing is no longer available to you", mail.getSubject());
        assertFalse(text(mail).matches("(?s).*\\b\\d{5}\\b.*"), "no PIN in a dial-in-disabled email");

        assertEquals(200, scenario.api.patch("users/" + upn, "{\"audioConferencingLicense\": true}").status());
        scenario.awaitSent(upn, "LICENSE_ASSIGNED", 2);

        Api.Reply thirdParty = scenario.api.patch("users/" + upn,
                "{\"provider\": \"THIRD_PARTY\", \"thirdPartyProviderName\": \"Other Conferencing Inc.\"}");
        assertEquals(200, thirdParty.status(), thirdParty.body());
        scenario.awaitSent(upn, "DIAL_IN_DISABLED", 2);

        assertEquals(200, scenario.api.patch("users/" + upn, "{\"provider\": \"NONE\"}").status());
        assertEquals(200, scenario.api.patch("users/" + upn, "{\"provider\": \"SELF_HOSTED\"}").status());
        scenario.awaitSent(upn, "LICENSE_ASSIGNED", 3);
        assertEquals(2, scenario.emails(upn, "DIAL_IN_DISABLED").size(), "THIRD_PARTY to NONE sends nothing");
    }

    @Test
    void aChangeThatChangesNothingSendsNothing() {
        JsonObject user = scenario.createUser("same", null);
        String upn = user.getString("userPrincipalName");
        scenario.awaitSent(upn, "LICENSE_ASSIGNED", 1);
        Api.Reply patched = scenario.api.patch("users/" + upn, "{\"conferenceId\": \"" + user.getString("conferenceId")
                + "\", \"audioConferencingLicense\": true, \"displayName\": \"Same Person\"}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals(1, scenario.emailCountAfterAWhile(upn));
    }

    @Test
    void withAutomaticEmailsOffNoChangeSendsAnythingButTheAdminStillGetsThePin() {
        try {
            assertEquals(200, scenario.api.patch("tenant/dial-in-settings",
                    "{\"automaticallySendEmailsToUsers\": false}").status());
            String upn = scenario.createUser("quiet", null).getString("userPrincipalName");
            Api.Reply reset = scenario.api.post("users/" + upn + "/pin-reset", null);
            assertEquals(200, reset.status());
            assertTrue(reset.json().getString("pin").matches("\\d{5}"));
            assertTrue(reset.json().isNull("emailId"));
            scenario.api.post("users/" + upn + "/conference-id-reset", null);
            scenario.api.patch("users/" + upn, "{\"audioConferencingLicense\": false}");
            assertEquals(0, scenario.emailCountAfterAWhile(upn));
        } finally {
            scenario.api.patch("tenant/dial-in-settings", "{\"automaticallySendEmailsToUsers\": true}");
        }
    }

    @Test
    void theSenderOverrideNeedsAVerifiedDomainAndThenChangesFrom() throws Exception {
        Api api = scenario.api;
        Api.Reply unverified = api.patch("tenant/dial-in-settings", "{\"sendEmailFromOverride\": true,"
                + " \"sendEmailFromAddress\": \"meetings@fabrikam.example\", \"sendEmailFromDisplayName\": \"Fabrikam\"}");
        assertEquals(400, unverified.status(), unverified.body());
        assertTrue(unverified.body().contains("verifiedDomains"), unverified.body());
        Api.Reply noName = api.patch("tenant/dial-in-settings", "{\"sendEmailFromOverride\": true,"
                + " \"sendEmailFromAddress\": \"meetings@contoso.com\", \"verifiedDomains\": [\"contoso.com\"]}");
        assertEquals(400, noName.status(), noName.body());
        assertFalse(api.get("tenant/dial-in-settings").json().getBoolean("sendEmailFromOverride"), "nothing changed");
        try {
            Api.Reply on = api.patch("tenant/dial-in-settings", "{\"sendEmailFromOverride\": true,"
                    + " \"sendEmailFromAddress\": \"meetings@contoso.com\", \"sendEmailFromDisplayName\": \"Contoso Méetings\","
                    + " \"verifiedDomains\": [\"contoso.com\"]}");
            assertEquals(200, on.status(), on.body());
            String upn = scenario.createUser("sender", null).getString("userPrincipalName");
            MimeMessage mail = scenario.receivedFor(scenario.awaitSent(upn, "LICENSE_ASSIGNED", 1).get(0));
            InternetAddress from = (InternetAddress) mail.getFrom()[0];
            assertEquals("meetings@contoso.com", from.getAddress());
            assertEquals("Contoso Méetings", from.getPersonal());
        } finally {
            api.patch("tenant/dial-in-settings", "{\"sendEmailFromOverride\": false}");
        }
        String upn = scenario.createUser("default", null).getString("userPrincipalName");
        MimeMessage mail = scenario.receivedFor(scenario.awaitSent(upn, "LICENSE_ASSIGNED", 1).get(0));
        assertEquals("conferencing@confmail.test", ((InternetAddress) mail.getFrom()[0]).getAddress());
    }

    @Test
    void conferenceInfoNeverCarriesThePinAndCanGoToAnotherAddress() throws Exception {
        String upn = scenario.createUser("info", null).getString("userPrincipalName");
        scenario.awaitSent(upn, "LICENSE_ASSIGNED", 1);
        String pin = scenario.api.post("users/" + upn + "/pin-reset", null).json().getString("pin");
        scenario.awaitSent(upn, "PIN_RESET", 1);
        String assistant = "assistant." + scenario.suffix + "@contoso.com";
        Api.Reply sent = scenario.api.post("users/" + upn + "/conference-info-email",
                "{\"toAddress\": \"" + assistant + "\"}");
        assertEquals(202, sent.status(), sent.body());
        JsonObject email = scenario.awaitSent(upn, "CONFERENCE_INFO", 1).get(0);
        assertEquals(assistant, email.getString("toAddress"));
        MimeMessage mail = scenario.receivedFor(email);
        assertEquals(assistant, ((InternetAddress) mail.getAllRecipients()[0]).getAddress());
        assertFalse(text(mail).contains(pin));
        assertFalse(html(mail).contains(pin));
    }

    @Test
    void meetingsGetAFreshUniqueIdWithDynamicIdsAndTheStaticOneOtherwise() {
        JsonObject user = scenario.createUser("meet", "\"country\": \"FR\"");
        String upn = user.getString("userPrincipalName");
        Api.Reply fixed = scenario.api.post("users/" + upn + "/meetings", "{\"subject\": \"Weekly\"}");
        assertEquals(201, fixed.status(), fixed.body());
        assertEquals(user.getString("conferenceId"), fixed.json().getString("conferenceId"));
        assertTrue(fixed.json().getJsonArray("dialInNumbers").toString().contains(scenario.frToll));
        try {
            assertEquals(200, scenario.api.patch("tenant/dial-in-settings", "{\"useUniqueConferenceIds\": true}").status());
            String first = scenario.api.post("users/" + upn + "/meetings",
                    "{\"subject\": \"Kick-off\", \"startsAt\": \"2026-12-01T09:00:00Z\"}").json().getString("conferenceId");
            String second = scenario.api.post("users/" + upn + "/meetings", null).json().getString("conferenceId");
            assertFalse(first.equals(second));
            assertFalse(first.equals(user.getString("conferenceId")));
            assertEquals(400, scenario.api.post("users/" + upn + "/meetings", "{\"startsAt\": \"tomorrow\"}").status());
        } finally {
            scenario.api.patch("tenant/dial-in-settings", "{\"useUniqueConferenceIds\": false}");
        }
    }

    @Test
    void bulkSendReachesEveryListedUserOnce() {
        String a = scenario.createUser("bulka", null).getString("userPrincipalName");
        String b = scenario.createUser("bulkb", null).getString("userPrincipalName");
        Api.Reply started = scenario.api.post("bulk/conference-info-emails",
                "{\"userPrincipalNames\": [\"" + a + "\", \"" + b + "\", \"" + a + "\"]}");
        assertEquals(202, started.status(), started.body());
        String jobId = started.json().getString("jobId");
        assertEquals(2, started.json().getInt("total"));
        assertTrue(Api.eventually(java.time.Duration.ofSeconds(30),
                () -> scenario.api.get("bulk/" + jobId).json().getBoolean("done")));
        JsonObject progress = scenario.api.get("bulk/" + jobId).json();
        assertEquals(2, progress.getInt("sent"));
        assertEquals(0, progress.getInt("failed"));
        scenario.awaitSent(a, "CONFERENCE_INFO", 1);
        scenario.awaitSent(b, "CONFERENCE_INFO", 1);

        Api.Reply unknown = scenario.api.post("bulk/conference-info-emails",
                "{\"userPrincipalNames\": [\"nobody." + scenario.suffix + "@contoso.com\"]}");
        assertEquals(400, unknown.status());
        Api.Reply neither = scenario.api.post("bulk/conference-info-emails", "{}");
        assertEquals(400, neither.status());
    }

    @Test
    void badInputIsRejectedWithProblemJsonAndChangesNothing() {
        JsonObject user = scenario.createUser("strict", null);
        String upn = user.getString("userPrincipalName");
        List<String> badPatches = List.of(
                "{\"displayName\": \"Mallory\\r\\nBcc: victim@evil.test\"}",
                "{\"email\": \"not-an-address\"}",
                "{\"email\": \"a@b.com\\r\\nBcc: c@d.com\"}",
                "{\"country\": \"XX\"}",
                "{\"preferredLanguage\": \"english please\"}",
                "{\"tollNumber\": \"+99912345678\"}",
                "{\"tollNumber\": \"" + scenario.frTollFree + "\"}",
                "{\"conferenceId\": \"0123456\"}",
                "{\"conferenceId\": \"12ab567\"}",
                "{\"audioConferencingLicense\": \"maybe\"}",
                "{\"provider\": \"THIRD_PARTY\"}",
                "{\"userPrincipalName\": \"someone.else@contoso.com\"}",
                "{\"favouriteColour\": \"blue\"}",
                "[1, 2]",
                "{\"displayName\": ");
        for (String patch : badPatches) {
            Api.Reply reply = scenario.api.patch("users/" + upn, patch);
            assertEquals(400, reply.status(), patch + " -> " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), patch);
        }
        JsonObject after = scenario.api.get("users/" + upn).json();
        assertEquals(user.getString("displayName"), after.getString("displayName"));
        assertEquals(user.getString("conferenceId"), after.getString("conferenceId"));
        assertEquals(user.getString("tollNumber"), after.getString("tollNumber"));

        assertEquals(400, scenario.api.post("bridges/" + scenario.bridgeId + "/service-numbers",
                "{\"number\": \"0033155550100\", \"type\": \"TOLL\", \"country\": \"FR\"}").status());
        assertEquals(400, scenario.api.post("bridges/" + scenario.bridgeId + "/service-numbers",
                "{\"number\": \"+33155550111\", \"type\": \"CHEAP\", \"country\": \"France\"}").status());
        assertEquals(400, scenario.api.patch("tenant/dial-in-settings", "{\"pinLength\": 3}").status());
        assertEquals(400, scenario.api.patch("tenant/dial-in-settings", "{\"conferenceIdLength\": 11}").status());
        assertEquals(400, scenario.api.patch("tenant/dial-in-settings", "{\"defaultLanguage\": \"de\"}").status());
        assertEquals(400, scenario.api.patch("tenant/dial-in-settings",
                "{\"sendEmailFromDisplayName\": \"A\\nB\"}").status());
        assertEquals(404, scenario.api.patch("users/nobody." + scenario.suffix + "@contoso.com", "{}").status());
        assertEquals(200, scenario.api.patch("tenant/dial-in-settings", "{}").status(), "an empty patch is fine");
    }
}
