package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Multipart;
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
 * The batch import of the API ({@code POST /api/v1/user-imports}, CSV): every good line becomes a user exactly as
 * {@code POST /users} makes one (defaults, numbers, LICENSE_ASSIGNED email with a PIN that works), every bad line is
 * reported with its number and the field, and does not stop the others; a file that cannot be read changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserImportIT {

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

    private String upn(String name) {
        return name + "." + scenario.suffix + "@contoso.com";
    }

    @Test
    void goodLinesBecomeUsersAndEachBadLineIsReportedWithItsNumberWithoutStoppingTheOthers() throws Exception {
        String csv = "userPrincipalName,displayName,country,preferredLanguage,audioConferencingLicense,bridgeId\n"
                + upn("ada") + ",Ada Lovelace,US,en-US,true," + scenario.bridgeId + "\n"                 // line 2
                + upn("bad-country") + ",Bad Country,USA,,true," + scenario.bridgeId + "\n"             // line 3
                + "not-an-address,No Address,US,,true," + scenario.bridgeId + "\n"                      // line 4
                + upn("marie") + ",\"Curie, Marie\",FR,fr-FR,true," + scenario.bridgeId + "\n"          // line 5
                + upn("ada") + ",Ada Twice,US,,true," + scenario.bridgeId + "\n"                        // line 6
                + upn("yes") + ",Yes,US,,yes," + scenario.bridgeId + "\n"                               // line 7
                + upn("alan") + ",Alan Turing,GB,,false," + scenario.bridgeId + "\n";                   // line 8
        Api.Reply reply = scenario.api.postCsv("user-imports", csv);
        assertEquals(200, reply.status(), reply.body());
        JsonObject outcome = reply.json();
        assertEquals(7, outcome.getInt("total"), reply.body());
        assertEquals(3, outcome.getInt("created"), reply.body());
        assertEquals(4, outcome.getInt("failed"), reply.body());
        // Line 4's UPN is also the default email address: both fields are named.
        List<String> errors = outcome.getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                .map(e -> e.getInt("line") + " " + (e.isNull("field") ? "-" : e.getString("field"))).toList();
        assertEquals(List.of("3 country", "4 userPrincipalName", "4 email", "6 userPrincipalName",
                "7 audioConferencingLicense"),
                errors, reply.body());

        JsonObject ada = scenario.api.get("users/" + upn("ada")).json();
        assertEquals("Ada Lovelace", ada.getString("displayName"), "the first line with this UPN won");
        assertTrue(ada.getBoolean("hasPin"));
        assertEquals(scenario.usToll, ada.getString("tollNumber"), ada.toString());
        JsonObject marie = scenario.api.get("users/" + upn("marie")).json();
        assertEquals("Curie, Marie", marie.getString("displayName"), "a quoted cell keeps its comma");
        assertEquals(scenario.frToll, marie.getString("tollNumber"), marie.toString());
        assertFalse(scenario.api.get("users/" + upn("alan")).json().getBoolean("audioConferencingLicense"));
        assertEquals(404, scenario.api.get("users/" + upn("bad-country")).status(), "a bad line creates nothing");

        // The licensed users hear about it as from POST /users: one LICENSE_ASSIGNED email with their PIN.
        JsonObject email = scenario.awaitSent(upn("marie"), "LICENSE_ASSIGNED", 1).get(0);
        MimeMessage mail = scenario.receivedFor(email);
        String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        assertTrue(text.contains(marie.getString("conferenceId")), text);
        assertTrue(text.matches("(?s).*\\b\\d{5}\\b.*"), "a 5-digit PIN in: " + text);
        assertEquals(0, scenario.emails(upn("alan"), null).size(), "an unlicensed user gets no email");

        JsonObject audit = scenario.api.get("audit?action=user.import&size=1").json().getJsonArray("items")
                .getJsonObject(0);
        assertEquals("SUCCESS", audit.getString("outcome"), audit.toString());
        assertTrue(audit.getString("detail").contains("3 users created"), audit.toString());
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWholeAndCreatesNobody() {
        String line = upn("quoted") + ",Quoted\n";
        for (String csv : List.of("",                                                   // no header
                "userPrincipalName\n" + upn("nameless") + "\n",                            // displayName missing
                "userPrincipalName,displayName,pin\n" + upn("pin") + ",With Pin,12345\n",  // unknown column
                "userPrincipalName,displayName\n\"" + line)) {                            // unclosed quote
            Api.Reply reply = scenario.api.postCsv("user-imports", csv);
            assertEquals(400, reply.status(), csv + " -> " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
            assertTrue(reply.body().contains("\"file\""), reply.body());
        }
        for (String name : List.of("nameless", "pin", "quoted")) {
            assertEquals(404, scenario.api.get("users/" + upn(name)).status(), name);
        }
    }

    @Test
    void aThousandUsersAreImportedInOneRequest() {
        StringBuilder csv = new StringBuilder("userPrincipalName,displayName,audioConferencingLicense,bridgeId\n");
        for (int i = 0; i < 1000; i++) {
            csv.append(upn("many" + i)).append(",Many ").append(i).append(",").append(i % 2 == 0)
                    .append(",").append(scenario.bridgeId).append("\n");
        }
        long start = System.nanoTime();
        Api.Reply reply = scenario.api.postCsv("user-imports", csv.toString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, reply.status(), reply.body());
        assertEquals(1000, reply.json().getInt("created"), reply.body());
        assertTrue(scenario.api.get("users/" + upn("many998")).json().getBoolean("audioConferencingLicense"));
        assertFalse(scenario.api.get("users/" + upn("many999")).json().getBoolean("audioConferencingLicense"));
        System.out.println("[UserImportIT] 1000 users imported in " + ms + " ms");
    }
}
