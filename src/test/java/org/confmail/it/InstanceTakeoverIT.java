package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.confmail.it.support.AppProcess;
import org.confmail.it.support.PostgresDatabase;
import org.confmail.it.support.SmtpTestServer;
import org.confmail.it.support.TestBroker;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database and one broker, as behind a load balancer; one is killed with SIGKILL
 * while it is sending. The survivor must take over the emails the dead one had claimed within 30 s (its heartbeat
 * stops; the claim lease, five minutes here as by default, is not what brings them back), every email must reach
 * the SMTP server, and only the ones in flight at the kill may arrive twice.
 *
 * <p>Runs in the extended profile's PostgreSQL system-test run (H2 files cannot be shared by two processes); it
 * makes a database of its own on that server and drops it afterwards.
 */
class InstanceTakeoverIT {

    static final int EMAILS = 300;
    static final int CONCURRENCY = 4;

    @Test
    void aKilledInstancesClaimsAreTakenOverWithinThirtySeconds() throws Exception {
        PostgresDatabase database = PostgresDatabase.create("confmail_takeover");
        Path work = Files.createDirectories(Path.of(System.getProperty("confmail.it.work", "target/it-work")))
                .resolve("takeover-" + UUID.randomUUID().toString().substring(0, 8));
        try (SmtpTestServer smtp = SmtpTestServer.start();
                TestBroker broker = new TestBroker(work.resolve("broker"), AppProcess.freePort()).start();
                AppProcess first = instance("takeover-a", work, smtp, broker, database);
                AppProcess second = instance("takeover-b", work, smtp, broker, database)) {
            CompletableFuture<AppProcess> firstStarted = CompletableFuture.supplyAsync(() -> start(first));
            start(second);
            firstStarted.join();
            Api viaFirst = new Api(first.url(), "admin", AppProcess.ADMIN_PASSWORD);
            Api viaSecond = new Api(second.url(), "admin", AppProcess.ADMIN_PASSWORD);
            Scenario scenario = new Scenario(viaFirst, null).withBridge();
            assertEquals(200, viaFirst.patch("tenant/dial-in-settings", "{\"automaticallySendEmailsToUsers\": false}")
                    .status());
            String upn = scenario.createUser("takeover", null).getString("userPrincipalName");

            // Slow enough that both instances hold claims for a while; requests alternate between them.
            smtp.delayData(400);
            List<String> ids = new ArrayList<>();
            long startedAt = System.nanoTime();
            for (int i = 0; i < EMAILS; i++) {
                Api.Reply reply = (i % 2 == 0 ? viaFirst : viaSecond)
                        .post("users/" + upn + "/conference-info-email", null);
                assertEquals(202, reply.status(), reply.body());
                ids.add(reply.json().getString("emailId"));
            }
            assertTrue(Api.eventually(Duration.ofSeconds(60), () -> claimedBy(database, "takeover-a") > 0),
                    "the first instance is sending");
            first.kill();
            long killedAt = System.nanoTime();
            int heldAtKill = sendingClaimedBy(database, "takeover-a");
            System.out.println("[InstanceTakeoverIT] SIGKILL of the first instance while it held " + heldAtKill
                    + " claim(s); " + smtp.accepted().size() + " of " + EMAILS + " emails had reached the SMTP server");
            assertTrue(heldAtKill > 0, "the first instance held claims when it was killed");

            boolean takenOver = Api.eventually(Duration.ofSeconds(30),
                    () -> sendingClaimedBy(database, "takeover-a") == 0);
            double takeoverSeconds = (System.nanoTime() - killedAt) / 1e9;
            boolean allSent = Api.eventually(Duration.ofSeconds(90), () -> sent(viaSecond, upn) >= EMAILS);
            double totalSeconds = (System.nanoTime() - startedAt) / 1e9;

            Map<String, String> messageIds = new HashMap<>();
            for (int page = 0; page * 200 < EMAILS + 200; page++) {
                for (JsonValue item : viaSecond.get("emails?user=" + upn + "&size=200&page=" + page).json()
                        .getJsonArray("items")) {
                    JsonObject e = item.asJsonObject();
                    if (!e.isNull("messageId")) {
                        messageIds.put(e.getString("id"), e.getString("messageId"));
                    }
                }
            }
            long missing = ids.stream().filter(id -> messageIds.get(id) == null
                    || smtp.acceptedCount(messageIds.get(id)) == 0).count();
            long duplicates = ids.stream().filter(messageIds::containsKey)
                    .mapToLong(id -> Math.max(0, smtp.acceptedCount(messageIds.get(id)) - 1)).sum();
            System.out.printf("[InstanceTakeoverIT] claims taken over %.1f s after the kill; all %d SENT after %.1f s;"
                    + " sent by instance: %s; %d never reached the SMTP server, %d reached it twice%n",
                    takeoverSeconds, EMAILS, totalSeconds, sentByInstance(database), missing, duplicates);
            assertTrue(takenOver, "the dead instance's claims were taken over within 30 s");
            assertTrue(allSent, "every email was sent");
            assertEquals(0, missing, "every email reached the SMTP server");
            assertTrue(duplicates <= CONCURRENCY, "at most the emails in flight at the kill went twice: " + duplicates);
            assertTrue(sentByInstance(database).size() == 2, "both instances sent emails");
        } finally {
            database.close();
        }
    }

