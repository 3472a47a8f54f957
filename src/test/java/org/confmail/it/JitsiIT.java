package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.confmail.jitsi.JitsiMeetClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Jitsi Meet's two calls on a running confmail, made as Jitsi Meet makes them (the room put into the query as the
 * client holds it, unencoded, then %-encoded by fetch) and read as its client reads them: the numbers list, the
 * conference mapper and its reverse lookup, one ID per room whatever the spelling and however many ask at once,
 * refusals in Jitsi's format, CORS, and a real browser on another origin reading both answers.
 * The server runs with CONFMAIL_JITSI_MUC_HOSTS=conference.meet.confmail.test, origins https://meet.confmail.test
 * and http://127.0.0.1:{confmail.it.jitsi.page.port}, and a SIP URI template (see the failsafe configuration).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JitsiIT {

    static final String MUC = "conference.meet.confmail.test";
    static final String MEET = "https://meet.confmail.test";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Api api;
    private String root;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        root = base.toString().replaceAll("/$", "");
    }

    // The numbers list.

    @Test
    void listsTheBridgesNumbersAsJitsiMeetReadsThemAndAsTheEmailsWriteThem() {
        Scenario scenario = new Scenario(api, null).withBridge();
        HttpResponse<String> response = get("/jitsi/dial-in-numbers?bridgeId=" + scenario.bridgeId + "&"
                + JitsiMeetClient.numbersQuery("Standup", MUC), null);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonValue answer = json(response.body());
        assertTrue(JitsiMeetClient.isCurrentNumbersFormat(answer), response.body());
        assertTrue(JitsiMeetClient.numbersEnabled(answer));
        Map<String, List<JsonObject>> byCountry = JitsiMeetClient.byCountry(answer);
        assertEquals(List.of("US", "FR"), List.copyOf(byCountry.keySet()), "the default's country first");
        assertEquals("flag iti-flag us", JitsiMeetClient.flagClass(byCountry.get("US")));
        JsonArray numbers = answer.asJsonArray();
        assertEquals(3, numbers.size());
        assertEquals(List.of(true, false, false), numbers.stream()
                .map(n -> n.asJsonObject().getBoolean("default")).toList());
        assertEquals(List.of(false, false, true), numbers.stream()
                .map(n -> n.asJsonObject().getBoolean("tollFree")).toList(), "FR toll, then FR toll-free");

        // The emails' formatting, for a reader in a country none of the numbers is in: a meeting's dial-in
        // information is built by the code the emails use.
        String upn = scenario.createUser("jitsi", "\"country\": \"DE\", \"tollNumber\": \"" + scenario.frToll
                + "\", \"tollFreeNumber\": \"" + scenario.frTollFree + "\"").getString("userPrincipalName");
        Api.Reply meeting = api.post("users/" + upn + "/meetings", null);
        assertEquals(201, meeting.status(), meeting.body());
        Set<String> asEmailed = meeting.json().getJsonArray("dialInNumbers").stream()
                .map(n -> n.asJsonObject().getString("formatted")).collect(Collectors.toSet());
        Set<String> asListed = numbers.stream().map(n -> n.asJsonObject().getString("formattedNumber"))
                .collect(Collectors.toSet());
        assertEquals(2, asEmailed.size(), meeting.body());
        assertTrue(asListed.containsAll(asEmailed), asListed + " holds " + asEmailed);
        assertEquals(JitsiMeetClient.defaultPhoneNumber(answer), numbers.getJsonObject(0).getString("formattedNumber"));
    }

    @Test
    void withoutABridgeIdListsTheDefaultBridge() {
        Optional<String> defaultId = defaultBridgeId();
        if (defaultId.isEmpty()) {
            new Scenario(api, null).withBridge();  // the first bridge is the default
            defaultId = defaultBridgeId();
        }
        HttpResponse<String> plain = get("/jitsi/dial-in-numbers", null);
        HttpResponse<String> explicit = get("/jitsi/dial-in-numbers?bridgeId=" + defaultId.orElseThrow(), null);
        assertEquals(200, plain.statusCode(), plain.body());
        assertEquals(json(explicit.body()), json(plain.body()));
    }

    private Optional<String> defaultBridgeId() {
        return ((JsonArray) api.get("bridges").jsonValue()).stream().map(JsonValue::asJsonObject)
                .filter(b -> b.getBoolean("isDefault")).findFirst().map(b -> b.getString("id"));
    }

    @Test
    void refusesAnUnknownOrMalformedBridgeIdInJitsisFormat() {
        assertRefused(get("/jitsi/dial-in-numbers?bridgeId=" + UUID.randomUUID(), null), 404, "There is no bridge");
        assertRefused(get("/jitsi/dial-in-numbers?bridgeId=%3Cscript%3E", null), 400, "bridgeId must be");
    }

    // The conference mapper.

    @Test
    void givesARoomOneIdWhateverTheCaseTheUnicodeFormOrTheEncoding() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // A meeting page holds its address's path segment, %-encoded as the browser has it; the dial-in page
        // holds the decoded name; someone may type any case; the JID can be passed back encoded once more.
        JsonObject first = map(JitsiMeetClient.conferenceMapperQuery("Caf%C3%A9-" + tag, MUC,
                MEET + "/Caf%C3%A9-" + tag));
        String id = JitsiMeetClient.conferenceId(first).orElseThrow(() -> new AssertionError(first.toString()));
        assertTrue(id.matches("[1-9][0-9]{6,9}"), id);
        assertEquals("caf%c3%a9-" + tag + "@" + MUC, first.getString("conference"));
        assertEquals("sip:" + id + "@sip.confmail.test", first.getString("sipUri"));

        for (String query : List.of(
                JitsiMeetClient.conferenceMapperQuery("café-" + tag, MUC, MEET + "/caf%C3%A9-" + tag),
                JitsiMeetClient.conferenceMapperQuery("CAFÉ-" + tag.toUpperCase(), MUC.toUpperCase(), MEET),
                JitsiMeetClient.conferenceMapperQuery("cafe\u0301-" + tag, MUC, MEET),
                "conference=" + java.net.URLEncoder.encode(first.getString("conference"), StandardCharsets.UTF_8))) {
            JsonObject again = map(query);
            assertEquals(Optional.of(id), JitsiMeetClient.conferenceId(again), query + " -> " + again);
            assertEquals(first.getString("conference"), again.getString("conference"), query);
        }
        JsonObject other = map(JitsiMeetClient.conferenceMapperQuery("cafe-" + tag, MUC, MEET));
        assertNotEquals(id, JitsiMeetClient.conferenceId(other).orElseThrow(), "café and cafe are two rooms");
    }

    @Test
    void answersTheRoomOfAnIdForTheDialInSide() {
        String room = "Weekly-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject mapping = map(JitsiMeetClient.conferenceMapperQuery(room, MUC, MEET + "/" + room));
        String id = JitsiMeetClient.conferenceId(mapping).orElseThrow();

        for (String parameter : List.of("id", "cid")) {
            HttpResponse<String> reverse = get("/jitsi/conference-mapper?" + parameter + "=" + id, null);
            assertEquals(200, reverse.statusCode(), reverse.body());
            assertEquals(mapping, json(reverse.body()), parameter);
        }
        HttpResponse<String> unknown = get("/jitsi/conference-mapper?id=" + unusedId(), null);
        assertEquals(200, unknown.statusCode(), unknown.body());
        JsonObject none = json(unknown.body()).asJsonObject();
        assertEquals(JsonValue.FALSE, none.get("conference"), "Jitsi's API: conference false for an unknown ID");
        assertFalse(none.containsKey("id"));
        assertEquals(Optional.empty(), JitsiMeetClient.conferenceId(none));
    }

    @Test
    void concurrentFirstRequestsForOneRoomGetOneId() throws Exception {
        String room = "rush-" + UUID.randomUUID().toString().substring(0, 8);
        int requests = 16;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String spelling = i % 2 == 0 ? room : room.toUpperCase();
                ids.add(pool.submit(() -> {
                    go.await();
                    return JitsiMeetClient.conferenceId(map(JitsiMeetClient.conferenceMapperQuery(spelling, MUC,
                            MEET))).orElseThrow();
                }));
            }
            go.countDown();
            Set<String> distinct = new java.util.HashSet<>();
            for (Future<String> id : ids) {
                distinct.add(id.get());
            }
            assertEquals(1, distinct.size(), "one ID for one room: " + distinct);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aUserCannotTakeARoomsId() {
        Scenario scenario = new Scenario(api, null).withBridge();
        String upn = scenario.createUser("idclash", "\"country\": \"US\"").getString("userPrincipalName");
        String id = JitsiMeetClient.conferenceId(map(JitsiMeetClient.conferenceMapperQuery(
                "clash-" + scenario.suffix, MUC, MEET))).orElseThrow();

        Api.Reply taken = api.patch("users/" + upn, "{\"conferenceId\": \"" + id + "\"}");
        assertEquals(409, taken.status(), taken.body());
        assertTrue(taken.body().contains("conference ID " + id + " is taken"), taken.body());
    }

    @Test
    void refusesMissingMalformedAndHostileParametersWithAMessageAndNoId() {
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("", "Give conference=");
        refused.put("conference=&id=", "Give conference=");
        refused.put("url=" + MEET, "Give conference=");
        refused.put("conference=standup", "must be <room>@<MUC host>");
        refused.put("conference=%40" + MUC, "empty");
        refused.put("conference=standup%40conference.elsewhere.example", "maps the rooms of " + MUC + " only");
        refused.put("conference=a%0D%0AX-Injected:%201%40" + MUC, "control characters");
        refused.put("conference=a%250D%250Ab%40" + MUC, "control characters");
        refused.put("conference=%3Cscript%3Ealert(1)%3C%2Fscript%3E%40" + MUC, "must not contain");
        refused.put("conference=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%40" + MUC, "must not contain");
        refused.put("conference=" + "a".repeat(1024) + "%40" + MUC, "too long");
        refused.put("conference=" + "a".repeat(5000) + "%40" + MUC, "too long");
        refused.put("id=12ab", "id must be a conference ID");
        refused.put("id=12345678901", "id must be a conference ID");
        refused.put("id=%3Cb%3E", "id must be a conference ID");
        refused.forEach((query, reason) -> {
            HttpResponse<String> response = get("/jitsi/conference-mapper" + (query.isEmpty() ? "" : "?" + query),
                    MEET);
            assertRefused(response, 400, reason);
            assertEquals(MEET, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                    "a refusal is readable by the page too: " + query);
        });
        assertRefused(get("/jitsi/conference-mapper", null), 400, "Give conference=");
        HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(root + "/jitsi/conference-mapper"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertRefused(post, 405, "Only GET");
        assertRefused(get("/jitsi/nothing-here", null), 404, "nothing at this address");
    }

    @Test
    void needsNoLoginAndIgnoresCredentials() {
        HttpResponse<String> anonymous = get("/jitsi/conference-mapper?" + JitsiMeetClient.conferenceMapperQuery(
                "open", MUC, MEET), null);
        assertEquals(200, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").isEmpty(), "never challenged");
        HttpResponse<String> wrongPassword = send(HttpRequest.newBuilder(URI.create(root + "/jitsi/dial-in-numbers"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        "admin:wrong".getBytes(StandardCharsets.UTF_8))));
        assertEquals(200, wrongPassword.statusCode(), wrongPassword.body());
        // And the API application does not serve Jitsi's calls, nor Jitsi's application the API.
        assertEquals(404, api.get("dial-in-numbers").status());
        assertEquals(404, get("/jitsi/users", null).statusCode());
    }

    // CORS.

    @Test
    void letsTheConfiguredOriginsReadTheAnswersAndNoOtherOne() {
        for (String path : List.of("/jitsi/dial-in-numbers", "/jitsi/conference-mapper?id=" + unusedId())) {
            HttpResponse<String> allowed = get(path, MEET);
            assertEquals(MEET, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
            assertTrue(allowed.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Origin")), path);
            assertTrue(allowed.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), path);

            HttpResponse<String> sameOriginSpeltOtherwise = get(path, "https://MEET.confmail.test:443");
            assertEquals(MEET, sameOriginSpeltOtherwise.headers().firstValue("Access-Control-Allow-Origin")
                    .orElse(null), path);
            for (String stranger : List.of("https://evil.example", "http://meet.confmail.test", "null",
                    "https://meet.confmail.test.evil.example")) {
                HttpResponse<String> refused = get(path, stranger);
                assertEquals(200, refused.statusCode(), "answered, but not readable by the page: " + stranger);
                assertTrue(refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), stranger);
            }
            assertTrue(get(path, null).headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        }
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(root + "/jitsi/conference-mapper"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", MEET).header("Access-Control-Request-Method", "GET"));
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertEquals(MEET, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("GET", preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(null));
    }

    /**
     * A real browser, on a stand-in Jitsi Meet page of another origin (http://127.0.0.1 on the test's own port),
     * fetches both answers as the Jitsi Meet page does and reads them; the same page under an origin that is not
     * configured (http://localhost on that port) gets nothing, because the browser withholds the answers.
     */
    @Test
    void aJitsiMeetPageOnAnotherOriginReadsBothAnswersInARealBrowser() throws Exception {
        String numbersUrl = root + "/jitsi/dial-in-numbers?bridgeId=" + new Scenario(api, null).withBridge().bridgeId;
        int port = Integer.parseInt(System.getProperty("confmail.it.jitsi.page.port"));
        HttpServer page = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        page.createContext("/", exchange -> {
            byte[] html = "<!doctype html><title>Stand-in Jitsi Meet</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        page.start();
        try (Browser browser = Browser.launch()) {
            String room = "Browser-" + UUID.randomUUID().toString().substring(0, 8);
            Page tab = browser.newContext(base, "en-US");
            tab.navigate("http://127.0.0.1:" + port + "/" + room);
            @SuppressWarnings("unchecked")
            Map<String, Object> read = (Map<String, Object>) tab.evaluate(JITSI_LIKE_FETCH,
                    Map.of("numbersUrl", numbersUrl, "mapperUrl", root + "/jitsi/conference-mapper", "room", room,
                            "muc", MUC));
            assertEquals(Boolean.TRUE, read.get("ok"), read.toString());
            assertTrue(String.valueOf(read.get("phoneNumber")).startsWith("+"), read.toString());
            assertTrue(String.valueOf(read.get("conferenceID")).matches("[1-9][0-9]{6,9}"), read.toString());

            tab.navigate("http://localhost:" + port + "/" + room);
            @SuppressWarnings("unchecked")
            Map<String, Object> blocked = (Map<String, Object>) tab.evaluate(JITSI_LIKE_FETCH,
                    Map.of("numbersUrl", numbersUrl, "mapperUrl", root + "/jitsi/conference-mapper", "room", room,
                            "muc", MUC));
            assertEquals(Boolean.FALSE, blocked.get("ok"), blocked.toString());
            assertTrue(String.valueOf(blocked.get("error")).contains("Failed to fetch"), blocked.toString());
        } finally {
            page.stop(0);
        }
    }

    /**
     * In the page: the two requests as Jitsi Meet's client builds them (room and MUC host written into the query
     * unencoded, after "?" or, when the configured address has a query already, "&"; the page's own address appended
     * to the mapper's), JSON read from both, and the client's test
     * for showing dial-in: a mapping with conference and id, and a number to show (the default, else the first).
     */
    static final String JITSI_LIKE_FETCH = """
            async ({numbersUrl, mapperUrl, room, muc}) => {
              try {
                const here = location.href.split('?')[0];
                const join = url => url + (url.includes('?') ? '&' : '?');
                const [numbers, mapping] = await Promise.all([
                  fetch(`${join(numbersUrl)}conference=${room}@${muc}`).then(r => r.json()),
                  fetch(`${join(mapperUrl)}conference=${room}@${muc}&url=${here}`).then(r => r.json())]);
                if (!mapping.conference || !mapping.id) {
                  return {ok: false, error: mapping.message};
                }
                const shown = numbers.find(n => n.default) || numbers[0];
                return {ok: Array.isArray(numbers) && !!shown, phoneNumber: shown && shown.formattedNumber,
                        conferenceID: String(mapping.id)};
              } catch (e) {
                return {ok: false, error: String(e)};
              }
            }""";

    // Helpers.

    private JsonObject map(String query) {
        HttpResponse<String> response = get("/jitsi/conference-mapper?" + query, MEET);
        assertEquals(200, response.statusCode(), query + " -> " + response.body());
        return json(response.body()).asJsonObject();
    }

    /** A well-formed ID that no room has: the mapper answers conference false for it. */
    private String unusedId() {
        for (int i = 0; i < 20; i++) {
            String id = String.valueOf(1_000_000_000L + (long) (Math.random() * 8_999_999_999L));
            JsonObject answer = json(get("/jitsi/conference-mapper?id=" + id, null).body()).asJsonObject();
            if (JsonValue.FALSE.equals(answer.get("conference"))) {
                return id;
            }
        }
        throw new AssertionError("no unused ID found");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String reason) {
        assertEquals(status, response.statusCode(), response.uri() + " -> " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.uri() + " answers JSON: " + response.headers());
        JsonObject body = json(response.body()).asJsonObject();
        assertEquals(Set.of("message"), body.keySet(), response.body());
        assertTrue(body.getString("message").contains(reason), response.uri() + " -> " + response.body());
        assertEquals(Optional.empty(), JitsiMeetClient.conferenceId(body));
    }

    private HttpResponse<String> get(String pathAndQuery, String origin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + pathAndQuery));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request.GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonValue json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
