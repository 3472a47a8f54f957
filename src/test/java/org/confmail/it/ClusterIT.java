package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.confmail.it.support.AppProcess;
import org.confmail.it.support.ArtemisBroker;
import org.confmail.it.support.HaProxy;
import org.confmail.it.support.PostgresDatabase;
import org.confmail.it.support.SmtpTestServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * confmail as ops run it when one machine is not enough: instances of the runnable jar on one PostgreSQL database
 * and one standalone broker (Apache ActiveMQ Artemis, reached over OpenWire), behind HAProxy from Debian with
 * readiness checks and sticky portal sessions. Clients post 5,000 conference-info requests through the load
 * balancer, each with an Idempotency-Key and retried on a failure as a careful client does; half-way through the
 * delivery one instance is killed with SIGKILL. Every email must reach the SMTP server, only the ones in flight at
 * the kill may arrive twice, every instance must take part, and the dead one's claims must be taken over within
 * 30 s. The same 5,000 on one instance give the comparison. Figures are printed with the prefix [ClusterIT].
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final int EMAILS = Integer.getInteger("confmail.it.cluster.emails", 5_000);
    static final int USERS = 50;
    static final int CLIENTS = 8;
    static final int CONCURRENCY = 4;

    record Run(int instances, double totalSeconds, double requestSeconds, Map<String, Integer> sentByInstance,
            long duplicates, long missing, Double takeoverSeconds, int heldAtKill, Map<String, Integer> retried) {
    }

    @Test
    @Order(1)
    void fiveThousandEmailsOnOneInstance() throws Exception {
        Run run = run(1, false);
        assertEquals(0, run.missing(), "every email reached the SMTP server");
        assertEquals(0, run.duplicates(), "nothing was sent twice");
    }

    @Test
    @Order(2)
    void fiveThousandEmailsOnThreeInstancesWithOneKilledHalfWay() throws Exception {
        Run run = run(3, true);
        assertEquals(0, run.missing(), "every email reached the SMTP server");
        assertTrue(run.heldAtKill() > 0, "the killed instance held claims");
        assertTrue(run.duplicates() <= CONCURRENCY,
                "at most the emails in flight at the kill went twice: " + run.duplicates());
        assertTrue(run.takeoverSeconds() != null && run.takeoverSeconds() <= 30,
                "the killed instance's claims were taken over within 30 s: " + run.takeoverSeconds());
        assertEquals(3, run.sentByInstance().size(), "all three instances sent: " + run.sentByInstance());
    }

    private Run run(int count, boolean killOne) throws Exception {
        String label = count + "-instance" + (killOne ? "-kill" : "");
        Path work = Files.createDirectories(Path.of(System.getProperty("confmail.it.work", "target/it-work")))
                .resolve("cluster-" + label + "-" + UUID.randomUUID().toString().substring(0, 8));
        List<AppProcess> instances = new ArrayList<>();
        try (PostgresDatabase database = PostgresDatabase.create("confmail_cluster");
                SmtpTestServer smtp = SmtpTestServer.start();
                ArtemisBroker broker = new ArtemisBroker(work.resolve("artemis"), AppProcess.freePort())) {
            broker.start(Duration.ofMinutes(2));
            for (int i = 0; i < count; i++) {
                // Names differ between the runs, so that each run's logs stay in target/it-apps.
                String name = "node" + count + "-" + (char) ('a' + i);
                Map<String, String> settings = new HashMap<>(database.settings(database.url()));
                settings.putAll(Map.ofEntries(
                        Map.entry("CONFMAIL_INSTANCE_NAME", name),
                        Map.entry("CONFMAIL_BROKER_URL", broker.url()),
                        Map.entry("CONFMAIL_SECRET_KEY", "q7bF3o0m1Yp3nM0a8Kx1d2lR6c9sT4vW5yZ7uA2bC3E="),
                        Map.entry("CONFMAIL_SMTP_HOST", "127.0.0.1"),
                        Map.entry("CONFMAIL_SMTP_PORT", String.valueOf(smtp.port())),
                        Map.entry("CONFMAIL_DELIVERY_CONCURRENCY", String.valueOf(CONCURRENCY)),
                        Map.entry("CONFMAIL_OUTBOX_SWEEP_INTERVAL", "PT2S"),
                        Map.entry("CONFMAIL_MANUAL_EMAILS_PER_USER_PER_HOUR", "100000"),
                        Map.entry("CONFMAIL_MANUAL_EMAILS_PER_CALLER_PER_HOUR", "100000"),
                        Map.entry("CONFMAIL_BULK_COOLDOWN", "PT0S")));
                instances.add(new AppProcess(name, work.resolve(name), settings));
            }
            // One first, so that only one runs the migrations while the others wait; then the rest together.
            start(instances.get(0));
            instances.stream().skip(1).map(app -> CompletableFuture.runAsync(() -> start(app))).toList()
                    .forEach(CompletableFuture::join);
            Map<String, Integer> ports = new LinkedHashMap<>();
            instances.forEach(app -> ports.put(app.name(), app.url().getPort()));
            try (HaProxy lb = new HaProxy(work.resolve("haproxy"), AppProcess.freePort(), ports).start()) {
                return deliver(label, database, smtp, lb, instances, killOne);
            }
        } finally {
            for (AppProcess app : instances) {
                app.close();
            }
        }
    }

    private Run deliver(String label, PostgresDatabase database, SmtpTestServer smtp, HaProxy lb,
            List<AppProcess> instances, boolean killOne) throws Exception {
        Api api = new Api(lb.url(), "admin", AppProcess.ADMIN_PASSWORD);
        Scenario scenario = new Scenario(api, null).withBridge();
        assertEquals(200, api.patch("tenant/dial-in-settings", "{\"automaticallySendEmailsToUsers\": false}")
                .status());
        List<String> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(scenario.createUser("cluster" + i, null).getString("userPrincipalName"));
        }
        FacesClient stuck = killOne ? portalSessionOn(lb, instances.get(0).name()) : null;
        // Scripts post with an API token, as the README advises: checked without a password hash per request.
        Api.Reply issued = api.post("accounts/admin/tokens", "{\"name\": \"cluster-load\"}");
        assertEquals(201, issued.status(), issued.body());
        Api client = Api.bearer(lb.url(), issued.json().getString("token"));

        Map<String, Integer> retried = new TreeMap<>();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        long startedAt = System.nanoTime();
        Double[] takeover = {null};
        int[] heldAtKill = {0};
        CompletableFuture<Void> killer = !killOne ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> {
                    AppProcess victim = instances.get(0);
                    Api.eventually(Duration.ofMinutes(5), () -> smtp.accepted().size() >= EMAILS / 2);
                    try {
                        victim.kill();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    long killedAt = System.nanoTime();
                    String held = "SELECT COUNT(*) FROM outbox_email WHERE status = 'SENDING' AND claimed_by IN"
                            + " (SELECT incarnation FROM sender_instance WHERE name = '" + victim.name() + "')";
                    heldAtKill[0] = database.count(held);
                    System.out.printf("[ClusterIT] %s: SIGKILL of %s after %.1f s, holding %d claim(s), %d of %d"
                            + " emails accepted by the SMTP server%n", label, victim.name(),
                            (killedAt - startedAt) / 1e9, heldAtKill[0], smtp.accepted().size(), EMAILS);
                    if (Api.eventually(Duration.ofSeconds(60), () -> database.count(held) == 0)) {
                        takeover[0] = (System.nanoTime() - killedAt) / 1e9;
                    }
                });
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> posting = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            posting.add(clients.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < EMAILS; ) {
                    ids.add(postWithRetries(client, users.get(i % USERS), retried));
                }
                return null;
            }));
        }
        for (Future<?> f : posting) {
            f.get();
        }
        clients.shutdown();
        double requestSeconds = (System.nanoTime() - startedAt) / 1e9;
        String sentCount = "SELECT COUNT(*) FROM outbox_email WHERE kind = 'CONFERENCE_INFO' AND status = 'SENT'";
        boolean allSent = Api.eventually(Duration.ofMinutes(10), () -> database.count(sentCount) >= EMAILS);
        double totalSeconds = (System.nanoTime() - startedAt) / 1e9;
        killer.get();

        Map<String, Integer> byMessageId = smtp.accepted().stream().collect(Collectors.groupingBy(
                SmtpTestServer.Accepted::messageId, Collectors.summingInt(a -> 1)));
        List<String> messageIds = new ArrayList<>(database.counts("SELECT message_id, 1 FROM outbox_email"
                + " WHERE kind = 'CONFERENCE_INFO'").keySet());
        long missing = messageIds.stream().filter(m -> byMessageId.getOrDefault(m, 0) == 0).count();
        long duplicates = messageIds.stream().mapToLong(m -> Math.max(0, byMessageId.getOrDefault(m, 0) - 1)).sum();
        Map<String, Integer> sentByInstance = database.counts("SELECT i.name, COUNT(*) FROM outbox_email e"
                + " JOIN sender_instance i ON i.incarnation = e.claimed_by WHERE e.status = 'SENT'"
                + " AND e.kind = 'CONFERENCE_INFO' GROUP BY i.name");
        Run run = new Run(instances.size(), totalSeconds, requestSeconds, sentByInstance, duplicates, missing,
                takeover[0], heldAtKill[0], retried);
        System.out.printf("[ClusterIT] %s: %d emails requested in %.1f s, all SENT after %.1f s (%.0f emails/s);"
                + " sent by instance %s; %d never reached the SMTP server, %d reached it twice; claims taken over"
                + " %s; requests retried by the clients %s%n", label, EMAILS, requestSeconds, totalSeconds,
                EMAILS / totalSeconds, sentByInstance, missing, duplicates,
                takeover[0] == null ? "n/a" : "%.1f s after the kill".formatted(takeover[0]), retried);

        assertTrue(allSent, "all " + EMAILS + " emails SENT: " + database.count(sentCount));
        assertEquals(EMAILS, ids.size(), "one email per request");
        assertEquals(EMAILS, database.count("SELECT COUNT(*) FROM outbox_email WHERE kind = 'CONFERENCE_INFO'"),
                "retried requests made no second email (Idempotency-Key)");
        bulkSendToEveryUserGoesOutOnce(api, database, smtp);
        if (stuck != null) {
            // The portal session lived on the killed instance: the next page comes from another one, which sends
            // the admin to sign in again (sessions are not replicated), never an error.
            FacesClient.Page after = stuck.get("admin/users.xhtml");
            assertTrue(after.redirectsToLogin(), "signed out, not an error: " + after.status());
            assertNotEquals(instances.get(0).name(), stuck.cookie(HaProxy.COOKIE), "moved to a live instance");
            stuck.login("admin", AppProcess.ADMIN_PASSWORD);
            assertEquals(200, stuck.get("admin/users.xhtml").status(), "signed in again on the live instance");
        }
        return run;
    }

    /** A bulk send to every user, while some instances may be gone: one email per user, each delivered once. */
    private static void bulkSendToEveryUserGoesOutOnce(Api api, PostgresDatabase database, SmtpTestServer smtp) {
        Api.Reply started = api.post("bulk/conference-info-emails", "{\"all\": true}");
        assertEquals(202, started.status(), started.body());
        String job = started.json().getString("jobId");
        String sent = "SELECT COUNT(*) FROM outbox_email WHERE bulk_job_id = '" + job + "' AND status = 'SENT'";
        assertTrue(Api.eventually(Duration.ofMinutes(2), () -> database.count(sent) >= USERS), "bulk sent");
        assertEquals(USERS, database.count("SELECT COUNT(*) FROM outbox_email WHERE bulk_job_id = '" + job + "'"),
                "one bulk email per user");
        Map<String, Integer> ofJob = database.counts("SELECT message_id, 1 FROM outbox_email WHERE bulk_job_id = '"
                + job + "'");
        assertTrue(Api.eventually(Duration.ofSeconds(10), () -> ofJob.keySet().stream()
                .allMatch(m -> smtp.acceptedCount(m) == 1)), "each bulk email reached the SMTP server once");
    }

    /** Signs in to the portal through the load balancer until the sticky cookie names this instance. */
    private static FacesClient portalSessionOn(HaProxy lb, String instance) {
        List<String> landed = new ArrayList<>();
        for (int attempt = 0; attempt < 30; attempt++) {
            FacesClient client = new FacesClient(lb.url()).login("admin", AppProcess.ADMIN_PASSWORD);
            landed.add(client.cookie(HaProxy.COOKIE));
            if (instance.equals(client.cookie(HaProxy.COOKIE))) {
                for (int i = 0; i < 5; i++) {
                    assertEquals(200, client.get("admin/users.xhtml").status());
                    assertEquals(instance, client.cookie(HaProxy.COOKIE), "the session stays on its instance");
                }
                return client;
            }
        }
        throw new AssertionError("no portal session landed on " + instance + ": " + landed);
    }

    /** Posts one request with its own Idempotency-Key, retried with that key while the answer is not 202. */
    private static String postWithRetries(Api api, String upn, Map<String, Integer> retried) {
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 20; attempt++) {
            String outcome;
            try {
                Api.Reply reply = api.post("users/" + upn + "/conference-info-email", null, key);
                if (reply.status() == 202 || reply.status() == 200) {
                    return reply.json().getString("emailId");
                }
                outcome = String.valueOf(reply.status());
            } catch (IllegalStateException e) {
                outcome = "connection " + e.getCause().getClass().getSimpleName();
            }
            synchronized (retried) {
                retried.merge(outcome, 1, Integer::sum);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("a request was refused 20 times: " + retried);
    }

    private static void start(AppProcess app) {
        try {
            app.start(Duration.ofMinutes(4));
        } catch (Exception e) {
            throw new IllegalStateException(app.logTail(), e);
        }
    }
}
