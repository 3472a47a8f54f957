package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an orchestrator and an operator see: readiness decided by the database, and broker and SMTP reachability as
 * checks of their own that never make confmail unready (no SMTP server listens here between the GreenMail tests). An
 * anonymous probe learns UP or DOWN and nothing else; the details, /metrics and /openapi need an account.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void readinessReportsDatabaseAndBrokerUpToAnAccount() {
        Api.Reply ready = new Api(base).getText("../../health/ready");
        assertEquals(200, ready.status(), ready.body());
        String body = ready.body().replace(" ", "");
        assertTrue(body.contains("\"name\":\"database\",\"status\":\"UP\""), body);
        assertTrue(body.contains("\"name\":\"broker\",\"status\":\"UP\""), body);
        JsonObject broker = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("broker")).findFirst().orElseThrow();
        // true or "true": how Payara writes a check's data values is its own affair.
        assertTrue(String.valueOf(broker.getJsonObject("data").get("reachable")).contains("true"), ready.body());
        assertTrue(body.contains("\"name\":\"smtp\",\"status\":\"UP\""), body);
        assertTrue(body.contains("\"reachable\""), body);
    }

    @Test
    void anonymousProbesGetTheStatusOnly() {
        Api anonymous = new Api(base).anonymous();
        for (String probe : new String[] {"../../health/ready", "../../health/live"}) {
            Api.Reply reply = anonymous.getText(probe);
            assertEquals(200, reply.status(), probe + ": " + reply.body());
            assertEquals("{\"status\":\"UP\"}", reply.body().replace(" ", ""), probe);
        }
    }

    @Test
    void healthDetailsMetricsAndOpenApiNeedAnAccount() {
        Api anonymous = new Api(base).anonymous();
        for (String endpoint : new String[] {"../../health", "../../metrics", "../../openapi"}) {
            Api.Reply reply = anonymous.getText(endpoint);
            assertEquals(401, reply.status(), endpoint + ": " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), endpoint + " " + reply.contentType());
            assertFalse(reply.body().contains("database"), reply.body());
            assertTrue(reply.header("WWW-Authenticate") != null, endpoint + " challenges");
        }
        Api admin = new Api(base);
        assertEquals(200, admin.getText("../../health").status());
        Api.Reply metrics = admin.getText("../../metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("confmail_smtp_reachable"), "confmail's own metrics are there");
        assertTrue(metrics.body().matches("(?s).*\\nconfmail_broker_reachable(\\{[^}]*})? 1(\\.0)?\\n.*"),
                "the broker gauge says reachable");
        assertEquals(200, admin.getText("../../openapi").status());
        Api.Reply wrong = new Api(base, "admin", "not-the-admin-password").getText("../../metrics");
        assertEquals(401, wrong.status(), wrong.body());
    }
}
