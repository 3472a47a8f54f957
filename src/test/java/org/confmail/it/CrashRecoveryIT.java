package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.confmail.it.support.AppProcess;
import org.confmail.it.support.SmtpTestServer;
import org.junit.jupiter.api.Test;

/**
 * The promise under the worst case: confmail is killed with SIGKILL while it delivers 500 accepted emails, and
 * started again on the same data (H2 files and the embedded broker's store). Every email must end SENT and reach
 * the SMTP server; only the ones in flight at the kill (accepted by the server, not yet recorded) may arrive twice.
 * The claim lease is the default five minutes: the restarted instance takes back its earlier run's claims at once
 * (it knows them by its instance name), so everything is sent well within the two minutes allowed.
 */
class CrashRecoveryIT {

    static final int EMAILS = 500;
    static final int CONCURRENCY = 4;

    @Test
    void killedWithSigkillMidwayThroughFiveHundredEmailsThenRestartedSendsEveryOne() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("confmail.it.work", "target/it-work")))
                .resolve("crash-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work.resolve("app"));
        try (SmtpTestServer smtp = SmtpTestServer.start();
                AppProcess app = new AppProcess("crash", work.resolve("app"), Map.of(
                        "CONFMAIL_SMTP_HOST", "127.0.0.1",
                        "CONFMAIL_SMTP_PORT", String.valueOf(smtp.port()),
                        "CONFMAIL_DELIVERY_CONCURRENCY", String.valueOf(CONCURRENCY),
                        "CONFMAIL_OUTBOX_SWEEP_INTERVAL", "PT1S",
                        "CONFMAIL_OUTBOX_STALE_AFTER", "PT10S",
                        "CONFMAIL_SMTP_TIMEOUT", "PT2S",
                        "CONFMAIL_MANUAL_EMAILS_PER_USER_PER_HOUR", "100000",
                        "CONFMAIL_MANUAL_EMAILS_PER_CALLER_PER_HOUR", "100000"))) {
            app.start(Duration.ofMinutes(3));
            Api first = new Api(app.url(), "admin", AppProcess.ADMIN_PASSWORD);
            Scenario scenario = new Scenario(first, null).withBridge();
            assertEquals(200, first.patch("tenant/dial-in-settings", "{\"automaticallySendEmailsToUsers\": false}")
                    .status());
            String upn = scenario.createUser("crash", null).getString("userPrincipalName");

            // Slow enough that the requests are all accepted long before the last email is delivered.
            smtp.delayData(40);
            List<String> ids = Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> posts = new ArrayList<>();
                for (int i = 0; i < EMAILS; i++) {
                    posts.add(clients.submit(() -> {
                        Api.Reply reply = first.post("users/" + upn + "/conference-info-email", null);
                        assertEquals(202, reply.status(), reply.body());
                        ids.add(reply.json().getString("emailId"));
                    }));
                }
                for (Future<?> post : posts) {
                    post.get();
                }
            } finally {
                clients.shutdownNow();
            }
            assertEquals(EMAILS, ids.size());
            int beforeKill = smtp.accepted().size();
            assertTrue(beforeKill < EMAILS, "still delivering when all requests were accepted: " + beforeKill);
            app.kill();
            int atKill = smtp.accepted().size();
            System.out.println("[CrashRecoveryIT] SIGKILL after " + atKill + " of " + EMAILS
                    + " emails reached the SMTP server");

            smtp.delayData(0);
            long restartedAt = System.nanoTime();
            app.start(Duration.ofMinutes(3));
            Api api = new Api(app.url(), "admin", AppProcess.ADMIN_PASSWORD);
            boolean allSent = Api.eventually(Duration.ofSeconds(120), () -> sentCount(api, upn) >= EMAILS);
            long recoverySeconds = Duration.ofNanos(System.nanoTime() - restartedAt).toSeconds();

            Map<String, String> messageIds = new HashMap<>();
            Map<String, String> statuses = new HashMap<>();
            for (int page = 0; page * 200 < EMAILS + 200; page++) {
                for (JsonValue item : api.get("emails?user=" + upn + "&size=200&page=" + page).json()
                        .getJsonArray("items")) {
                    JsonObject e = item.asJsonObject();
                    statuses.put(e.getString("id"), e.getString("status"));
                    if (!e.isNull("messageId")) {
                        messageIds.put(e.getString("id"), e.getString("messageId"));
                    }
                }
            }
            long notSent = ids.stream().filter(id -> !"SENT".equals(statuses.get(id))).count();
            long missing = ids.stream().filter(id -> messageIds.get(id) == null
                    || smtp.acceptedCount(messageIds.get(id)) == 0).count();
            long duplicates = ids.stream().filter(messageIds::containsKey)
                    .mapToLong(id -> Math.max(0, smtp.acceptedCount(messageIds.get(id)) - 1)).sum();
            Map<String, Long> byStatus = new java.util.TreeMap<>();
            ids.forEach(id -> byStatus.merge(String.valueOf(statuses.get(id)), 1L, Long::sum));
            System.out.println("[CrashRecoveryIT] after restart (" + recoverySeconds + " s): " + byStatus + "; "
                    + (EMAILS - notSent) + " of " + EMAILS + " SENT, " + missing + " never reached the SMTP server, " + duplicates
                    + " reached it twice (in flight at the kill: at most " + CONCURRENCY + ")");
            assertTrue(allSent, "all " + EMAILS + " SENT; not SENT: " + notSent);
            assertEquals(0, notSent);
            assertEquals(0, missing, "every email reached the SMTP server");
            assertEquals(EMAILS, smtp.accepted().stream().map(SmtpTestServer.Accepted::messageId).distinct()
                    .filter(messageIds::containsValue).count());
            assertTrue(duplicates <= CONCURRENCY, "at most the emails in flight went twice: " + duplicates);
        }
    }

    private static long sentCount(Api api, String upn) {
        return api.get("emails?user=" + upn + "&status=SENT&size=1").json().getJsonNumber("total").longValue();
    }
}
