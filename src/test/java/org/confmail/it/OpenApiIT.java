package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a client generator or a developer reading {@code /openapi} gets: every operation of the API, each with a
 * summary, request bodies with their real shape and an example, and success and problem answers with examples.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    /** Every operation of /api/v1. A new operation must be added here, and so documented (RoleMatrixIT too). */
    private static final List<String> OPERATIONS = List.of(
            "POST /api/v1/users",
            "GET /api/v1/users",
            "GET /api/v1/users/{upn}",
            "PATCH /api/v1/users/{upn}",
            "DELETE /api/v1/users/{upn}",
            "POST /api/v1/users/{upn}/conference-info-email",
            "POST /api/v1/users/{upn}/pin-reset",
            "POST /api/v1/users/{upn}/conference-id-reset",
            "POST /api/v1/users/{upn}/meetings",
            "POST /api/v1/user-imports",
            "GET /api/v1/tenant/dial-in-settings",
            "PATCH /api/v1/tenant/dial-in-settings",
            "GET /api/v1/bridges",
            "POST /api/v1/bridges",
            "GET /api/v1/bridges/{id}",
            "PATCH /api/v1/bridges/{id}",
            "DELETE /api/v1/bridges/{id}",
            "GET /api/v1/bridges/{id}/service-numbers",
            "POST /api/v1/bridges/{id}/service-numbers",
            "DELETE /api/v1/bridges/{id}/service-numbers/{numberId}",
            "GET /api/v1/emails",
            "GET /api/v1/emails/{id}",
            "POST /api/v1/emails/{id}/retry",
            "POST /api/v1/bulk/conference-info-emails",
            "GET /api/v1/bulk/{jobId}",
            "POST /api/v1/accounts",
            "GET /api/v1/accounts",
            "GET /api/v1/accounts/{username}",
            "PATCH /api/v1/accounts/{username}",
            "DELETE /api/v1/accounts/{username}",
            "POST /api/v1/accounts/{username}/password-reset",
            "POST /api/v1/accounts/{username}/tokens",
            "GET /api/v1/accounts/{username}/tokens",
            "DELETE /api/v1/accounts/{username}/tokens/{id}",
            "GET /api/v1/audit");

    /**
     * Jitsi Meet's public calls, in Jitsi's formats: no authentication, errors as {"message"} (not problem
     * documents). A new one must be added here, and so documented.
     */
    private static final List<String> JITSI_OPERATIONS = List.of(
            "GET /jitsi/dial-in-numbers",
            "GET /jitsi/conference-mapper");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    private JsonObject document;

    @BeforeEach
    void fetchDocument() throws Exception {
        // MicroProfile OpenAPI serves YAML by default; JSON with format=JSON (Payara also honours Accept).
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + "/openapi?format=JSON"))
                        .header("Accept", "application/json")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                ("admin:" + Api.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            document = reader.readObject();
        }
    }

    @Test
    void describesEveryOperationOfTheApiWithASummary() {
        TreeSet<String> described = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(key -> List.of("get", "put", "post", "delete", "patch").contains(key))
                .forEach(method -> described.add(method.toUpperCase() + " " + path)));
        TreeSet<String> expected = new TreeSet<>(OPERATIONS);
        expected.addAll(JITSI_OPERATIONS);
        assertEquals(expected, described, "the documented operations");
        for (String operation : expected) {
            String summary = operation(operation).getString("summary", "");
            assertFalse(summary.isBlank(), operation + " has a summary");
        }
    }

    @Test
    void everyRequestBodyHasItsRealShapeAndAnExample() {
        int bodies = 0;
        for (String operation : OPERATIONS) {
            JsonObject body = operation(operation).getJsonObject("requestBody");
            if (body == null) {
                continue;
            }
            bodies++;
            JsonObject content = body.getJsonObject("content");
            assertFalse(content.isEmpty(), operation + " names its body's media types");
            content.forEach((mediaType, media) -> {
                if (!mediaType.contains("json")) {
                    return; // a CSV upload is text; its example is checked below
                }
                JsonObject schema = media.asJsonObject().getJsonObject("schema");
                assertNotNull(schema, operation + " " + mediaType + " has a schema");
                assertFalse("string".equals(schema.getString("type", null)),
                        operation + " " + mediaType + " is a JSON object, not a string: " + schema);
                assertFalse(examples(media.asJsonObject()).isEmpty(), operation + " " + mediaType + " has an example");
            });
            assertTrue(content.values().stream().anyMatch(media -> !examples(media.asJsonObject()).isEmpty()),
                    operation + " shows an example body");
        }
        assertEquals(14, bodies, "operations that take a body");
    }

    @Test
    void everyOperationShowsItsSuccessAndItsProblemsWithExamples() {
        for (String operation : OPERATIONS) {
            JsonObject responses = operation(operation).getJsonObject("responses");
            List<String> successes = responses.keySet().stream().filter(code -> code.startsWith("2")).toList();
            assertEquals(1, successes.size(), operation + " documents its success: " + responses.keySet());
            JsonObject success = response(responses, successes.get(0));
            if (!successes.get(0).equals("204")) {
                JsonObject json = success.getJsonObject("content").getJsonObject("application/json");
                assertNotNull(json, operation + " answers JSON");
                assertFalse(examples(json).isEmpty(), operation + " has an example answer");
            }
            assertTrue(responses.containsKey("401"), operation + " can answer 401");
            for (String code : responses.keySet()) {
                if (code.startsWith("4")) {
                    JsonObject content = response(responses, code).getJsonObject("content");
                    JsonObject problem = content == null ? null : content.getJsonObject("application/problem+json");
                    assertNotNull(problem, operation + " " + code + " is a problem document");
                    List<String> examples = examples(problem);
                    assertFalse(examples.isEmpty(), operation + " " + code + " has an example");
                    examples.forEach(e -> assertTrue(e.replace(" ", "").contains("\"status\":" + code),
                            operation + " " + code + " example: " + e));
                }
            }
        }
    }

    @Test
    void jitsiOperationsArePublicAndAnswerJitsisFormatsWithExamples() {
        for (String operation : JITSI_OPERATIONS) {
            JsonObject described = operation(operation);
            JsonArray security = described.getJsonArray("security");
            assertNotNull(security, operation + " overrides the API's Basic authentication");
            assertTrue(security.stream().allMatch(requirement -> requirement.asJsonObject().isEmpty()),
                    operation + " needs no authentication: " + security);
            JsonObject responses = described.getJsonObject("responses");
            assertFalse(responses.containsKey("401"), operation + " never asks for credentials");
            assertTrue(responses.containsKey("200") && responses.containsKey("400"), operation + ": " + responses);
            for (String code : responses.keySet()) {
                JsonObject json = response(responses, code).getJsonObject("content").getJsonObject("application/json");
                assertNotNull(json, operation + " " + code + " answers application/json");
                List<String> examples = examples(json);
                assertFalse(examples.isEmpty(), operation + " " + code + " has an example");
                if (code.startsWith("4")) {
                    assertEquals("#/components/schemas/JitsiMessage", json.getJsonObject("schema").getString("$ref"));
                    examples.forEach(e -> assertTrue(e.contains("\"message\"") && !e.contains("\"id\""),
                            operation + " " + code + " example is a message without id: " + e));
                }
            }
        }
    }

    @Test
    void everyReferenceResolvesAndNoSchemaCarriesAnnotationDefaults() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertFalse(references.isEmpty());
        JsonObject components = document.getJsonObject("components");
        for (String ref : references) {
            String[] parts = ref.split("/");
            assertEquals(4, parts.length, ref);
            JsonObject section = components.getJsonObject(parts[2]);
            assertTrue(section != null && section.containsKey(parts[3]), ref + " resolves");
        }
        // Unset @Schema attributes leak as these values unless OpenApiFilter drops them.
        String text = document.toString();
        assertFalse(text.contains("2147483647") || text.contains("\"maxProperties\":0"), "no annotation defaults");
    }

    @Test
    void pinResetExampleShowsThePin() {
        JsonObject ok = response(operation("POST /api/v1/users/{upn}/pin-reset").getJsonObject("responses"), "200");
        List<String> examples = examples(ok.getJsonObject("content").getJsonObject("application/json"));
        assertTrue(examples.stream().anyMatch(e -> e.contains("\"pin\"")), examples.toString());
    }

    private JsonObject operation(String operation) {
        String[] parts = operation.split(" ", 2);
        JsonObject item = document.getJsonObject("paths").getJsonObject(parts[1]);
        assertNotNull(item, parts[1] + " is documented");
        JsonObject described = item.getJsonObject(parts[0].toLowerCase());
        assertNotNull(described, operation + " is documented");
        return described;
    }

    /** The response for a status code, following a reference to the shared components. */
    private JsonObject response(JsonObject responses, String code) {
        JsonObject response = responses.getJsonObject(code);
        String ref = response.getString("$ref", null);
        if (ref == null) {
            return response;
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        JsonObject shared = document.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
        assertNotNull(shared, ref + " resolves");
        return shared;
    }

    private static void collectReferences(JsonValue value, List<String> references) {
        if (value instanceof JsonObject object) {
            object.forEach((key, item) -> {
                if (key.equals("$ref")) {
                    references.add(((JsonString) item).getString());
                } else {
                    collectReferences(item, references);
                }
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> collectReferences(item, references));
        }
    }

    /** The examples of a media type, each as JSON text (an example may be stored as an object or as a string). */
    private static List<String> examples(JsonObject media) {
        List<String> found = new ArrayList<>();
        if (media.containsKey("example")) {
            found.add(text(media.get("example")));
        }
        JsonObject examples = media.getJsonObject("examples");
        if (examples != null) {
            for (Map.Entry<String, JsonValue> example : examples.entrySet()) {
                JsonValue value = example.getValue().asJsonObject().get("value");
                if (value != null) {
                    found.add(text(value));
                }
            }
        }
        return found;
    }

    private static String text(JsonValue value) {
        return value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString()
                : value.toString();
    }
}
