package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.confmail.it.support.PostgresDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The foundation end to end on Payara Micro: API, service, JPA, JMS queue, message-driven bean, Jakarta Mail and a
 * real SMTP server (GreenMail) that the test reads.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConferenceInfoEmailIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.perClass();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void sendsOneMultipartEmailWithConferenceIdAndTollNumberThenReportsSent() throws Exception {
        Api api = new Api(base);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String tollNumber = "+1425555" + String.format("%04d", Math.abs(suffix.hashCode()) % 10_000);

        Api.Reply bridge = api.post("bridges", "{\"name\": \"Bridge " + suffix + "\"}");
        assertEquals(201, bridge.status(), bridge.body());
        String bridgeId = bridge.json().getString("id");
        Api.Reply number = api.post("bridges/" + bridgeId + "/service-numbers", "{\"number\": \"" + tollNumber
                + "\", \"type\": \"TOLL\", \"country\": \"US\", \"city\": \"Seattle\", \"languages\": [\"en-US\"]}");
        assertEquals(201, number.status(), number.body());

        String upn = "grace." + suffix + "@contoso.com";
        Api.Reply user = api.post("users", "{\"userPrincipalName\": \"" + upn + "\", \"displayName\": \"Grace Hopper\","
                + " \"country\": \"US\", \"bridgeId\": \"" + bridgeId + "\"}");
        assertEquals(201, user.status(), user.body());
        String conferenceId = user.json().getString("conferenceId");
        assertEquals(tollNumber, user.json().getString("tollNumber"));

        Api.Reply accepted = api.post("users/" + upn + "/conference-info-email", null);
        assertEquals(202, accepted.status(), accepted.body());
        String emailId = accepted.json().getString("emailId");
        assertEquals("QUEUED", accepted.json().getString("status"));
        assertTrue(accepted.location().endsWith("/api/v1/emails/" + emailId), accepted.location());

        assertTrue(Api.eventually(Duration.ofSeconds(30),
                () -> "SENT".equals(api.get("emails/" + emailId).json().getString("status"))),
                () -> "email never reached SENT: " + api.get("emails/" + emailId).body());

        String messageId = api.get("emails/" + emailId).json().getString("messageId");
        MimeMessage mail = null;
        int copies = 0;
        for (MimeMessage m : SMTP.getReceivedMessagesForDomain("contoso.com")) {
            if (messageId.equals(m.getMessageID())) {
                copies++;
                mail = m;
            }
        }
        assertEquals(1, copies, "exactly one copy of the conference info email");
        assertNotNull(mail);
        assertTrue(mail.getContentType().startsWith("multipart/alternative"), mail.getContentType());
        Multipart parts = (Multipart) mail.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        String body = GreenMailUtil.getBody(mail);
        assertTrue(body.contains(conferenceId), "conference ID in the email");
        // Shown in the US national format to a US reader: +1 425-555-0123 becomes (425) 555-0123.
        String national = "(425) 555-" + tollNumber.substring(8);
        assertTrue(body.contains(national), "toll number " + national + " in the email");
        assertTrue(body.contains("tel:" + tollNumber + ",," + conferenceId), "one-tap link with the ID");
        assertEquals("Grace Hopper <" + upn + ">", mail.getHeader("To")[0]);

        JsonObject email = api.get("emails/" + emailId).json();
        assertEquals("SENT", email.getString("status"));
        assertEquals(1, email.getInt("attempts"));
        assertEquals(mail.getMessageID(), email.getString("messageId"));
        assertFalse(email.getString("sentAt").isEmpty());
    }

    /**
     * The admin's first step, finding the user: by any part of the UPN, the display name or the conference ID, in any
     * case, and never by a term that runs from one of them into the next (the search reads one column that joins
     * the three; this runs on H2 and on PostgreSQL, whose migrations make that column each in its own syntax).
     */
    @Test
    void theUsersSearchFindsAUserByAnyPartOfUpnNameOrConferenceIdInAnyCase() {
        Api api = new Api(base);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String upn = "finder." + suffix + "@contoso.com";
        String name = "Ada Lovelace " + suffix;
        Api.Reply created = api.post("users", "{\"userPrincipalName\": \"" + upn + "\", \"displayName\": \"" + name
                + "\"}");
        assertEquals(201, created.status(), created.body());
        String conferenceId = created.json().getString("conferenceId");

        for (String term : List.of("FINDER." + suffix.toUpperCase(Locale.ROOT), "lovelace " + suffix,
                "  Ada LOVELACE " + suffix + "  ", conferenceId, suffix + "@contoso")) {
            JsonObject found = api.get("users?size=5&search=" + encode(term)).json();
            assertTrue(found.getJsonArray("items").stream().anyMatch(u -> u.asJsonObject()
                    .getString("userPrincipalName").equals(upn)), term + " finds " + upn + ": " + found);
        }
        assertEquals(1, api.get("users?search=" + encode("lovelace " + suffix)).json().getInt("total"));
        if ("postgresql".equals(System.getProperty("confmail.it.database"))) {
            assertTrue(postgresIndexes().contains("ix_user_search_text_trgm"), "a trigram index serves the search on"
                    + " PostgreSQL: " + postgresIndexes());
        }
        for (String across : List.of("contoso.com\nada lovelace " + suffix, "contoso.comada lovelace "
                + suffix, suffix + "\n" + conferenceId, suffix + conferenceId)) {
            Api.Reply reply = api.get("users?search=" + encode(across));
            assertEquals(200, reply.status(), reply.body());
            assertEquals(0, reply.json().getInt("total"), "no user has " + across.replace("\n", "\\n"));
        }
    }

    /** The indexes of the users table in the PostgreSQL database the server of this run uses. */
    private static Set<String> postgresIndexes() {
        return PostgresDatabase.ofThisRun().pairs("SELECT indexname, tablename FROM pg_indexes"
                + " WHERE tablename = 'conferencing_user'").keySet();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void unknownUserIsNotFoundAsProblemJson() {
        Api.Reply reply = new Api(base).post("users/nobody-" + UUID.randomUUID() + "@contoso.com/conference-info-email", null);
        assertEquals(404, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(404, reply.json().getInt("status"));
    }

    @Test
    void malformedJsonAndInvalidFieldsAreRejectedAndNothingIsStored() {
        Api api = new Api(base);
        String upn = "bad." + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";

        Api.Reply malformed = api.post("users", "{\"userPrincipalName\": \"" + upn + "\", ");
        assertEquals(400, malformed.status());
        assertTrue(malformed.contentType().startsWith("application/problem+json"));

        Api.Reply invalid = api.post("users", "{\"userPrincipalName\": \"" + upn + "\", \"displayName\": \"Eve\\r\\nBcc: x@evil.test\","
                + " \"country\": \"XX\", \"preferredLanguage\": \"not a tag\"}");
        assertEquals(400, invalid.status(), invalid.body());
        assertTrue(invalid.contentType().startsWith("application/problem+json"));
        String fields = invalid.json().getJsonArray("errors").toString();
        assertTrue(fields.contains("displayName") && fields.contains("country") && fields.contains("preferredLanguage"),
                fields);

        assertEquals(404, api.get("users/" + upn).status(), "nothing was stored");
    }

    @Test
    void callsWithoutCredentialsAreUnauthorized() {
        Api.Reply reply = new Api(base).anonymous().get("users");
        assertEquals(401, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        Api.Reply wrong = new Api(base, "admin", "not-the-password").get("users");
        assertEquals(401, wrong.status());
    }
}
