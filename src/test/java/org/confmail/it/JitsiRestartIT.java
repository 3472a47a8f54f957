package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confmail.it.support.AppProcess;
import org.confmail.jitsi.JitsiMeetClient;
import org.junit.jupiter.api.Test;

/**
 * The conference mapper on the runnable jar as operators start it: a room keeps its ID when confmail is killed and
 * started again on its data, and malformed Jitsi settings stop the start naming each variable. (Two instances on
 * one database: {@link JitsiInstancesIT}.) Logs: {@code target/it-apps/jitsi-*.log}.
 */
class JitsiRestartIT {

    static final String MUC = "conference.meet.confmail.test";
    static final String MEET = "https://meet.confmail.test";

    /** Requests that must be refused and store nothing. */
    static final List<String> HOSTILE = List.of(
            "conference=a%0D%0AX-Injected:%201%40" + MUC,
            "conference=%3Cscript%3Ealert(1)%3C%2Fscript%3E%40" + MUC,
            "conference=" + "x".repeat(3000) + "%40" + MUC,
            "conference=standup%40conference.elsewhere.example",
            "id=%3Cb%3E");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aRoomKeepsItsIdWhenConfmailIsKilledAndStartedAgain() throws Exception {
        Path work = workDir("jitsi-restart");
        try (AppProcess app = new AppProcess("jitsi-restart", work.resolve("app"),
                Map.of("CONFMAIL_JITSI_MUC_HOSTS", MUC))) {
            app.start(Duration.ofMinutes(3));
            String root = root(app);
            Map<String, String> ids = new LinkedHashMap<>();
            Map<String, String> jids = new HashMap<>();
            for (String room : List.of("Standup", "Caf%C3%A9", "日本語の部屋", "100%25", "my%20room")) {
                JsonObject mapping = map(root, JitsiMeetClient.conferenceMapperQuery(room, MUC, MEET + "/" + room));
                ids.put(room, JitsiMeetClient.conferenceId(mapping).orElseThrow());
                jids.put(room, mapping.getString("conference"));
            }
            for (String query : HOSTILE) {
                assertEquals(400, get(root + "/jitsi/conference-mapper?" + query).statusCode(), query);
            }
            // Killed right after answering: an answered mapping was committed before the answer left.
            app.kill();

            app.start(Duration.ofMinutes(3));
            String again = root(app);
            Map<String, String> otherSpellings = Map.of("Standup", "STANDUP", "Caf%C3%A9", "café",
                    "日本語の部屋", "%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%81%AE%E9%83%A8%E5%B1%8B", "100%25", "100%2525",
                    "my%20room", "My Room");
            for (Map.Entry<String, String> room : ids.entrySet()) {
                JsonObject mapping = map(again, JitsiMeetClient.conferenceMapperQuery(
                        otherSpellings.get(room.getKey()), MUC, MEET));
                assertEquals(room.getValue(), JitsiMeetClient.conferenceId(mapping).orElseThrow(), room.getKey());
                JsonObject reverse = json(get(again + "/jitsi/conference-mapper?id=" + room.getValue()).body());
                assertEquals(jids.get(room.getKey()), reverse.getString("conference"), room.getKey());
            }
            String fresh = JitsiMeetClient.conferenceId(map(again, JitsiMeetClient.conferenceMapperQuery(
                    "after-the-restart", MUC, MEET))).orElseThrow();
            assertFalse(ids.containsValue(fresh), "a new room gets a new ID: " + fresh + " " + ids);
        }
    }

    @Test
    void refusesToStartWithMalformedJitsiSettingsNamingEachVariable() throws Exception {
        Path work = workDir("jitsi-settings");
        try (AppProcess app = new AppProcess("jitsi-settings", work.resolve("app"), Map.of(
                "CONFMAIL_JITSI_ALLOWED_ORIGINS", "https://meet.example.com/, *",
                "CONFMAIL_JITSI_MUC_HOSTS", "conference.meet.example.com, muc host",
                "CONFMAIL_JITSI_SIP_URI_TEMPLATE", "sip:jitsi@sip.example.com"))) {
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalStateException.class, () -> app.start(Duration.ofMinutes(3)));
            String log = refused.getMessage();
            assertTrue(log.contains("confmail exited with 2 during start"), log);
            assertTrue(log.contains("CONFMAIL_JITSI_ALLOWED_ORIGINS='https://meet.example.com/, *' must be * alone"),
                    log);
            assertTrue(log.contains("CONFMAIL_JITSI_MUC_HOSTS='conference.meet.example.com, muc host'"
                    + " 'muc host' is not a host name"), log);
            assertTrue(log.contains("CONFMAIL_JITSI_SIP_URI_TEMPLATE='sip:jitsi@sip.example.com' must be a SIP URI"
                    + " with {id} or {room} in it"), log);
        }
    }

    private JsonObject map(String root, String query) {
        HttpResponse<String> response = get(root + "/jitsi/conference-mapper?" + query);
        assertEquals(200, response.statusCode(), query + " -> " + response.body());
        JsonObject mapping = json(response.body());
        assertTrue(JitsiMeetClient.conferenceId(mapping).isPresent(), response.body());
        return mapping;
    }

    private HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String root(AppProcess app) {
        return app.url().toString().replaceAll("/$", "");
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static Path workDir(String name) throws IOException {
        Path work = Files.createDirectories(Path.of(System.getProperty("confmail.it.work", "target/it-work")))
                .resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work.resolve("app"));
        return work;
    }
}
