package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.confmail.it.support.AppProcess;
import org.confmail.it.support.SmtpTestServer;
import org.confmail.it.support.TestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Delivery under faults, on the runnable jar as operators start it, with an SMTP server and a message broker that the
 * test controls: transient and permanent SMTP replies, an SMTP outage, a broker restart, a message delivered again,
 * Idempotency-Key, configured concurrency, and what /metrics and /health/ready tell meanwhile. Retries are fast here
 * (1 s initial delay, 2 s cap, a sweep every half second) so that each scenario takes seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryFaultsIT {

    static final int CONCURRENCY = 3;

    SmtpTestServer smtp;
    TestBroker broker;
    AppProcess app;
    Api api;
    Scenario scenario;
    String upn;

    @BeforeAll
    void start() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("confmail.it.work", "target/it-work")))
                .resolve("faults-" + UUID.randomUUID().toString().substring(0, 8));
        smtp = SmtpTestServer.start();
        broker = new TestBroker(work.resolve("broker"), AppProcess.freePort()).start();
        app = new AppProcess("faults", work.resolve("app"), Map.ofEntries(
                Map.entry("CONFMAIL_SMTP_HOST", "127.0.0.1"),
                Map.entry("CONFMAIL_SMTP_PORT", String.valueOf(smtp.port())),
                Map.entry("CONFMAIL_BROKER_URL", broker.url()),
                Map.entry("CONFMAIL_RETRY_INITIAL_DELAY", "PT1S"),
                Map.entry("CONFMAIL_RETRY_MAX_DELAY", "PT2S"),
                Map.entry("CONFMAIL_RETRY_MAX_ATTEMPTS", "10"),
                Map.entry("CONFMAIL_OUTBOX_SWEEP_INTERVAL", "PT0.5S"),
                Map.entry("CONFMAIL_OUTBOX_STALE_AFTER", "PT5S"),
                Map.entry("CONFMAIL_SMTP_TIMEOUT", "PT5S"),
                Map.entry("CONFMAIL_OUTBOX_CLAIM_LEASE", "PT25S"),
                Map.entry("CONFMAIL_DELIVERY_CONCURRENCY", String.valueOf(CONCURRENCY)),
                Map.entry("CONFMAIL_MANUAL_EMAILS_PER_USER_PER_HOUR", "100000"),
                Map.entry("CONFMAIL_MANUAL_EMAILS_PER_CALLER_PER_HOUR", "100000")));
        Files.createDirectories(work.resolve("app"));
        app.start(Duration.ofMinutes(3));
        api = new Api(app.url(), "admin", AppProcess.ADMIN_PASSWORD);
        scenario = new Scenario(api, null).withBridge();
        upn = scenario.createUser("faults", "\"country\": \"US\"").getString("userPrincipalName");
        scenario.awaitSent(upn, "LICENSE_ASSIGNED", 1);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    @BeforeEach
    void cleanSmtp() throws Exception {
        smtp.restart();
        smtp.reset();
    }

    @Test
    @Order(1)
    void aTransientReplyIsRetriedWithBackoffAndSentOnTheSecondAttempt() {
        smtp.failNext(1, "451 4.7.1 Greylisted, try again later");
        String id = send(upn, null);

        JsonObject retrying = await(id, e -> e.getString("status").equals("RETRYING"), Duration.ofSeconds(15));
        assertEquals(1, retrying.getInt("attempts"));
        assertTrue(retrying.getString("lastError").contains("451 4.7.1 Greylisted"), retrying.toString());
        assertFalse(retrying.isNull("nextAttemptAt"), "RETRYING shows when the next attempt is due");

        JsonObject sent = awaitStatus(id, "SENT");
        assertEquals(2, sent.getInt("attempts"));
        assertTrue(sent.isNull("lastError"));
        assertEquals(1, smtp.acceptedCount(sent.getString("messageId")), "accepted exactly once");
        assertEquals(2, smtp.transactions(), "one refused, one accepted transaction");
    }

    @Test
    @Order(2)
    void aPermanentReplyFailsAtOnceKeepsTheReplyAndIsNotRetriedUntilAnOperatorAsks() throws Exception {
        smtp.replyTo("nobody-here", "550 5.1.1 <nobody-here@contoso.com>: Recipient address rejected");
        String id = send(upn, "nobody-here@contoso.com");

        JsonObject failed = awaitStatus(id, "FAILED");
        assertEquals(1, failed.getInt("attempts"));
        assertTrue(failed.getString("lastError").contains("550 5.1.1"), failed.toString());
        Thread.sleep(3000);
        JsonObject later = email(id);
        assertEquals("FAILED", later.getString("status"));
        assertEquals(1, later.getInt("attempts"), "nothing retried");
        assertEquals(1, smtp.transactions());
        assertTrue(smtp.accepted().isEmpty());

        smtp.reset();
        Api.Reply retry = api.post("emails/" + id + "/retry", null);
        assertEquals(200, retry.status(), retry.body());
        JsonObject sent = awaitStatus(id, "SENT");
        assertEquals(1, smtp.acceptedCount(sent.getString("messageId")));
    }

    @Test
    @Order(3)
    void anSmtpOutageDelaysEmailsAndEachIsDeliveredOnceWhenItEnds() throws Exception {
        smtp.stop();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(send(upn, null));
        }
        for (String id : ids) {
            JsonObject e = await(id, r -> r.getString("status").equals("RETRYING"), Duration.ofSeconds(20));
            assertTrue(e.getString("lastError").contains("Connection refused"), e.toString());
        }
        Api.Reply ready = api.getText("../../health/ready");
        assertEquals(200, ready.status(), "an SMTP outage leaves confmail ready: " + ready.body());
        String readiness = ready.body().replace(" ", "");
        assertTrue(readiness.contains("\"name\":\"smtp\",\"status\":\"UP\""), readiness);
        assertTrue(readiness.matches("(?s).*\"reachable\":\"?false.*"), readiness);
        assertTrue(api.getText("../../metrics").body().contains("confmail_smtp_reachable{mp_scope=\"application\"} 0"),
                "the gauge to alert on says 0");

        Thread.sleep(2000);
        smtp.restart();
        for (String id : ids) {
            JsonObject sent = awaitStatus(id, "SENT");
            assertTrue(sent.getInt("attempts") >= 2, sent.toString());
            assertEquals(1, smtp.acceptedCount(sent.getString("messageId")), "delivered once: " + sent);
        }
        assertEquals(ids.size(), smtp.accepted().size());
    }

    @Test
    @Order(4)
    void theConfiguredConcurrencyBoundsParallelSendsOnKeptConnections() {
        smtp.delayData(300);
        int connectionsBefore = smtp.connections();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(send(upn, null));
        }
        ids.forEach(id -> awaitStatus(id, "SENT"));
        assertTrue(smtp.maxConcurrentMessages() <= CONCURRENCY, "at most CONFMAIL_DELIVERY_CONCURRENCY="
                + CONCURRENCY + " at once, saw " + smtp.maxConcurrentMessages());
        assertTrue(smtp.maxConcurrentMessages() >= 2, "sends run in parallel, saw " + smtp.maxConcurrentMessages());
        int opened = smtp.connections() - connectionsBefore;
        assertTrue(opened <= CONCURRENCY + 1, "12 emails over kept connections, not one each: " + opened + " opened");
    }

    @Test
    @Order(5)
    void theSameIdempotencyKeyAnswersTheFirstAnswerAndSendsNothingNew() {
        String key = UUID.randomUUID().toString();
        Api.Reply first = api.post("users/" + upn + "/conference-info-email", "{}", key);
        assertEquals(202, first.status(), first.body());
        String emailId = first.json().getString("emailId");
        Api.Reply again = api.post("users/" + upn + "/conference-info-email", " { } ", key);
        assertEquals(202, again.status(), again.body());
        assertEquals(first.body(), again.body());
        assertEquals(first.location(), again.location());
        assertEquals("true", again.header("Idempotent-Replayed"));
        JsonObject sent = awaitStatus(emailId, "SENT");
        sleep(1500);
        assertEquals(1, smtp.accepted().size(), "one email for two requests");
        assertEquals(1, smtp.acceptedCount(sent.getString("messageId")));

        Api.Reply otherBody = api.post("users/" + upn + "/conference-info-email",
                "{\"toAddress\": \"someone.else@contoso.com\"}", key);
        assertEquals(422, otherBody.status(), otherBody.body());
        assertTrue(otherBody.contentType().startsWith("application/problem+json"), otherBody.contentType());
        Api.Reply otherPath = api.post("users/" + upn + "/pin-reset", "{}", key);
        assertEquals(422, otherPath.status(), otherPath.body());

        // A pin reset replayed resets nothing and emails once; the PIN was shown once and is not shown again.
        String pinKey = UUID.randomUUID().toString();
        Api.Reply reset = api.post("users/" + upn + "/pin-reset", null, pinKey);
        assertEquals(200, reset.status(), reset.body());
        Api.Reply resetAgain = api.post("users/" + upn + "/pin-reset", null, pinKey);
        assertEquals(200, resetAgain.status(), resetAgain.body());
        assertTrue(reset.json().getString("pin").matches("\\d{5}"), reset.body());
        assertTrue(resetAgain.json().isNull("pin"), resetAgain.body());
        assertEquals(reset.json().getString("emailId"), resetAgain.json().getString("emailId"));
        scenario.awaitSent(upn, "PIN_RESET", 1);
    }

    @Test
    @Order(6)
    void concurrentRequestsWithOneKeyQueueOneEmail() throws Exception {
        String concurrentUser = scenario.createUser("concurrent", null).getString("userPrincipalName");
        scenario.awaitSent(concurrentUser, "LICENSE_ASSIGNED", 1);
        String key = UUID.randomUUID().toString();
        int callers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Api.Reply> call = () -> {
                    go.await();
                    return api.post("users/" + concurrentUser + "/conference-info-email", null, key);
                };
                replies.add(pool.submit(call));
            }
            go.countDown();
            Set<String> emailIds = new HashSet<>();
            for (Future<Api.Reply> reply : replies) {
                Api.Reply r = reply.get();
                assertTrue(r.status() == 202 || r.status() == 409, r.status() + " " + r.body());
                if (r.status() == 202) {
                    emailIds.add(r.json().getString("emailId"));
                }
            }
            assertEquals(1, emailIds.size(), "every 202 names the same email: " + emailIds);
        } finally {
            pool.shutdownNow();
        }
        scenario.awaitSent(concurrentUser, "CONFERENCE_INFO", 1);
        sleep(1000);
        assertEquals(1, scenario.emails(concurrentUser, "CONFERENCE_INFO").size(), "one email queued");
    }

    @Test
    @Order(7)
    void aMessageDeliveredAgainForASentOrFailedEmailSendsNothing() throws Exception {
        String sentId = send(upn, null);
        JsonObject sent = awaitStatus(sentId, "SENT");
        smtp.replyTo("refused", "554 5.7.1 Rejected");
        String failedId = send(upn, "refused@contoso.com");
        awaitStatus(failedId, "FAILED");
        int transactions = smtp.transactions();

        broker.send("confmail.email", sentId);
        broker.send("confmail.email", failedId);
        broker.send("confmail.email", sentId);
        sleep(3000);
        assertEquals(transactions, smtp.transactions(), "no SMTP transaction for messages about finished emails");
        assertEquals(1, smtp.acceptedCount(sent.getString("messageId")));
        assertEquals(sent.getInt("attempts"), email(sentId).getInt("attempts"));
        assertEquals("FAILED", email(failedId).getString("status"));
    }

    @Test
    @Order(8)
    void aBrokerRestartLosesNoEmail() throws Exception {
        smtp.delayData(100);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(send(upn, null));
        }
        assertTrue(Api.eventually(Duration.ofSeconds(20), () -> smtp.accepted().size() >= 3));
        broker.stop();
        sleep(3000);
        broker.start();
        for (String id : ids) {
            awaitStatus(id, "SENT", Duration.ofSeconds(90));
        }
        // Send after the restart: the adapter's connections were replaced.
        String after = send(upn, null);
        awaitStatus(after, "SENT", Duration.ofSeconds(60));
        long duplicates = ids.stream().mapToLong(id -> smtp.acceptedCount(email(id).getString("messageId")) - 1).sum();
        System.out.println("[DeliveryFaultsIT] broker restart: " + ids.size() + " emails, " + duplicates
                + " delivered twice");
        assertTrue(duplicates <= CONCURRENCY, "at most the emails in flight go twice: " + duplicates);
    }

    @Test
    @Order(9)
    void metricsCountSentRetriedAndFailedByKindWithBacklogAndLatency() {
        sleep(1500); // one sweep refreshes the backlog gauges
        String metrics = api.getText("../../metrics").body();
        assertTrue(metrics.matches("(?s).*confmail_emails_sent_total\\{kind=\"CONFERENCE_INFO\",mp_scope=\"application\"} [1-9].*"),
                metrics);
        assertTrue(metrics.matches("(?s).*confmail_emails_retried_total\\{kind=\"CONFERENCE_INFO\",mp_scope=\"application\"} [1-9].*"),
                metrics);
        assertTrue(metrics.matches("(?s).*confmail_emails_failed_total\\{kind=\"CONFERENCE_INFO\",mp_scope=\"application\"} [1-9].*"),
                metrics);
        assertTrue(metrics.matches("(?s).*confmail_outbox_emails\\{mp_scope=\"application\",status=\"FAILED\"} [1-9].*"),
                metrics);
        assertTrue(metrics.contains("confmail_outbox_emails{mp_scope=\"application\",status=\"QUEUED\"} 0"), metrics);
        assertTrue(metrics.matches("(?s).*confmail_email_delivery_seconds_count\\{kind=\"CONFERENCE_INFO\",mp_scope=\"application\"} [1-9].*"),
                metrics);
        assertTrue(metrics.contains("confmail_smtp_reachable{mp_scope=\"application\"} 1"), metrics);
    }

    private String send(String user, String toAddress) {
        Api.Reply reply = api.post("users/" + user + "/conference-info-email",
                toAddress == null ? null : "{\"toAddress\": \"" + toAddress + "\"}");
        assertEquals(202, reply.status(), reply.body());
        return reply.json().getString("emailId");
    }

    private JsonObject email(String id) {
        Api.Reply reply = api.get("emails/" + id);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private JsonObject awaitStatus(String id, String status) {
        return awaitStatus(id, status, Duration.ofSeconds(30));
    }

    private JsonObject awaitStatus(String id, String status, Duration timeout) {
        return await(id, e -> e.getString("status").equals(status), timeout);
    }

    private JsonObject await(String id, java.util.function.Predicate<JsonObject> condition, Duration timeout) {
        JsonObject[] last = new JsonObject[1];
        boolean reached = Api.eventually(timeout, () -> condition.test(last[0] = email(id)));
        assertTrue(reached, () -> "email " + id + " never reached the expected state: " + last[0]);
        assertNotNull(last[0]);
        return last[0];
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
