package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.confmail.it.support.AppProcess;
import org.confmail.it.support.PostgresDatabase;
import org.confmail.jitsi.JitsiMeetClient;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database, as behind a load balancer, asked about the same new Jitsi rooms at the
 * same moment, several times each and in different spellings: every room gets one ID, which both instances answer
 * and the database holds in one row (its unique constraints decide), and refused requests store nothing.
 *
 * <p>Runs in the extended profile's PostgreSQL system-test run (H2 files cannot be shared by two processes); it
 * makes a database of its own on that server and drops it afterwards. Logs: {@code target/it-apps/jitsi-a-*.log},
 * {@code jitsi-b-*}.
 */
class JitsiInstancesIT {

    static final String MUC = "conference.meet.confmail.test";
    static final String MEET = "https://meet.confmail.test";
    static final int ROOMS = 10;
    static final int ASKERS_PER_ROOM = 6;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void twoInstancesAskedAtOnceAgreeOnOneIdPerRoom() throws Exception {
        PostgresDatabase database = PostgresDatabase.create("confmail_jitsi");
        Path work = Files.createDirectories(Path.of(System.getProperty("confmail.it.work", "target/it-work")))
                .resolve("jitsi-instances-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work.resolve("a"));
        Files.createDirectories(work.resolve("b"));
        Map<String, String> settings = new HashMap<>(database.settings(database.url()));
        settings.put("CONFMAIL_JITSI_MUC_HOSTS", MUC);
        ExecutorService pool = Executors.newFixedThreadPool(ROOMS * ASKERS_PER_ROOM);
        try (AppProcess a = new AppProcess("jitsi-a", work.resolve("a"), settings);
                AppProcess b = new AppProcess("jitsi-b", work.resolve("b"), settings)) {
            // Started together: both migrate the one database (Flyway locks it) and come up.
            Future<?> startA = pool.submit(() -> a.start(Duration.ofMinutes(4)));
            b.start(Duration.ofMinutes(4));
            startA.get();
            List<String> roots = List.of(root(a), root(b));
            long storedBefore = storedRooms(database);

            String tag = UUID.randomUUID().toString().substring(0, 8);
            CountDownLatch go = new CountDownLatch(1);
            Map<String, List<Future<String>>> answers = new LinkedHashMap<>();
            for (int r = 0; r < ROOMS; r++) {
                String room = "Team-" + r + "-" + tag;
                List<Future<String>> ids = new ArrayList<>();
                for (int i = 0; i < ASKERS_PER_ROOM; i++) {
                    String instance = roots.get(i % 2);
                    String spelling = i % 3 == 0 ? room.toUpperCase() : room;
                    ids.add(pool.submit(() -> {
                        go.await();
                        return JitsiMeetClient.conferenceId(map(instance, JitsiMeetClient.conferenceMapperQuery(
                                spelling, MUC, MEET + "/" + spelling))).orElseThrow();
                    }));
                }
                answers.put(room.toLowerCase(), ids);
            }
            go.countDown();
            Map<String, String> idOf = new LinkedHashMap<>();
            for (Map.Entry<String, List<Future<String>>> room : answers.entrySet()) {
                Set<String> distinct = new HashSet<>();
                for (Future<String> id : room.getValue()) {
                    distinct.add(id.get());
                }
                assertEquals(1, distinct.size(), room.getKey() + " has one ID on both instances: " + distinct);
                idOf.put(room.getKey(), distinct.iterator().next());
            }
            assertEquals(ROOMS, new HashSet<>(idOf.values()).size(), "every room its own ID: " + idOf);

            Map<String, String> expected = new HashMap<>();
            idOf.forEach((room, id) -> expected.put(room + "@" + MUC, id));
            assertEquals(expected, storedRoomsTagged(database, tag),
                    "one row per room, holding the ID both instances answered");
            for (Map.Entry<String, String> room : idOf.entrySet()) {
                for (String root : roots) {
                    JsonObject reverse = json(get(root + "/jitsi/conference-mapper?id=" + room.getValue()).body());
                    assertEquals(room.getKey() + "@" + MUC, reverse.getString("conference"), root);
                }
            }
            for (String root : roots) {
                for (String query : JitsiRestartIT.HOSTILE) {
                    assertEquals(400, get(root + "/jitsi/conference-mapper?" + query).statusCode(), query);
                }
            }
            assertEquals(storedBefore + ROOMS, storedRooms(database), "refused requests stored nothing");
        } finally {
            pool.shutdownNow();
            database.close();
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

    private static long storedRooms(PostgresDatabase database) {
        return database.count("SELECT COUNT(*) FROM jitsi_room");
    }

    private static Map<String, String> storedRoomsTagged(PostgresDatabase database, String tag) {
        return database.pairs("SELECT conference, conference_id FROM jitsi_room WHERE conference LIKE '%-" + tag
                + "@%'");
    }
}
