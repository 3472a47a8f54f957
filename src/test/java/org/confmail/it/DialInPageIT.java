package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The public "Find a local number" page the emails link to: no login, the bridge's numbers, safe headers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DialInPageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    private HttpResponse<String> page(String path, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(base.toString().replaceAll("/$", "") + path));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsTheBridgesNumbersWithoutAuthenticationInTheReadersLanguage() throws Exception {
        Api api = new Api(base);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String number = "+3315555" + String.format("%04d", Math.abs(suffix.hashCode()) % 10_000);
        Api.Reply bridge = api.post("bridges", "{\"name\": \"Page " + suffix + "\"}");
        assertEquals(201, bridge.status(), bridge.body());
        String bridgeId = bridge.json().getString("id");
        Api.Reply added = api.post("bridges/" + bridgeId + "/service-numbers", "{\"number\": \"" + number
                + "\", \"type\": \"TOLL\", \"country\": \"FR\", \"city\": \"Paris\", \"languages\": [\"fr-FR\"]}");
        assertEquals(201, added.status(), added.body());

        HttpResponse<String> french = page("/dial-in/" + bridgeId, "de-DE, fr;q=0.8, en;q=0.5");
        assertEquals(200, french.statusCode(), french.body());
        assertTrue(french.headers().firstValue("Content-Type").orElse("").matches("(?i)text/html;\\s*charset=UTF-8"),
                french.headers().toString());
        assertEquals("nosniff", french.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
                french.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals("no-referrer", french.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("public, max-age=300", french.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(french.body().contains("<html lang=\"fr\">"), french.body());
        assertTrue(french.body().contains("<a href=\"tel:" + number + "\">"), french.body());
        assertTrue(french.body().contains("Paris"), french.body());

        HttpResponse<String> english = page("/dial-in/" + bridgeId, null);
        assertEquals(200, english.statusCode(), english.body());
        assertTrue(english.body().contains("<title>Find a local number</title>"), english.body());
    }

    @Test
    void answersNotFoundForAnUnknownBridge() throws Exception {
        HttpResponse<String> response = page("/dial-in/" + UUID.randomUUID(), "en");
        assertEquals(404, response.statusCode(), response.body());
        assertTrue(response.body().contains("<title>Page not found</title>"), response.body());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals(404, page("/dial-in/", "en").statusCode());
    }
}
