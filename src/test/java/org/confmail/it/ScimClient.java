package org.confmail.it;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.unboundid.scim2.client.ScimService;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;

/**
 * SCIM clients for the system tests: UnboundID's SCIM 2 SDK (a real client library, on Jersey's client with the
 * Apache connector, which can send PATCH) and a raw one that sends exactly the JSON a test writes, as identity
 * providers with their own habits do.
 */
final class ScimClient {

    /** A raw answer: status, content type and body. */
    record Reply(int status, String contentType, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    final URI base;
    final String token;
    /** HTTP/1.1, as identity providers speak it (the JDK client's h2c upgrade lost long PATCHes' connections). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    ScimClient(URL deployment, String token) {
        String root = deployment.toString();
        this.base = URI.create((root.endsWith("/") ? root : root + "/") + "scim/v2/");
        this.token = token;
    }

    /** UnboundID's client, authenticating with the token. */
    ScimService sdk() {
        Client client = ClientBuilder.newClient(new ClientConfig().connectorProvider(new Apache5ConnectorProvider()));
        return new ScimService(client.target(base).register((jakarta.ws.rs.client.ClientRequestFilter) request ->
                request.getHeaders().putSingle("Authorization", "Bearer " + token)));
    }

    Reply call(String method, String path, String json) {
        return call(method, path, json, "Bearer " + token);
    }

    Reply call(String method, String path, String json, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/scim+json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/scim+json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String patch(String operations) {
        return "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": " + operations
                + "}";
    }

    static ArrayNode members(Iterable<String> ids) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        ids.forEach(id -> array.addObject().put("value", id));
        return array;
    }
}
