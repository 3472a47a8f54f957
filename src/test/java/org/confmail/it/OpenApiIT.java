package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.confmail.platform.OpenApiDocument;
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
 * What a client generator or a developer reading {@code /openapi} gets: {@code META-INF/openapi.yaml} as written,
 * every operation with a summary and problem answers with examples, and examples that are true: each request this
 * test can make is made for real, and the real answer must have the shape of the example the document shows for
 * it (the same member names, recursively, and the same JSON types; the values may differ).
 * {@code OpenApiDocumentTest} holds the same document to the Java code.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@SuppressWarnings("unchecked")
class OpenApiIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.perClass();

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

    private OpenApiDocument served;

    /** The source: the examples are compared with it, as {@code /openapi} loses their null members (see below). */
    private final OpenApiDocument source = OpenApiDocument.load();

    /** The examples this run held to a real answer, as "METHOD /path status example". */
    private final List<String> checked = new ArrayList<>();

    @BeforeEach
    void fetchDocument() {
        // MicroProfile OpenAPI serves YAML by default; JSON with format=JSON.
        Api.Reply reply = new Api(base).getText("../../openapi?format=JSON");
        assertEquals(200, reply.status(), reply.body());
        served = OpenApiDocument.of(reply.body());
    }

    /**
     * Payara serves the YAML through its own model, which drops the null members of example values (a user's
     * {@code "thirdPartyProviderName": null}) and adds {@code all: {nullable: true}} beside {@code nullable: true};
     * apart from that, {@code /openapi} is {@code openapi.yaml}.
     */
    @Test
    void servesOpenApiYamlAsWritten() {
        assertEquals(asServed(source.root().get("paths")), withoutPayarasAdditions(served.root().get("paths")),
                "the operations, as openapi.yaml writes them");
        assertEquals(asServed(source.root().get("components")),
                withoutPayarasAdditions(served.root().get("components")), "the components");
        assertEquals(source.root().get("security"), served.root().get("security"), "Basic or a Bearer API token");
    }

    /** A node of openapi.yaml as Payara serves it: without null members. */
    private static Object asServed(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((key, value) -> {
                if (value != null) {
                    copy.put(key, asServed(value));
                }
            });
            return copy;
        }
        return node instanceof List<?> list ? list.stream().map(OpenApiIT::asServed).toList() : node;
    }

    private static Object withoutPayarasAdditions(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((key, value) -> {
                if (!("all".equals(key) && Map.of("nullable", true).equals(value))) {
                    copy.put(key, withoutPayarasAdditions(value));
                }
            });
            return copy;
        }
        return node instanceof List<?> list ? list.stream().map(OpenApiIT::withoutPayarasAdditions).toList() : node;
    }

    @Test
    void describesEveryOperationOfTheApiWithASummary() {
        TreeSet<String> expected = new TreeSet<>(OPERATIONS);
        expected.addAll(JITSI_OPERATIONS);
        assertEquals(expected, new TreeSet<>(served.operations().keySet()), "the documented operations");
        served.operations().forEach((operation, described) -> assertFalse(
                String.valueOf(described.getOrDefault("summary", "")).isBlank(), operation + " has a summary"));
    }

    @Test
    void everyOperationShowsItsSuccessAndItsProblemsWithExamples() {
        for (String operation : OPERATIONS) {
            Map<String, Object> responses = OpenApiDocument.map(served.operation(operation), "responses");
            String success = responses.keySet().stream().filter(code -> code.startsWith("2")).findFirst()
                    .orElseThrow();
            if (!success.equals("204")) {
                assertFalse(served.examples(served.response(operation, Integer.parseInt(success)), "application/json")
                        .isEmpty(), operation + " has an example answer");
            }
            assertTrue(responses.containsKey("401"), operation + " can answer 401");
            for (String code : responses.keySet()) {
                if (code.startsWith("4")) {
                    Map<String, Object> examples = served.examples(served.response(operation, Integer.parseInt(code)),
                            "application/problem+json");
                    assertFalse(examples.isEmpty(), operation + " " + code + " is a problem document with an example");
                    examples.forEach((name, example) -> assertEquals(Integer.parseInt(code),
                            ((Map<String, Object>) example).get("status"), operation + " " + code + " " + name));
                }
            }
        }
    }

    @Test
    void jitsiOperationsArePublicAndAnswerJitsisFormatsWithExamples() {
        for (String operation : JITSI_OPERATIONS) {
            Map<String, Object> described = served.operation(operation);
            List<Map<String, Object>> security = (List<Map<String, Object>>) described.get("security");
            assertNotNull(security, operation + " overrides the API's authentication");
            assertTrue(security.stream().allMatch(Map::isEmpty), operation + " needs no authentication: " + security);
            Map<String, Object> responses = OpenApiDocument.map(described, "responses");
            assertFalse(responses.containsKey("401"), operation + " never asks for credentials");
            for (String code : responses.keySet()) {
                Map<String, Object> examples = served.examples(served.response(operation, Integer.parseInt(code)),
                        "application/json");
                assertFalse(examples.isEmpty(), operation + " " + code + " has an example");
                if (code.startsWith("4")) {
                    examples.forEach((name, example) -> assertTrue(((Map<String, Object>) example).containsKey("message")
                            && !((Map<String, Object>) example).containsKey("id"), operation + " " + code + " " + name
                            + " is a message without id"));
                }
            }
        }
    }

    @Test
    void pinResetExampleShowsThePin() {
        Map<String, Object> examples = served.examples(served.response("POST /api/v1/users/{upn}/pin-reset", 200),
                "application/json");
        assertTrue(examples.values().stream().anyMatch(e -> ((Map<String, Object>) e).get("pin") != null),
                examples.toString());
    }

    /**
     * The real answers have the shapes of the examples: one scenario through the API (a bridge and its numbers, a
     * user and what can be done to them, emails, a bulk send, settings, accounts and tokens, the audit trail, an
     * import, Jitsi's calls) and the main refusals (400, 404, 409, 412, 415, 422).
     */
    @Test
    void realAnswersHaveTheShapesOfTheExamples() throws IOException {
        Api admin = new Api(base);
        String run = UUID.randomUUID().toString().substring(0, 8);

        // Bridges and numbers.
        Api.Reply bridge = expect(admin.post("bridges", "{\"name\": \"Bridge " + run + "\"}"),
                "POST /api/v1/bridges", 201, null);
        String bridgeId = bridge.json().getString("id");
        String bridgePath = "bridges/" + bridgeId;
        String digits = String.valueOf(1000 + Math.floorMod(run.hashCode(), 9000));
        String toll = "+1425555" + digits;
        expect(admin.post(bridgePath + "/service-numbers", "{\"number\": \"" + toll + "\", \"type\": \"TOLL\","
                + " \"country\": \"US\", \"city\": \"Seattle\", \"languages\": [\"en-US\"]}"),
                "POST /api/v1/bridges/{id}/service-numbers", 201, null);
        expect(admin.post(bridgePath + "/service-numbers", "{\"number\": \"+1800555" + digits + "\","
                + " \"type\": \"TOLL_FREE\", \"country\": \"US\"}"), "POST /api/v1/bridges/{id}/service-numbers", 201, null);
        expect(admin.post(bridgePath + "/service-numbers", "{\"number\": \"" + toll + "\", \"type\": \"TOLL\","
                + " \"country\": \"US\"}"), "POST /api/v1/bridges/{id}/service-numbers", 409, "numberTaken");
        expect(admin.post(bridgePath + "/service-numbers", "{\"number\": \"0800\", \"type\": \"TOLL\","
                + " \"country\": \"US\"}"), "POST /api/v1/bridges/{id}/service-numbers", 400, "invalidField");
        expect(admin.get(bridgePath + "/service-numbers"), "GET /api/v1/bridges/{id}/service-numbers", 200, null);
        expect(admin.get("bridges"), "GET /api/v1/bridges", 200, null);
        expect(admin.get(bridgePath), "GET /api/v1/bridges/{id}", 200, null);
        expect(admin.get("bridges/" + UUID.randomUUID()), "GET /api/v1/bridges/{id}", 404, "bridgeNotFound");
        // A bridge's ETag comes with a change (GET /bridges/{id} gives none).
        Api.Reply changed = expect(admin.patch(bridgePath, "{\"name\": \"Bridge " + run + " changed\"}"),
                "PATCH /api/v1/bridges/{id}", 200, null);
        expect(admin.call("PATCH", bridgePath, "{\"name\": \"Bridge " + run + " renamed\"}", "If-Match",
                changed.header("ETag")), "PATCH /api/v1/bridges/{id}", 200, null);
        expect(admin.call("PATCH", bridgePath, "{\"name\": \"Bridge " + run + " again\"}", "If-Match",
                changed.header("ETag")), "PATCH /api/v1/bridges/{id}", 412, "preconditionFailed");
        expect(admin.post("bridges", "{\"name\": \"Bridge " + run + " renamed\"}"), "POST /api/v1/bridges", 409,
                "nameTaken");

        // Users.
        String upn = "ada." + run + "@contoso.com";
        String userPath = "users/" + upn;
        expect(admin.post("users", "{\"userPrincipalName\": \"" + upn + "\", \"displayName\": \"Ada Lovelace\","
                + " \"country\": \"US\", \"preferredLanguage\": \"en-US\", \"bridgeId\": \"" + bridgeId + "\"}"),
                "POST /api/v1/users", 201, null);
        expect(admin.post("users", "{\"userPrincipalName\": \"" + upn + "\", \"displayName\": \"Ada\"}"),
                "POST /api/v1/users", 409, "userExists");
        expect(admin.post("users", "{\"userPrincipalName\": \"x." + upn + "\", \"displayName\": \"Ada\","
                + " \"country\": \"XX\"}"), "POST /api/v1/users", 400, "invalidField");
        expect(admin.post("users", "{\"userPrincipalName\": "), "POST /api/v1/users", 400, "malformedJson");
        expect(admin.call("POST", "users", "userPrincipalName\nada@contoso.com", "Content-Type", "text/csv"),
                "POST /api/v1/users", 415, null);
        expect(admin.get("users?search=" + run), "GET /api/v1/users", 200, null);
        expect(admin.get("users?size=1000"), "GET /api/v1/users", 400, "invalidPaging");
        Api.Reply user = expect(admin.get(userPath), "GET /api/v1/users/{upn}", 200, null);
        expect(admin.get("users/nobody." + run + "@contoso.com"), "GET /api/v1/users/{upn}", 404, null);
        expect(admin.call("PATCH", userPath, "{\"displayName\": \"Ada King\"}", "If-Match", user.header("ETag")),
                "PATCH /api/v1/users/{upn}", 200, null);
        expect(admin.call("PATCH", userPath, "{\"displayName\": \"Ada L.\"}", "If-Match", user.header("ETag")),
                "PATCH /api/v1/users/{upn}", 412, "preconditionFailed");
        expect(admin.post(userPath + "/pin-reset", null), "POST /api/v1/users/{upn}/pin-reset", 200, null);
        expect(admin.post(userPath + "/conference-id-reset", null), "POST /api/v1/users/{upn}/conference-id-reset", 200,
                null);
        expect(admin.post(userPath + "/meetings", "{\"subject\": \"Quarterly review\","
                + " \"startsAt\": \"2026-12-01T09:00:00Z\"}"), "POST /api/v1/users/{upn}/meetings", 201, null);
        expect(admin.post(userPath + "/meetings", "{\"startsAt\": \"tomorrow\"}"), "POST /api/v1/users/{upn}/meetings",
                400, "invalidField");

        // Emails.
        String key = UUID.randomUUID().toString();
        Api.Reply accepted = expect(admin.post(userPath + "/conference-info-email", null, key),
                "POST /api/v1/users/{upn}/conference-info-email", 202, null);
        expect(admin.post(userPath + "/conference-info-email", "{\"toAddress\": \"assistant@contoso.com\"}", key),
                "POST /api/v1/users/{upn}/conference-info-email", 422, null);
        String emailPath = "emails/" + accepted.json().getString("emailId");
        assertTrue(Api.eventually(Duration.ofSeconds(30),
                () -> admin.get(emailPath).json().getString("status").equals("SENT")), "the email is sent");
        expect(admin.get(emailPath), "GET /api/v1/emails/{id}", 200, "sent");
        expect(admin.get("emails/" + UUID.randomUUID()), "GET /api/v1/emails/{id}", 404, "emailNotFound");
        expect(admin.get("emails?user=" + URLEncoder.encode(upn, StandardCharsets.UTF_8)), "GET /api/v1/emails", 200,
                null);
        expect(admin.get("emails?status=LOST"), "GET /api/v1/emails", 400, "invalidFilter");
        expect(admin.post(emailPath + "/retry", null), "POST /api/v1/emails/{id}/retry", 409, "notFailed");

        // A bulk send (one per deployment: the next must wait CONFMAIL_BULK_COOLDOWN).
        Api.Reply job = expect(admin.post("bulk/conference-info-emails", "{\"userPrincipalNames\": [\"" + upn + "\"]}"),
                "POST /api/v1/bulk/conference-info-emails", 202, null);
        expect(admin.get("bulk/" + job.json().getString("jobId")), "GET /api/v1/bulk/{jobId}", 200, null);
        expect(admin.post("bulk/conference-info-emails", "{\"userPrincipalNames\": [\"x." + upn + "\"]}"),
                "POST /api/v1/bulk/conference-info-emails", 400, "unknownUser");

        // Tenant settings.
        Api.Reply settings = expect(admin.get("tenant/dial-in-settings"), "GET /api/v1/tenant/dial-in-settings", 200,
                null);
        expect(admin.call("PATCH", "tenant/dial-in-settings", "{\"automaticallySendEmailsToUsers\": true}", "If-Match",
                settings.header("ETag")), "PATCH /api/v1/tenant/dial-in-settings", 200, null);
        expect(admin.call("PATCH", "tenant/dial-in-settings", "{\"sendEmailFromOverride\": true,"
                + " \"sendEmailFromAddress\": \"conferencing@fabrikam.com\", \"sendEmailFromDisplayName\": \"F\"}"),
                "PATCH /api/v1/tenant/dial-in-settings", 400, "unverifiedDomain");

        // Accounts, tokens and the audit trail.
        String username = "helpdesk-" + run;
        String accountPath = "accounts/" + username;
        expect(admin.post("accounts", "{\"username\": \"" + username + "\", \"password\": \"correct horse battery\","
                + " \"roles\": [\"operator\"]}"), "POST /api/v1/accounts", 201, null);
        expect(admin.post("accounts", "{\"username\": \"" + username + "\", \"password\": \"correct horse battery\","
                + " \"roles\": [\"operator\"]}"), "POST /api/v1/accounts", 409, "accountExists");
        expect(admin.post("accounts", "{\"username\": \"x" + username + "\", \"password\": \"short\","
                + " \"roles\": [\"operator\"]}"), "POST /api/v1/accounts", 400, "shortPassword");
        expect(admin.get("accounts"), "GET /api/v1/accounts", 200, null);
        Api.Reply account = expect(admin.get(accountPath), "GET /api/v1/accounts/{username}", 200, null);
        expect(admin.get("accounts/nobody-" + run), "GET /api/v1/accounts/{username}", 404, null);
        expect(admin.call("PATCH", accountPath, "{\"roles\": [\"operator\", \"auditor\"]}", "If-Match",
                account.header("ETag")), "PATCH /api/v1/accounts/{username}", 200, null);
        expect(admin.call("PATCH", accountPath, "{\"enabled\": false}", "If-Match", account.header("ETag")),
                "PATCH /api/v1/accounts/{username}", 412, null);
        expect(admin.post(accountPath + "/tokens", "{\"name\": \"ticketing system\", \"role\": \"operator\"}"),
                "POST /api/v1/accounts/{username}/tokens", 201, null);
        expect(admin.post(accountPath + "/tokens", "{\"name\": \"old\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}"),
                "POST /api/v1/accounts/{username}/tokens", 400, "pastExpiry");
        expect(admin.get(accountPath + "/tokens"), "GET /api/v1/accounts/{username}/tokens", 200, null);
        expect(admin.get("audit?target=" + URLEncoder.encode(upn, StandardCharsets.UTF_8)), "GET /api/v1/audit", 200,
                null);
        expect(admin.get("audit?from=yesterday"), "GET /api/v1/audit", 400, "invalidFilter");

        // An import, and refusals of an import.
        expect(admin.postCsv("user-imports", "userPrincipalName,displayName,country\nb." + upn + ",Bea,US\nc." + upn
                + ",Cy,XX\n"), "POST /api/v1/user-imports", 200, null);
        expect(admin.postCsv("user-imports", "name\nAda\n"), "POST /api/v1/user-imports", 400, null);

        // Refusals that need the scenario's data: a bridge in use, no credentials, a role that may not.
        expect(admin.delete(bridgePath), "DELETE /api/v1/bridges/{id}", 409, "bridgeInUse");
        expect(admin.anonymous().get("users"), "GET /api/v1/users", 401, null);
        expect(new Api(base, username, "correct horse battery").post("bridges", "{\"name\": \"No\"}"),
                "POST /api/v1/bridges", 403, null);

        // Jitsi Meet's calls, in Jitsi's formats.
        expect(admin.anonymousGet("../../jitsi/dial-in-numbers?bridgeId=" + bridgeId), "GET /jitsi/dial-in-numbers",
                200, null);
        expect(admin.anonymousGet("../../jitsi/dial-in-numbers?bridgeId=not%2Fan%2Fid"), "GET /jitsi/dial-in-numbers",
                400, null);
        expect(admin.anonymousGet("../../jitsi/dial-in-numbers?bridgeId=" + UUID.randomUUID()),
                "GET /jitsi/dial-in-numbers", 404, null);
        Api.Reply mapper = admin.anonymousGet("../../jitsi/conference-mapper?id=5802311");
        expect(mapper, "GET /jitsi/conference-mapper", mapper.status(), mapper.status() == 200 ? "unknownId" : null);

        Path report = Path.of("target", "openapi-examples-checked.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, checked);
        assertTrue(checked.size() >= 60, "examples held to real answers: " + checked.size());
    }

    /**
     * Asserts the reply has the documented status and the shape of the named example of that answer (or of each of
     * its examples, when none is named); answers the reply.
     */
    private Api.Reply expect(Api.Reply reply, String operation, int status, String exampleName) {
        assertEquals(status, reply.status(), operation + ": " + reply.body());
        Map<String, Object> response = source.response(operation, status);
        assertNotNull(response, operation + " documents " + status);
        if (reply.body() == null || reply.body().isBlank()) {
            assertEquals(null, response.get("content"), operation + " " + status + " documents no body");
            return reply;
        }
        String mediaType = reply.contentType().split(";")[0].strip();
        Map<String, Object> examples = source.examples(response, mediaType);
        assertFalse(examples.isEmpty(), operation + " " + status + " has an example in " + mediaType);
        Object real = OpenApiDocument.parse(reply.body());
        examples.forEach((name, example) -> {
            if (exampleName == null || exampleName.equals(name)) {
                List<String> differences = new ArrayList<>();
                compareShapes(example, real, "$", differences);
                assertTrue(differences.isEmpty(), operation + " " + status + " example " + name
                        + " against the real answer " + reply.body() + ": " + differences);
                checked.add(operation + " " + status + " " + name);
            }
        });
        assertTrue(exampleName == null || examples.containsKey(exampleName),
                operation + " " + status + " has the example " + exampleName + ": " + examples.keySet());
        return reply;
    }

    /** Same member names, recursively, and the same JSON types where both are not null. */
    private static void compareShapes(Object example, Object real, String at, List<String> differences) {
        if (example == null || real == null) {
            return;
        }
        String exampleType = jsonType(example);
        String realType = jsonType(real);
        if (!exampleType.equals(realType)) {
            differences.add(at + ": the example has " + exampleType + ", the answer " + realType);
            return;
        }
        if (example instanceof Map<?, ?> exampleObject) {
            Map<String, Object> realObject = (Map<String, Object>) real;
            if (!exampleObject.keySet().equals(realObject.keySet())) {
                differences.add(at + ": the example has " + new TreeSet<>(exampleObject.keySet()) + ", the answer "
                        + new TreeSet<>(realObject.keySet()));
            }
            exampleObject.forEach((name, value) -> compareShapes(value, realObject.get(name), at + "." + name,
                    differences));
        } else if (example instanceof List<?> exampleArray && !exampleArray.isEmpty()) {
            for (Object item : (List<Object>) real) {
                compareShapes(exampleArray.get(0), item, at + "[]", differences);
            }
        }
    }

    private static String jsonType(Object value) {
        return value instanceof Map ? "an object" : value instanceof List ? "an array" : value instanceof String
                ? "a string" : value instanceof Number ? "a number" : value instanceof Boolean ? "a boolean"
                : value.getClass().getSimpleName();
    }
}
