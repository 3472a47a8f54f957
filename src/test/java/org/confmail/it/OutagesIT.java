package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.HashMap;
import org.confmail.it.support.AppProcess;
import org.confmail.it.support.PostgresDatabase;
import org.confmail.it.support.SmtpTestServer;
import org.confmail.it.support.TcpProxy;
import org.confmail.it.support.TestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One instance on PostgreSQL and a shared broker, each of which goes away for 30 s while requests keep coming, as
 * in a database failover or a broker restart in production. PostgreSQL belongs to the machine, so the test cuts
 * the network to it ({@link TcpProxy}: open connections reset, new ones refused); the broker is the test's own and
 * is stopped. What must hold: no request gets a 500; while the database is away requests get 503 with a problem
 * document and {@code Retry-After} and change nothing, and the instance is unready; while the broker is away requests
 * are still accepted and the instance stays ready; afterwards delivery resumes by itself, every accepted email
 * arrives, and only those in flight at the cut may arrive twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutagesIT {

    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final int CONCURRENCY = 3;

    PostgresDatabase database;
    TcpProxy toPostgres;
    SmtpTestServer smtp;
    TestBroker broker;
    AppProcess app;
    Api api;
    String upn;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("confmail.it.work", "target/it-work")))
                .resolve("outages-" + UUID.randomUUID().toString().substring(0, 8));
        database = PostgresDatabase.create("confmail_outages");
        toPostgres = new TcpProxy(PostgresDatabase.host(), PostgresDatabase.port());
        smtp = SmtpTestServer.start();
        broker = new TestBroker(work.resolve("broker"), AppProcess.freePort()).start();
        Map<String, String> settings = new HashMap<>(database.settings(database.url("127.0.0.1", toPostgres.port())));
        settings.putAll(Map.of(
                "CONFMAIL_BROKER_URL", broker.url(),
                "CONFMAIL_SMTP_HOST", "127.0.0.1",
                "CONFMAIL_SMTP_PORT", String.valueOf(smtp.port()),
                "CONFMAIL_DELIVERY_CONCURRENCY", String.valueOf(CONCURRENCY),
                "CONFMAIL_OUTBOX_SWEEP_INTERVAL", "PT1S",
                "CONFMAIL_OUTBOX_STALE_AFTER", "PT10S",
                "CONFMAIL_RETRY_INITIAL_DELAY", "PT1S",
                "CONFMAIL_MANUAL_EMAILS_PER_USER_PER_HOUR", "100000",
                "CONFMAIL_MANUAL_EMAILS_PER_CALLER_PER_HOUR", "100000"));
        app = new AppProcess("outages", work.resolve("app"), settings);
        Files.createDirectories(work.resolve("app"));
        app.start(Duration.ofMinutes(5));
        api = new Api(app.url(), "admin", AppProcess.ADMIN_PASSWORD);
        Scenario scenario = new Scenario(api, null).withBridge();
        assertEquals(200, api.patch("tenant/dial-in-settings", "{\"automaticallySendEmailsToUsers\": false}").status());
        upn = scenario.createUser("outages", null).getString("userPrincipalName");
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {app, broker, smtp, toPostgres, database}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void aThirtySecondDatabaseOutageAnswers503ChangesNothingAndDeliveryResumesByItself() throws Exception {
        smtp.reset();
        smtp.delayData(200);
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            accepted.add(send().json().getString("emailId"));
        }
        toPostgres.cut();
        long cutAt = System.nanoTime();
        Map<Integer, Integer> statuses = new TreeMap<>();
        boolean sawUnready = false;
        JsonObject problem = null;
        String retryAfter = null;
        long slowestMillis = 0;
        while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
            long requestedAt = System.nanoTime();
            Api.Reply reply = send();
            slowestMillis = Math.max(slowestMillis, (System.nanoTime() - requestedAt) / 1_000_000);
            statuses.merge(reply.status(), 1, Integer::sum);
            if (reply.status() == 202) {
                accepted.add(reply.json().getString("emailId"));
            } else if (reply.status() == 503) {
                problem = reply.json();
                retryAfter = reply.header("Retry-After");
            }
            sawUnready |= readiness() == 503;
            Thread.sleep(250);
        }
        toPostgres.restore();
        System.out.println("[OutagesIT] database away for " + OUTAGE.toSeconds() + " s: answers " + statuses
                + ", the slowest after " + slowestMillis + " ms");

        assertFalse(statuses.containsKey(500), "no request failed with 500: " + statuses);
        assertTrue(statuses.getOrDefault(503, 0) > 0, "requests got 503 while the database was away: " + statuses);
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 202 || s == 503), "only 202 or 503: " + statuses);
        assertEquals("Database unavailable", problem.getString("title"));
        assertEquals(503, problem.getInt("status"));
        assertTrue(retryAfter != null && Integer.parseInt(retryAfter) > 0, "Retry-After: " + retryAfter);
        assertTrue(sawUnready, "the instance was unready while the database was away");
        assertTrue(slowestMillis < 5_000, "the 503 comes at once, not after retries: " + slowestMillis + " ms");

        long backAt = System.nanoTime();
        assertTrue(Api.eventually(Duration.ofSeconds(60), () -> readiness() == 200), "ready again");
        System.out.printf("[OutagesIT] ready again %.1f s after the database came back%n",
                (System.nanoTime() - backAt) / 1e9);
        assertEquals(202, send().status(), "requests are accepted again");
        assertTrue(Api.eventually(Duration.ofSeconds(90), () -> sent() == emailsOfUser()),
                "every stored email was sent after the outage");
        assertEquals(accepted.size() + 1, emailsOfUser(),
                "exactly the accepted requests were stored: none lost, nothing from a refused one");
        for (String id : accepted) {
            JsonObject email = api.get("emails/" + id).json();
            assertEquals("SENT", email.getString("status"), email.toString());
            assertTrue(smtp.acceptedCount(email.getString("messageId")) >= 1, "reached the SMTP server: " + id);
        }
        long duplicates = accepted.stream().mapToLong(id -> smtp.acceptedCount(
                api.get("emails/" + id).json().getString("messageId")) - 1).sum();
        System.out.println("[OutagesIT] after the database outage: " + accepted.size() + " accepted, all sent, "
                + duplicates + " delivered twice");
        assertTrue(duplicates <= CONCURRENCY, "at most the emails in flight at the cut went twice: " + duplicates);
    }

    @Test
    @Order(2)
    void aThirtySecondBrokerOutageKeepsAcceptingStaysReadyAndLosesNothing() throws Exception {
        smtp.reset();
        smtp.delayData(50);
        long before = emailsOfUser();
        broker.stop();
        long stoppedAt = System.nanoTime();
        List<String> accepted = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        boolean alwaysReady = true;
        boolean sawUnreachable = false;
        while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
            Api.Reply reply = send();
            statuses.merge(reply.status(), 1, Integer::sum);
            if (reply.status() == 202) {
                accepted.add(reply.json().getString("emailId"));
            }
            alwaysReady &= readiness() == 200;
            sawUnreachable |= !brokerReachable();
            Thread.sleep(250);
        }
        broker.start();
        System.out.println("[OutagesIT] broker away for " + OUTAGE.toSeconds() + " s: answers " + statuses
                + "; sent during the outage: " + smtp.accepted().size());
        assertEquals(Map.of(202, accepted.size()), statuses, "every request was accepted while the broker was away");
        assertTrue(alwaysReady, "the instance stayed ready: requests do not need the broker");
        assertTrue(sawUnreachable, "health said the broker was unreachable");

        long backAt = System.nanoTime();
        assertTrue(Api.eventually(Duration.ofSeconds(90), () -> sent() == emailsOfUser()),
                "every email was sent after the broker came back");
        System.out.printf("[OutagesIT] all %d emails of the broker outage sent %.1f s after it came back%n",
                accepted.size(), (System.nanoTime() - backAt) / 1e9);
        assertEquals(before + accepted.size(), emailsOfUser());
        long duplicates = 0;
        for (String id : accepted) {
            long count = smtp.acceptedCount(api.get("emails/" + id).json().getString("messageId"));
            assertTrue(count >= 1, "reached the SMTP server: " + id);
            duplicates += count - 1;
        }
        assertEquals(0, duplicates, "nothing was sent twice");
        assertTrue(Api.eventually(Duration.ofSeconds(20), this::brokerReachable), "health says reachable again");
        String after = send().json().getString("emailId");
        assertTrue(Api.eventually(Duration.ofSeconds(30),
                () -> "SENT".equals(api.get("emails/" + after).json().getString("status"))),
                "a new request is delivered at once again");
    }

    private Api.Reply send() {
        return api.post("users/" + upn + "/conference-info-email", null);
    }

    private long sent() {
        return api.get("emails?user=" + upn + "&status=SENT&size=1").json().getJsonNumber("total").longValue();
    }

    private long emailsOfUser() {
        return database.count("SELECT COUNT(*) FROM outbox_email WHERE kind = 'CONFERENCE_INFO'");
    }

    /** The status an anonymous orchestrator's readiness probe gets. */
    private int readiness() {
        try {
            return http.send(HttpRequest.newBuilder(app.url().toURI().resolve("health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private boolean brokerReachable() {
        JsonObject ready = api.get("../../health/ready").json();
        return ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("broker")).findFirst().orElseThrow()
                .getJsonObject("data").get("reachable").toString().contains("true");
    }
}
