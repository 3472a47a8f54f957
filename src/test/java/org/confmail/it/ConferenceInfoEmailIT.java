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
import java.time.Duration;
import java.util.UUID;
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