    private static AppProcess instance(String name, Path work, SmtpTestServer smtp, TestBroker broker,
            PostgresDatabase database) {
        Map<String, String> settings = new HashMap<>(database.settings(database.url()));
        settings.putAll(Map.ofEntries(
                Map.entry("CONFMAIL_INSTANCE_NAME", name),
                Map.entry("CONFMAIL_BROKER_URL", broker.url()),
                // Every instance of a cluster shares the key that encrypts PINs in the outbox.
                Map.entry("CONFMAIL_SECRET_KEY", "q7bF3o0m1Yp3nM0a8Kx1d2lR6c9sT4vW5yZ7uA2bC3E="),
                Map.entry("CONFMAIL_SMTP_HOST", "127.0.0.1"),
                Map.entry("CONFMAIL_SMTP_PORT", String.valueOf(smtp.port())),
                Map.entry("CONFMAIL_DELIVERY_CONCURRENCY", String.valueOf(CONCURRENCY)),
                Map.entry("CONFMAIL_OUTBOX_SWEEP_INTERVAL", "PT1S"),
                Map.entry("CONFMAIL_MANUAL_EMAILS_PER_USER_PER_HOUR", "100000"),
                // 300 requests from one account in a minute: above the per-caller limit that issue 9 added.
                Map.entry("CONFMAIL_MANUAL_EMAILS_PER_CALLER_PER_HOUR", "100000")));
        return new AppProcess(name, work.resolve(name), settings);
    }

    private static AppProcess start(AppProcess app) {
        try {
            return app.start(Duration.ofMinutes(3));
        } catch (Exception e) {
            throw new IllegalStateException(app.logTail(), e);
        }
    }

    private static long sent(Api api, String upn) {
        return api.get("emails?user=" + upn + "&status=SENT&size=1").json().getJsonNumber("total").longValue();
    }

    /** Rows claimed by the instance of this name (its one incarnation: it is never restarted here). */
    private static int claimedBy(PostgresDatabase database, String instance) {
        return database.count("SELECT COUNT(*) FROM outbox_email WHERE claimed_by IN ("
                + "SELECT incarnation FROM sender_instance WHERE name = '" + instance + "')");
    }

    private static int sendingClaimedBy(PostgresDatabase database, String instance) {
        return database.count("SELECT COUNT(*) FROM outbox_email WHERE status = 'SENDING' AND claimed_by IN ("
                + "SELECT incarnation FROM sender_instance WHERE name = '" + instance + "')");
    }

    private static Map<String, Integer> sentByInstance(PostgresDatabase database) {
        return database.counts("SELECT claimed_by, COUNT(*) FROM outbox_email WHERE status = 'SENT'"
                + " GROUP BY claimed_by");
    }
}
