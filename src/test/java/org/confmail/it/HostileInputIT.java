package org.confmail.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Page;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A corpus of hostile values (tricky addresses, line breaks and Unicode separators, bidirectional controls, HTML and
 * script, template and SQL fragments, broken Unicode, a megabyte of text, every wrong JSON type) sent through every
 * writable field of the API, one at a time. Each must be refused with a problem document that names the field, and
 * change nothing; or be stored as sent (trimmed, or in a documented canonical case) and shown as that text: by the
 * API, and by the portal, where nothing may run. The counts go to target/hostile-corpus.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.perClass();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    /** One hostile value: a label and its JSON text. */
    record Value(String label, String json) {
    }

    static Value v(String label, String json) {
        return new Value(label, json);
    }

    static final List<Value> CORPUS = List.of(
            v("empty string", "\"\""),
            v("blank", "\"   \""),
            v("no @", "\"not-an-address\""),
            v("single-label domain", "\"user@localhost\""),
            v("quoted local part", "\"\\\"john..doe\\\"@contoso.com\""),
            v("domain literal", "\"user@[127.0.0.1]\""),
            v("header injection", "\"user@contoso.com\\r\\nBcc: victim@evil.example\""),
            v("two addresses", "\"user@contoso.com, other@evil.example\""),
            v("display-name form", "\"Ada <ada@contoso.com>\""),
            v("non-ASCII local part", "\"zoë@contoso.com\""),
            v("trailing dot", "\"user@contoso.com.\""),
            v("65-character local part", "\"" + "a".repeat(65) + "@contoso.com\""),
            v("CR LF", "\"line one\\r\\nline two\""),
            v("LF", "\"line one\\nline two\""),
            v("U+2028", "\"line\\u2028separator\""),
            v("U+2029", "\"paragraph\\u2029separator\""),
            v("U+0085", "\"next\\u0085line\""),
            v("tab", "\"tab\\there\""),
            v("NUL", "\"nul\\u0000byte\""),
            v("right-to-left override", "\"\\u202Egnp.exe\""),
            v("bidi isolates", "\"abc\\u2066def\\u2069\""),
            v("right-to-left mark", "\"\\u200F\\u05e9\\u05dc\\u05d5\\u05dd\""),
            v("script tag", "\"<script>alert(1)</script>\""),
            v("img onerror", "\"<img src=x onerror=alert(1)>\""),
            v("attribute break", "\"\\\"><svg/onload=alert(1)>\""),
            v("javascript URL", "\"javascript:alert(1)\""),
            v("template expressions", "\"{{7*7}} ${7*7} #{7*7}\""),
            v("SQL quote", "\"' OR '1'='1\""),
            v("SQL drop", "\"'; DROP TABLE conferencing_user; --\""),
            v("LIKE wildcards", "\"%_\\\\\""),
            v("unpaired surrogate", "\"\\ud800\""),
            v("emoji", "\"\\ud83d\\ude00 Meeting\""),
            v("accents", "\"Zoë Müller\""),
            v("257 characters", "\"" + "x".repeat(257) + "\""),
            v("1 MB", "\"" + "x".repeat(1_048_576) + "\""),
            v("number", "42"),
            v("negative number", "-1"),
            v("huge number", "1e309"),
            v("fraction", "3.14"),
            v("true", "true"),
            v("false", "false"),
            v("null", "null"),
            v("empty array", "[]"),
            v("array of a string", "[\"a\"]"),
            v("array of a number", "[1]"),
            v("empty object", "{}"),
            v("object", "{\"a\": 1}"),
            v("number as a string", "\"5\""));

    /** What one request did: its reply, and the state of what it could change before and after. */
    record Outcome(Api.Reply reply, JsonValue before, JsonValue after) {
    }

    /**
     * A writable field of an operation: sends a request with the field set to a value, and can tell what the request
     * could have changed (before and after), where an accepted value is shown, and how to undo it if it matters to
     * other tests.
     */
    interface Field {
        String operation();

        String name();

        /**
         * Sends the value; {@code known} is the state a refused request of this field just left (the "after" of the
         * previous outcome, read already), or null to read it first.
         */
        Outcome send(String json, JsonValue known);

        /** Where an accepted value is shown (the API's answer or a later read); null when it is never shown. */
        JsonValue shown(Outcome outcome);

        /** Whether "after" may differ from "before" only by this field, when accepted (false: a new resource). */
        default boolean sameResource() {
            return true;
        }

        /** What else an accepted value may change on the same resource (a timestamp, what the field implies). */
        default Set<String> mayAlsoChange() {
            return Set.of();
        }

        default void undo(Outcome outcome) {
        }
    }

    @ArquillianResource
    URL base;

    static final Map<String, JsonValue> STORED_NAMES = new LinkedHashMap<>();
    static String marker;

    @Test
    @Order(1)
    void everyHostileValueThroughEveryWritableFieldIsRefusedNamingTheFieldOrStoredAsText() throws Exception {
        Api admin = new Api(base);
        Scenario scenario = new Scenario(admin, SMTP).withBridge();
        marker = "corpus" + scenario.suffix;
        AtomicInteger counter = new AtomicInteger();
        List<Field> fields = fields(admin, scenario, counter);
        Map<String, int[]> perField = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        int stored = 0;
        for (Field field : fields) {
            // A refusal changes nothing, so what it left is what the next request of this field starts from: one
            // read per request instead of two (a third of this test's requests).
            JsonValue known = null;
            for (Value value : CORPUS) {
                String cell = field.operation() + " " + field.name() + " = " + value.label();
                JsonValue before = known;
                known = null; // set again below only when this request is refused
                Outcome outcome;
                try {
                    outcome = field.send(value.json(), before);
                } catch (RuntimeException e) {
                    wrong.add(cell + ": " + e);
                    continue;
                }
                Api.Reply reply = outcome.reply();
                int status = reply.status();
                int[] counts = perField.computeIfAbsent(field.operation() + " " + field.name(), k -> new int[2]);
                if (status == 400 || status == 409) {
                    refused++;
                    counts[0]++;
                    boolean scim = field.operation().contains(" /scim/");
                    if (!reply.contentType().startsWith(scim ? "application/scim+json" : "application/problem+json")) {
                        wrong.add(cell + ": refused without a " + (scim ? "SCIM error" : "problem") + " document: "
                                + reply.contentType());
                    } else if (scim ? !scimErrorNames(reply, field.name()) : !namesField(reply, field.name())) {
                        wrong.add(cell + ": the problem does not name " + field.name() + ": " + excerpt(reply.body()));
                    }
                    if (!outcome.before().equals(outcome.after())) {
                        wrong.add(cell + ": refused, but something changed: " + excerpt(outcome.before().toString())
                                + " -> " + excerpt(outcome.after().toString()));
                    }
                    known = outcome.after();
                } else if (status >= 200 && status < 300) {
                    stored++;
                    counts[1]++;
                    String problem = storedProblem(field, value, outcome);
                    if (problem != null) {
                        wrong.add(cell + ": accepted, but " + problem);
                    }
                    field.undo(outcome);
                } else {
                    wrong.add(cell + ": answered " + status + " " + excerpt(reply.body()));
                }
            }
        }
        StringBuilder report = new StringBuilder("Hostile-input corpus: " + CORPUS.size() + " values x "
                + fields.size() + " writable fields = " + (CORPUS.size() * fields.size()) + " requests; " + refused
                + " refused naming the field, " + stored + " stored as text, " + wrong.size() + " wrong.\n\n"
                + "| field | refused | stored |\n|---|---|---|\n");
        perField.forEach((f, c) -> report.append("| `").append(f).append("` | ").append(c[0]).append(" | ")
                .append(c[1]).append(" |\n"));
        Path file = Path.of(System.getProperty("confmail.it.logs", "target/it-apps")).getParent()
                .resolve("hostile-corpus.md");
        Files.writeString(file, report);
        System.out.println("[HostileInputIT] " + report.toString().lines().findFirst().orElseThrow());
        assertTrue(wrong.isEmpty(), wrong.size() + " cases went wrong:\n" + String.join("\n", wrong));
    }

    @Test
    @Order(2)
    void storedHostileNamesShowAsTextInThePortal() {
        assertTrue(marker != null && !STORED_NAMES.isEmpty(), "the corpus stored names first");
        try (Browser browser = Browser.launch()) {
            Page page = browser.newContext(base, "en-US");
            List<String> dialogs = new ArrayList<>();
            page.onDialog(d -> {
                dialogs.add(d.message());
                d.dismiss();
            });
            browser.login("admin", Api.ADMIN_PASSWORD);
            for (Map.Entry<String, JsonValue> user : STORED_NAMES.entrySet()) {
                String shown = ((JsonString) user.getValue()).getString();
                browser.open("/admin/user.xhtml?upn=" + URLEncoder.encode(user.getKey(), StandardCharsets.UTF_8));
                browser.waitForAjax();
                assertThat(page.locator("h1.cm-title")).hasText(shown.length() > 200 ? shown.substring(0, 10)
                        : shown, new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                        .setUseInnerText(true));
                assertEquals(0, page.locator("img[src='x'], svg, script:not([nonce]):not([src])").count(),
                        "no element was injected by " + user.getKey());
            }
            browser.open("/admin/users.xhtml");
            page.locator("input[id$='search']").fill(marker);
            page.waitForResponse(r -> r.request().method().equals("POST"), () -> page.locator("input[id$='search']")
                    .press("End"));
            browser.waitForAjax();
            browser.screenshot("hostile-names");
            browser.open("/admin/audit.xhtml");
            browser.waitForAjax();
            browser.screenshot("hostile-audit");
            assertEquals(0, page.locator("img[src='x']").count());
            page.waitForTimeout(300);
            assertTrue(dialogs.isEmpty(), "no script ran: " + dialogs);
        }
    }

    /**
     * Single sign-on's callback takes its {@code state}, {@code code} and {@code error} from the query. Here
     * (single sign-on off) every hostile value there answers 404 and writes nothing: no sign-in entry in the audit
     * trail, no session. {@code SingleSignOnIT} sends the same corpus to a callback that is on.
     */
    @Test
    @Order(3)
    void hostileValuesAtTheSingleSignOnCallbackChangeNothingWhileItIsOff() throws Exception {
        Api admin = new Api(base);
        long signIns = admin.get("audit?action=login&size=1").json().getJsonNumber("total").longValue();
        FacesClient anonymous = new FacesClient(base);
        // HTTP/1.1 as browsers speak it over plain http (the 1 MB value would otherwise break an h2c upgrade).
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        List<String> wrong = new ArrayList<>();
        for (Value value : CORPUS) {
            String text = queryText(value);
            for (String parameter : List.of("state", "code", "error")) {
                java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "admin/sign-in/callback?" + parameter + "="
                                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&state=s")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                // 404 from confmail; a request line too long is refused by the server before it (4xx).
                boolean sessionMade = answer.headers().allValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("JSESSIONID"));
                if (answer.statusCode() < 400 || answer.statusCode() >= 500 || sessionMade) {
                    wrong.add(value.label() + " as " + parameter + ": " + answer.statusCode());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        // Only the admin's own sign-in for the count above (remembered Basic sign-ins write nothing).
        long after = admin.get("audit?action=login&size=1").json().getJsonNumber("total").longValue();
        assertEquals(signIns, after, "no sign-in was recorded");
        assertEquals(302, anonymous.get("admin/index.xhtml").status(), "no session came of it");
    }

    /** A corpus value as a query parameter carries it: a JSON string's text, else the JSON itself. */
    static String queryText(Value value) {
        try (JsonReader reader = Json.createReader(new StringReader(value.json()))) {
            JsonValue json = reader.readValue();
            return json instanceof JsonString string ? string.getString() : value.json();
        } catch (RuntimeException e) {
            return value.json();
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Every writable field of the API, each with the fixture it needs. */
    private List<Field> fields(Api admin, Scenario scenario, AtomicInteger counter) {
        List<Field> fields = new ArrayList<>();
        // PATCH /users/{upn}: one user, read before and after each request.
        String patched = scenario.createUser("patched", "\"country\": \"US\"").getString("userPrincipalName");
        Map<String, Set<String>> implied = Map.of(
                "audioConferencingLicense", Set.of("updatedAt", "hasPin"),
                "provider", Set.of("updatedAt", "hasPin"),
                "bridgeId", Set.of("updatedAt", "tollNumber", "tollFreeNumber"));
        for (String name : List.of("displayName", "email", "preferredLanguage", "country", "audioConferencingLicense",
                "provider", "thirdPartyProviderName", "bridgeId", "tollNumber", "tollFreeNumber", "allowTollFreeDialIn",
                "conferenceId")) {
            fields.add(patch("PATCH /users/{upn}", name, admin, "users/" + patched, "users/" + patched,
                    implied.getOrDefault(name, Set.of("updatedAt")), null));
        }
        // POST /users: a new user each time; what could change is how many users carry the run's marker.
        for (String name : NEW_USER_FIELDS) {
            fields.add(create("POST /users", name, admin, "users", () -> {
                int n = counter.incrementAndGet();
                return "{\"userPrincipalName\": \"c" + n + "." + marker + "@contoso.com\", \"displayName\": \"Corpus "
                        + marker + " " + n + "\", \"bridgeId\": \"" + scenario.bridgeId + "\", \"country\": \"US\"}";
            }, () -> Json.createValue(admin.get("users?size=1&search=" + marker).json().getInt("total")), true));
        }
        // PATCH /tenant/dial-in-settings: put back what was accepted, the other tests need the settings they know.
        JsonObject settings = admin.get("tenant/dial-in-settings").json();
        for (String name : List.of("automaticallySendEmailsToUsers", "pinLength", "useUniqueConferenceIds",
                "conferenceIdLength", "sendEmailFromOverride", "sendEmailFromAddress", "sendEmailFromDisplayName",
                "defaultLanguage", "verifiedDomains")) {
            fields.add(patch("PATCH /tenant/dial-in-settings", name, admin, "tenant/dial-in-settings",
                    "tenant/dial-in-settings", Set.of(), () -> admin.patch("tenant/dial-in-settings",
                            "{\"" + name + "\": " + settings.get(name) + "}")));
        }
        // Bridges: a new one each time; a bridge to patch; numbers on it.
        String defaultBridge = admin.get("bridges").jsonValue().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(b -> b.getBoolean("isDefault")).map(b -> b.getString("id")).findFirst().orElseThrow();
        Runnable restoreDefault = () -> admin.patch("bridges/" + defaultBridge, "{\"isDefault\": true}");
        for (String name : List.of("name", "isDefault")) {
            fields.add(create("POST /bridges", name, admin, "bridges",
                    () -> "{\"name\": \"Corpus bridge " + marker + " " + counter.incrementAndGet() + "\"}",
                    () -> Json.createValue(admin.get("bridges").jsonValue().asJsonArray().size()), false,
                    restoreDefault));
        }
        String corpusBridge = admin.post("bridges", "{\"name\": \"Corpus target " + marker + "\"}").json()
                .getString("id");
        assertEquals(201, admin.post("bridges/" + corpusBridge + "/service-numbers", "{\"number\": \""
                + number(scenario, counter) + "\", \"type\": \"TOLL\", \"country\": \"US\"}").status());
        for (String name : List.of("name", "isDefault", "defaultTollNumber")) {
            fields.add(patch("PATCH /bridges/{id}", name, admin, "bridges/" + corpusBridge, "bridges/" + corpusBridge,
                    Set.of(), restoreDefault));
        }
        for (String name : List.of("number", "type", "country", "city", "languages")) {
            fields.add(create("POST /bridges/{id}/service-numbers", name, admin, "bridges/" + corpusBridge
                    + "/service-numbers", () -> "{\"number\": \"" + number(scenario, counter)
                    + "\", \"type\": \"TOLL_FREE\", \"country\": \"US\"}", () -> Json.createValue(admin.get("bridges/"
                    + corpusBridge + "/service-numbers").jsonValue().asJsonArray().size()), false, null));
        }
        // Sending and scheduling: the user's emails are what could change.
        String sender = scenario.createUser("sender", "\"country\": \"US\"").getString("userPrincipalName");
        fields.add(action("POST /users/{upn}/conference-info-email", "toAddress", admin, "users/" + sender
                + "/conference-info-email", "{}", () -> Json.createValue(scenario.emails(sender, null).size()),
                reply -> admin.get("emails/" + reply.json().getString("emailId")).json().get("toAddress")));
        for (String name : List.of("subject", "startsAt")) {
            fields.add(action("POST /users/{upn}/meetings", name, admin, "users/" + sender + "/meetings", "{}",
                    () -> Json.createValue(scenario.emails(sender, null).size()),
                    reply -> reply.json().get(name)));
        }
        String bulkUser = scenario.createUser("bulk", "\"country\": \"US\"").getString("userPrincipalName");
        for (String name : List.of("userPrincipalNames", "all")) {
            fields.add(action("POST /bulk/conference-info-emails", name, admin, "bulk/conference-info-emails", "{}",
                    () -> Json.createValue(scenario.emails(bulkUser, null).size()), reply -> {
                        String job = reply.json().getString("jobId");
                        assertTrue(Api.eventually(Duration.ofSeconds(120), () -> admin.get("bulk/" + job).json()
                                .getBoolean("done")), "bulk job " + job + " finishes");
                        return null;
                    }));
        }
        // Accounts: a new one each time; one to patch, reset and give tokens.
        for (String name : List.of("username", "password", "roles", "enabled")) {
            fields.add(create("POST /accounts", name, admin, "accounts",
                    () -> "{\"username\": \"corpus-" + counter.incrementAndGet() + "-" + scenario.suffix
                            + "\", \"password\": \"corpus password 1\", \"roles\": [\"auditor\"]}",
                    () -> Json.createValue(admin.get("accounts?size=1").json().getInt("total")), false, null));
        }
        String account = "corpus-target-" + scenario.suffix;
        assertEquals(201, admin.post("accounts", "{\"username\": \"" + account + "\", \"password\": \"corpus target"
                + " password\", \"roles\": [\"auditor\"]}").status());
        for (String name : List.of("roles", "enabled")) {
            fields.add(patch("PATCH /accounts/{username}", name, admin, "accounts/" + account, "accounts/" + account,
                    Set.of("updatedAt"), null));
        }
        fields.add(action("POST /accounts/{username}/password-reset", "password", admin, "accounts/" + account
                + "/password-reset", "{}", () -> admin.get("accounts/" + account).json(), reply -> null));
        for (String name : List.of("name", "expiresAt", "role")) {
            fields.add(action("POST /accounts/{username}/tokens", name, admin, "accounts/" + account + "/tokens",
                    "{\"name\": \"corpus\"}", () -> Json.createValue(admin.get("accounts/" + account + "/tokens")
                            .jsonValue().asJsonArray().size()), reply -> reply.json().get(name)));
        }
        // SCIM (/scim/v2), with a provisioner's token: new users and groups, one attribute hostile each time.
        Accounts accounts = new Accounts(base);
        String idp = accounts.create("corpus-idp", "provisioner").username();
        Api provisioner = accounts.bearer(accounts.token(idp, "corpus", null, null)[1]);
        for (String name : List.of("userName", "displayName", "externalId", "preferredLanguage", "active")) {
            fields.add(create("POST /scim/v2/Users", name, provisioner, "../../scim/v2/Users",
                    () -> "{\"userName\": \"scim-corpus-" + counter.incrementAndGet() + "-" + scenario.suffix
                            + "@contoso.com\", \"displayName\": \"Corpus\"}",
                    () -> Json.createValue(provisioner.get("../../scim/v2/Users?count=0").json()
                            .getInt("totalResults")), false, null));
        }
        for (String name : List.of("displayName", "externalId")) {
            fields.add(create("POST /scim/v2/Groups", name, provisioner, "../../scim/v2/Groups",
                    () -> "{\"displayName\": \"corpus " + counter.incrementAndGet() + " " + scenario.suffix + "\"}",
                    () -> Json.createValue(provisioner.get("../../scim/v2/Groups?count=0").json()
                            .getInt("totalResults")), false, null));
        }
        return fields;
    }

    static final List<String> NEW_USER_FIELDS = List.of("userPrincipalName", "displayName", "email",
            "preferredLanguage", "country", "audioConferencingLicense", "provider", "thirdPartyProviderName",
            "bridgeId", "tollNumber", "tollFreeNumber", "allowTollFreeDialIn", "conferenceId");

    /** A merge-patch of one field of a resource, read before and after. */
    private static Field patch(String operation, String name, Api admin, String path, String read,
            Set<String> mayAlsoChange, Runnable undo) {
        return new Field() {
            public String operation() {
                return operation;
            }

            public String name() {
                return name;
            }

            public Outcome send(String json, JsonValue known) {
                JsonValue before = known != null ? known : admin.get(read).jsonValue();
                Api.Reply reply = admin.patch(path, "{\"" + name + "\": " + json + "}");
                return new Outcome(reply, before, admin.get(read).jsonValue());
            }

            public JsonValue shown(Outcome outcome) {
                return outcome.after().asJsonObject().get(name);
            }

            public void undo(Outcome outcome) {
                if (undo != null) {
                    undo.run();
                }
            }

            public Set<String> mayAlsoChange() {
                return mayAlsoChange;
            }
        };
    }

    /** A create with one field of a valid body replaced; what could change is counted. */
    private static Field create(String operation, String name, Api admin, String path, Supplier<String> validBody,
            Supplier<JsonValue> count, boolean rememberName) {
        return create(operation, name, admin, path, validBody, count, rememberName, null);
    }

    private static Field create(String operation, String name, Api admin, String path, Supplier<String> validBody,
            Supplier<JsonValue> count, boolean rememberName, Runnable undo) {
        return new Field() {
            public String operation() {
                return operation;
            }

            public String name() {
                return name;
            }

            public Outcome send(String json, JsonValue known) {
                JsonObject body;
                try (JsonReader reader = Json.createReader(new StringReader(validBody.get()))) {
                    body = reader.readObject();
                }
                StringBuilder text = new StringBuilder("{");
                body.forEach((k, val) -> {
                    if (!k.equals(name)) {
                        text.append('"').append(k).append("\": ").append(val).append(", ");
                    }
                });
                text.append('"').append(name).append("\": ").append(json).append('}');
                JsonValue before = known != null ? known : count.get();
                Api.Reply reply = admin.post(path, text.toString());
                if (rememberName && reply.status() == 201 && name.equals("displayName")) {
                    STORED_NAMES.put(reply.json().getString("userPrincipalName"), reply.json().get("displayName"));
                }
                return new Outcome(reply, before, count.get());
            }

            public JsonValue shown(Outcome outcome) {
                return outcome.reply().json().get(name);
            }

            public boolean sameResource() {
                return false;
            }

            public void undo(Outcome outcome) {
                if (undo != null) {
                    undo.run();
                }
            }
        };
    }

    /** A request that acts (sends, schedules, resets, issues): what could change is read around it. */
    private static Field action(String operation, String name, Api admin, String path, String validBody,
            Supplier<JsonValue> state, java.util.function.Function<Api.Reply, JsonValue> shown) {
        return new Field() {
            public String operation() {
                return operation;
            }

            public String name() {
                return name;
            }

            public Outcome send(String json, JsonValue known) {
                JsonObject body;
                try (JsonReader reader = Json.createReader(new StringReader(validBody))) {
                    body = reader.readObject();
                }
                StringBuilder text = new StringBuilder("{");
                body.forEach((k, val) -> {
                    if (!k.equals(name)) {
                        text.append('"').append(k).append("\": ").append(val).append(", ");
                    }
                });
                text.append('"').append(name).append("\": ").append(json).append('}');
                JsonValue before = known != null ? known : state.get();
                Api.Reply reply = admin.post(path, text.toString());
                return new Outcome(reply, before, state.get());
            }

            public JsonValue shown(Outcome outcome) {
                return shown.apply(outcome.reply());
            }

            public boolean sameResource() {
                return false;
            }
        };
    }

    /** Null when an accepted value was stored and shown as sent; else what is wrong. */
    private static String storedProblem(Field field, Value value, Outcome outcome) {
        JsonValue sent;
        try (JsonReader reader = Json.createReader(new StringReader(value.json()))) {
            sent = reader.readValue();
        }
        if (field.sameResource()) {
            Set<String> mayChange = new java.util.HashSet<>(field.mayAlsoChange());
            mayChange.add(field.name());
            JsonObject before = outcome.before().asJsonObject();
            JsonObject after = outcome.after().asJsonObject();
            for (String key : before.keySet()) {
                if (!mayChange.contains(key) && !before.get(key).equals(after.get(key))) {
                    return key + " changed too: " + excerpt(before.get(key).toString()) + " -> "
                            + excerpt(String.valueOf(after.get(key)));
                }
            }
        }
        if (field.name().toLowerCase(Locale.ROOT).contains("password")) {
            return sent instanceof JsonString secret && outcome.reply().body().contains(secret.getString())
                    ? "the password is echoed" : null;
        }
        JsonValue shown = field.shown(outcome);
        if (shown == null || sent.getValueType() == JsonValue.ValueType.NULL) {
            return null; // never shown, or a null that clears to a documented default
        }
        if (sent instanceof JsonString text && text.getString().isBlank()
                && shown.getValueType() == JsonValue.ValueType.NULL) {
            return null; // a blank optional text is no text
        }
        if (sent instanceof JsonString text && text.getString().isBlank() && field.operation().contains(" /scim/")) {
            return null; // SCIM: a blank attribute is an absent one, which takes its default (displayName: userName)
        }
        if (sent instanceof JsonString text && shown instanceof JsonString stored) {
            String expected = text.getString().strip();
            String actual = stored.getString();
            boolean same = actual.equals(expected) || actual.equalsIgnoreCase(expected)
                    && Set.of("country", "userPrincipalName", "username").contains(field.name());
            return same ? null : "shown as " + excerpt(actual) + " instead of " + excerpt(expected);
        }
        return sent.equals(shown) ? null : "shown as " + excerpt(shown.toString()) + " instead of " + value.json();
    }

    /** A SCIM error document (status as a string) whose detail names the attribute. */
    private static boolean scimErrorNames(Api.Reply reply, String attribute) {
        JsonObject error = reply.json();
        return error.getString("status", "").equals(String.valueOf(reply.status()))
                && error.getString("detail", "").toLowerCase(Locale.ROOT).contains(attribute.toLowerCase(Locale.ROOT));
    }

    /**
     * The same corpus through the CSV import (POST /api/v1/user-imports), one file per field with one value per line:
     * each line is either reported with its number and the field, creating nobody, or creates the user with the value
     * stored as sent (trimmed); the other lines of the file go on either way. Values that are not strings in JSON
     * have no CSV form; a CSV cell is text.
     */
    @Test
    @Order(4)
    void everyHostileValueInAnImportedCellIsReportedByLineNamingTheFieldOrStoredAsText() throws Exception {
        Api admin = new Api(base);
        Scenario scenario = new Scenario(admin, SMTP).withBridge();
        List<String> values = new ArrayList<>();
        for (Value value : CORPUS) {
            if (Json.createReader(new StringReader(value.json())).readValue() instanceof JsonString text) {
                // What arrives over HTTP as UTF-8 (an unpaired surrogate becomes '?').
                values.add(new String(text.getString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            }
        }
        List<String> wrong = new ArrayList<>();
        int reported = 0;
        int stored = 0;
        for (String field : List.of("userPrincipalName", "displayName", "email", "preferredLanguage", "country",
                "conferenceId")) {
            boolean own = !field.equals("userPrincipalName") && !field.equals("displayName");
            StringBuilder csv = new StringBuilder();
            org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(csv,
                    org.apache.commons.csv.CSVFormat.RFC4180);
            printer.printRecord(own ? List.of("userPrincipalName", "displayName", "bridgeId", field)
                    : List.of("userPrincipalName", "displayName", "bridgeId"));
            List<String> upns = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String upn = "csv" + i + "-" + field.toLowerCase(Locale.ROOT) + "." + scenario.suffix + "@contoso.com";
                String name = "Imported " + i;
                if (field.equals("userPrincipalName")) {
                    upn = values.get(i);
                } else if (field.equals("displayName")) {
                    name = values.get(i);
                }
                upns.add(upn);
                List<String> cells = new ArrayList<>(List.of(upn, name, scenario.bridgeId));
                if (own) {
                    cells.add(values.get(i));
                }
                printer.printRecord(cells);
            }
            Api.Reply reply = admin.postCsv("user-imports", csv.toString());
            if (reply.status() != 200) {
                wrong.add("import of " + field + ": answered " + reply.status() + " " + excerpt(reply.body()));
                continue;
            }
            Map<Long, List<String>> errors = new TreeMap<>();
            reply.json().getJsonArray("errors").forEach(e -> errors.computeIfAbsent(
                    e.asJsonObject().getJsonNumber("line").longValue(), k -> new ArrayList<>())
                    .add(e.asJsonObject().isNull("field") ? "-" : e.asJsonObject().getString("field")));
            for (int i = 0; i < values.size(); i++) {
                String cell = "import " + field + " = " + excerpt(values.get(i)) + " (line " + (i + 2) + ")";
                List<String> lineErrors = errors.get((long) i + 2);
                String upn = upns.get(i).strip();
                if (lineErrors != null) {
                    reported++;
                    if (!lineErrors.contains(field)) {
                        wrong.add(cell + ": reported without naming " + field + ": " + lineErrors);
                    }
                    if (!upn.isEmpty() && !upn.contains("/") && !upn.contains("?") && !upn.contains("#")
                            && upn.length() < 300 && admin.get("users/" + URLEncoder.encode(upn,
                                    StandardCharsets.UTF_8).replace("+", "%20")).status() == 200
                            && !field.equals("userPrincipalName")) {
                        wrong.add(cell + ": reported, but the user was created");
                    }
                    continue;
                }
                stored++;
                Api.Reply user = admin.get("users/" + URLEncoder.encode(upn, StandardCharsets.UTF_8)
                        .replace("+", "%20"));
                if (user.status() != 200) {
                    wrong.add(cell + ": not reported, but no user " + excerpt(upn) + " (" + user.status() + ")");
                    continue;
                }
                JsonValue shown = user.json().get(field);
                String expected = values.get(i).strip();
                String actual = shown instanceof JsonString text ? text.getString() : null;
                boolean same = expected.isEmpty() ? actual == null || !field.equals("displayName")
                        : expected.equals(actual) || actual != null && actual.equalsIgnoreCase(expected)
                                && Set.of("country", "userPrincipalName", "preferredLanguage").contains(field);
                if (!same) {
                    wrong.add(cell + ": stored as " + excerpt(String.valueOf(actual)));
                }
            }
        }
        System.out.println("[HostileInputIT] CSV import: " + reported + " lines reported naming the field, " + stored
                + " stored as text, " + wrong.size() + " wrong");
        assertTrue(wrong.isEmpty(), wrong.size() + " cases went wrong:\n" + String.join("\n", wrong));
    }

    private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile(
            "<tr[^>]*data-ri=\"\\d+\"[^>]*>\\s*<td[^>]*>(\\d+)</td>\\s*<td[^>]*>([^<]*)</td>");

    /** The line numbers and fields of a portal error table ({@code preview-errors} or {@code job-errors}). */
    private static Map<Long, List<String>> errorTable(String html, String table) {
        Map<Long, List<String>> errors = new TreeMap<>();
        int start = html.indexOf("id=\"imports:" + table + "_data\"");
        if (start < 0) {
            return null;
        }
        String body = html.substring(start, html.indexOf("</tbody>", start));
        java.util.regex.Matcher m = ROW.matcher(body);
        while (m.find()) {
            errors.computeIfAbsent(Long.parseLong(m.group(1)), k -> new ArrayList<>())
                    .add(FacesClient.unescape(m.group(2)).strip());
        }
        return errors;
    }

    /** Uploads a file to the portal's import page, as its own script does (the upload is the request's source). */
    private static FacesClient.Page uploadToPortal(FacesClient portal, String name, byte[] content) {
        FacesClient.Page page = portal.get("admin/imports.xhtml");
        assertEquals(200, page.status(), page.html());
        return portal.postFile(page, "imports", null, Map.of("jakarta.faces.source", "imports:file",
                "imports:file_totalFilesCount", "1"), "imports:file", name, content);
    }

    /**
     * The corpus through the portal's import, one file per field as above, plus what only a file can hold: bytes
     * that are not UTF-8, and a file larger than the import takes. The preview must name each bad line and the field
     * before anything is created; then the import must fail exactly the lines the preview named, and store the
     * others as text.
     */
    @Test
    @Order(5)
    void everyHostileValueInAFileUploadedToThePortalIsPreviewedByLineAndImportedAsPreviewed() throws Exception {
        Api admin = new Api(base);
        Scenario scenario = new Scenario(admin, SMTP).withBridge();
        FacesClient portal = new FacesClient(base).login("admin", Api.ADMIN_PASSWORD);
        List<String> values = new ArrayList<>();
        for (Value value : CORPUS) {
            if (Json.createReader(new StringReader(value.json())).readValue() instanceof JsonString text) {
                values.add(new String(text.getString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            }
        }
        List<String> wrong = new ArrayList<>();
        int reported = 0;
        int stored = 0;
        for (String field : List.of("userPrincipalName", "displayName", "country")) {
            boolean own = field.equals("country");
            StringBuilder csv = new StringBuilder();
            org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(csv,
                    org.apache.commons.csv.CSVFormat.RFC4180);
            printer.printRecord(own ? List.of("userPrincipalName", "displayName", "bridgeId", field)
                    : List.of("userPrincipalName", "displayName", "bridgeId"));
            List<String> upns = new ArrayList<>();
            List<String> sent = new ArrayList<>(values);
            for (int i = 0; i < values.size(); i++) {
                String upn = "portal" + i + "-" + field.toLowerCase(Locale.ROOT) + "." + scenario.suffix
                        + "@contoso.com";
                String name = "Uploaded " + i;
                if (field.equals("userPrincipalName")) {
                    upn = values.get(i);
                } else if (field.equals("displayName")) {
                    name = values.get(i);
                }
                upns.add(upn);
                List<String> cells = new ArrayList<>(List.of(upn, name, scenario.bridgeId));
                if (own) {
                    cells.add(values.get(i));
                }
                printer.printRecord(cells);
            }
            // A good line, so that there is always something to import (values that are good UPNs were created by
            // the tests before, and fail here as taken: the preview must say so too).
            String control = "control-" + field.toLowerCase(Locale.ROOT) + "." + scenario.suffix + "@contoso.com";
            printer.printRecord(own ? List.of(control, "Control", scenario.bridgeId, "US")
                    : List.of(control, "Control", scenario.bridgeId));
            upns.add(control);
            sent.add(field.equals("userPrincipalName") ? control : field.equals("displayName") ? "Control" : "US");
            java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
            file.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
            if (field.equals("displayName")) {
                // Latin-1, not UTF-8: the byte 0xEB reads as U+FFFD.
                String upn = "latin1-displayname." + scenario.suffix + "@contoso.com";
                file.writeBytes((upn + ",Zo").getBytes(StandardCharsets.US_ASCII));
                file.write(0xEB);
                file.writeBytes(("," + scenario.bridgeId + "\r\n").getBytes(StandardCharsets.US_ASCII));
                upns.add(upn);
                sent.add("Zo\uFFFD");
            }
            FacesClient.Page previewed = uploadToPortal(portal, field + ".csv", file.toByteArray());
            Map<Long, List<String>> preview = errorTable(previewed.html(), "preview-errors");
            if (previewed.status() != 200 || preview == null) {
                wrong.add("upload of " + field + ": no preview (" + previewed.status() + ") "
                        + excerpt(previewed.html().replaceAll("(?s)<[^>]+>", " ").replaceAll("\\s+", " ")));
                continue;
            }
            for (int i = 0; i < upns.size(); i++) {
                String upn = upns.get(i).strip();
                if (!field.equals("userPrincipalName") && upn.length() < 300
                        && admin.get("users/" + URLEncoder.encode(upn, StandardCharsets.UTF_8).replace("+", "%20"))
                        .status() != 404) {
                    wrong.add(field + " line " + (i + 2) + ": a user exists after the preview alone");
                }
            }
            FacesClient.Page started = portal.post(previewed, "imports", "imports:start", Map.of());
            assertEquals(200, started.status(), started.html());
            // The newest import comes first in the list.
            String job = started.html().replaceAll("(?s).*?imports\\.xhtml\\?job=([0-9a-f-]{36}).*", "$1");
            assertTrue(job.length() == 36, () -> "a job link after starting " + field + ".csv: " + started.status()
                    + " " + started.html().substring(Math.max(0, started.html().indexOf("imports:messages")))
                    .replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<[^>]+>", " ")
                    .replaceAll("\\s+", " "));
            assertTrue(Api.eventually(Duration.ofSeconds(120), () -> portal.get("admin/imports.xhtml?job=" + job)
                    .html().contains("id=\"imports:job-state\" class=\"cm-status-DONE\"")), field + ".csv is imported");
            Map<Long, List<String>> imported = errorTable(portal.get("admin/imports.xhtml?job=" + job).html(),
                    "job-errors");
            if (!preview.keySet().equals(imported.keySet())) {
                String page = portal.get("admin/imports.xhtml?job=" + job).html();
                String errors = page.substring(page.indexOf("imports:job-errors_data")).replaceAll("(?s)<[^>]+>", " ")
                        .replaceAll("\\s+", " ");
                wrong.add(field + ".csv: the preview named lines " + preview.keySet() + ", the import failed "
                        + imported.keySet() + ": " + excerpt(errors));
            }
            for (int i = 0; i < upns.size(); i++) {
                long line = i + 2;
                String value = sent.get(i);
                String cell = "portal " + field + " = " + excerpt(value) + " (line " + line + ")";
                List<String> lineErrors = preview.get(line);
                if (lineErrors != null) {
                    reported++;
                    if (!lineErrors.contains(field) && !(field.equals("userPrincipalName") && lineErrors.contains("email"))) {
                        wrong.add(cell + ": previewed without naming " + field + ": " + lineErrors);
                    }
                    continue;
                }
                stored++;
                String upn = upns.get(i).strip();
                Api.Reply user = admin.get("users/" + URLEncoder.encode(upn, StandardCharsets.UTF_8)
                        .replace("+", "%20"));
                if (user.status() != 200) {
                    wrong.add(cell + ": not previewed as failing, but no user " + excerpt(upn) + " ("
                            + user.status() + ")");
                    continue;
                }
                JsonValue shown = user.json().get(field);
                String expected = value.strip();
                String actual = shown instanceof JsonString text ? text.getString() : null;
                boolean same = expected.isEmpty() ? actual == null || !field.equals("displayName")
                        : expected.equals(actual) || actual != null && actual.equalsIgnoreCase(expected)
                                && Set.of("country", "userPrincipalName").contains(field);
                if (!same) {
                    wrong.add(cell + ": stored as " + excerpt(String.valueOf(actual)));
                }
            }
        }

        // Larger than CONFMAIL_MAX_REQUEST_BYTES (2 MiB in the tests): refused before it is read; nobody created.
        String big = "big." + scenario.suffix + "@contoso.com";
        byte[] tooLarge = ("userPrincipalName,displayName\n" + big + "," + "x".repeat(2_200_000) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        FacesClient.Page refused = uploadToPortal(portal, "big.csv", tooLarge);
        assertEquals(413, refused.status(), excerpt(refused.html()));
        assertEquals(404, admin.get("users/" + big).status());

        System.out.println("[HostileInputIT] portal import: " + reported + " lines previewed as failing, " + stored
                + " stored as text, " + wrong.size() + " wrong");
        assertTrue(wrong.isEmpty(), wrong.size() + " cases went wrong:\n" + String.join("\n", wrong));
    }

    private static boolean namesField(Api.Reply reply, String field) {
        JsonObject problem = reply.json();
        return problem.containsKey("errors") && problem.getJsonArray("errors").stream()
                .anyMatch(e -> e.asJsonObject().getString("field").equals(field));
    }

    private static String number(Scenario scenario, AtomicInteger counter) {
        return "+1312" + String.format("%07d", Math.floorMod((scenario.suffix + "n" + counter.incrementAndGet())
                .hashCode(), 10_000_000));
    }

    private static String excerpt(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…(" + text.length() + " chars)" : text;
    }

}
