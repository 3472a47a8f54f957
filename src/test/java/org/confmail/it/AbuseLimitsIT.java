package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.confmail.it.support.AppProcess;
import org.confmail.it.support.SmtpTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The limits on abuse, on the runnable jar started with settings of the test's own (tight limits, an https public
 * address, no CONFMAIL_ADMIN_PASSWORD), then restarted on the same data: the generated admin password and how the
 * bootstrap admin follows CONFMAIL_ADMIN_PASSWORD; growing delays and a lock for wrong passwords, the same answer time
 * for unknown and known accounts, a flood of 1,000 wrong passwords while a normal client works; toAddress, per-caller
 * and bulk limits; paging and body size; Secure cookie and HSTS; open endpoints; audit retention; and a start refused
 * for SMTP authentication in clear text. Client addresses other than 127.0.0.1 are other loopback addresses, which
 * the server sees as other clients. Figures go to target/abuse-limits.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseLimitsIT {

    static final int LOCK_AFTER = 6;
    static final String PUBLIC_URL = "https://confmail.example.test";

    Path work;
    SmtpTestServer smtp;
    AppProcess app;
    Api admin;
    Scenario scenario;
    final List<String> figures = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        work = Files.createDirectories(Path.of(System.getProperty("confmail.it.work", "target/it-work")))
                .resolve("limits-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work.resolve("app"));
        smtp = SmtpTestServer.start();
        app = new AppProcess("limits", work.resolve("app"), Map.of(
                "CONFMAIL_SMTP_HOST", "127.0.0.1",
                "CONFMAIL_SMTP_PORT", String.valueOf(smtp.port()),
                "CONFMAIL_OUTBOX_SWEEP_INTERVAL", "PT1S",
                "CONFMAIL_PUBLIC_BASE_URL", PUBLIC_URL,
                "CONFMAIL_LOGIN_LOCK_AFTER", String.valueOf(LOCK_AFTER),
                "CONFMAIL_LOGIN_LOCK_DURATION", "PT30S",
                "CONFMAIL_BULK_COOLDOWN", "PT30S",
                "CONFMAIL_MANUAL_EMAILS_PER_CALLER_PER_HOUR", "3",
                "CONFMAIL_MAX_REQUEST_BYTES", "65536"));
        app.set("CONFMAIL_ADMIN_PASSWORD", null);
        app.start(Duration.ofMinutes(4));
        admin = new Api(app.url(), "admin", app.adminPassword());
        scenario = new Scenario(admin, null).withBridge();
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        if (!figures.isEmpty()) {
            Path report = Path.of(System.getProperty("confmail.it.logs", "target/it-apps")).getParent()
                    .resolve("abuse-limits.md");
            Files.writeString(report, String.join("\n", figures) + "\n");
            figures.forEach(f -> System.out.println("[AbuseLimitsIT] " + f));
        }
    }

    @Test
    @Order(1)
    void withoutAnAdminPasswordTheGeneratedOneIsInAFileOnlyItsOwnerReadsAndNeverInTheLog() throws Exception {
        Path file = app.dataDir().resolve("admin-password.txt");
        assertTrue(Files.exists(file));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        String password = Files.readString(file).strip();
        assertTrue(password.length() >= 20, "a long generated password");
        assertEquals(200, admin.get("users?size=1").status());
        String log = Files.readString(app.log());
        assertFalse(log.contains(password), "the password is not in the log");
        assertTrue(log.lines().anyMatch(l -> l.contains("admin-password.txt") && !l.contains("WARNING")),
                "the log says where it is, at INFO");
    }

    @Test
    @Order(2)
    void wrongPasswordsMeetGrowingDelaysThenALockAnsweredWith429AndRetryAfter() throws Exception {
        Accounts.Account victim = create("victim", "operator");
        Api wrong = new Api(app.url(), victim.username(), "not the password").from("127.0.0.3");
        Api right = new Api(app.url(), victim.username(), victim.password()).from("127.0.0.3");
        List<String> sequence = new ArrayList<>();
        for (int i = 0; i < LOCK_AFTER / 2 - 1; i++) {
            assertEquals(401, wrong.get("users").status(), "free failures");
        }
        for (long delay : new long[] {1, 2, 4}) {
            assertEquals(401, wrong.get("users").status(), "a failure after waiting");
            Api.Reply early = wrong.get("users");
            assertEquals(429, early.status(), early.body());
            assertEquals(String.valueOf(delay), early.header("Retry-After"), "the delay doubles");
            assertTrue(early.contentType().startsWith("application/problem+json"));
            sequence.add(delay + " s");
            Thread.sleep(delay * 1000 + 200);
        }
        assertEquals(401, wrong.get("users").status(), "the last failure before the lock");
        Api.Reply locked = right.get("users");
        assertEquals(429, locked.status(), "locked: even the right password waits: " + locked.body());
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 20 && retryAfter <= 30, "locked for CONFMAIL_LOGIN_LOCK_DURATION: " + retryAfter);
        assertEquals(200, create("bystander", "operator").api().from("127.0.0.4").get("users?size=1").status(),
                "other accounts from other addresses are not locked");
        figures.add("Wrong passwords (CONFMAIL_LOGIN_LOCK_AFTER=" + LOCK_AFTER + "): " + (LOCK_AFTER / 2)
                + " free, then waits of " + String.join(", ", sequence) + ", then a lock of " + retryAfter + " s.");

        JsonObject lockEntry = admin.get("audit?action=login.failure&target=" + victim.username()).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals("LIMITED", lockEntry.getString("outcome"), lockEntry.toString());
        assertTrue(lockEntry.getString("detail").contains("locked"), lockEntry.toString());

        // An unknown name is treated the same way: nothing tells it from an existing one.
        Api ghost = new Api(app.url(), "ghost-" + UUID.randomUUID().toString().substring(0, 8), "whatever it is")
                .from("127.0.0.5");
        for (int i = 0; i < LOCK_AFTER / 2; i++) {
            assertEquals(401, ghost.get("users").status());
        }
        Api.Reply ghostEarly = ghost.get("users");
        assertEquals(429, ghostEarly.status());
        assertEquals("1", ghostEarly.header("Retry-After"));
    }

    @Test
    @Order(3)
    void unknownAndKnownAccountsTakeTheSameTimeToRefuse() {
        List<Accounts.Account> known = List.of(create("timing1", "auditor"), create("timing2", "auditor"),
                create("timing3", "auditor"));
        List<Long> knownMillis = new ArrayList<>();
        List<Long> unknownMillis = new ArrayList<>();
        int address = 10;
        for (int round = 0; round < 2; round++) {
            for (Accounts.Account account : known) {
                knownMillis.add(timeRefusal(new Api(app.url(), account.username(), "wrong password " + round)
                        .from("127.0.1." + address++)));
                unknownMillis.add(timeRefusal(new Api(app.url(), "nobody-" + UUID.randomUUID(), "wrong password")
                        .from("127.0.1." + address++)));
            }
        }
        long knownMedian = median(knownMillis);
        long unknownMedian = median(unknownMillis);
        figures.add("Refusing a wrong password: known accounts median " + knownMedian + " ms " + knownMillis
                + ", unknown names median " + unknownMedian + " ms " + unknownMillis);
        double ratio = (double) unknownMedian / knownMedian;
        assertTrue(ratio > 0.5 && ratio < 2.0, "unknown " + unknownMedian + " ms vs known " + knownMedian + " ms");
        assertTrue(knownMedian >= 100, "a real password hash is computed: " + knownMedian + " ms");
    }

    @Test
    @Order(4)
    void aFloodOfAThousandWrongPasswordsNeitherStarvesNormalRequestsNorGetsThrough() throws Exception {
        List<Long> baseline = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            assertEquals(200, admin.get("users?size=1").status());
            baseline.add((System.nanoTime() - start) / 1_000_000);
        }
        Accounts.Account target = create("flooded", "operator");

        // One account from one address: the lock answers almost all of them without hashing.
        // (Sixteen at once: the first burst reaches the hashing before any failure is counted, so a few more than
        // the limit can be checked, at most the hashing slots and their queue.)
        Api attacker = admin.from("127.0.0.9");
        Flood one = flood(1000, i -> attacker.as(target.username(), "guess " + i));
        assertTrue(one.statuses().getOrDefault(401, 0) <= LOCK_AFTER + 5, "at most the failures before the lock,"
                + " and one burst, were checked: " + one.statuses());
        assertEquals(1000, one.statuses().getOrDefault(401, 0) + one.statuses().getOrDefault(429, 0)
                + one.statuses().getOrDefault(503, 0), "only refusals: " + one.statuses());

        // A thousand names from a hundred addresses, each under every per-name and per-address limit: only the
        // bounded hashing stands between the flood and the CPUs.
        List<Api> addresses = new ArrayList<>();
        for (int a = 1; a <= 100; a++) {
            addresses.add(admin.from("127.0.3." + a));
        }
        Flood spread = flood(1000, i -> addresses.get(i % 100).as("spray-" + i, "guess " + i));
        Set<Integer> allowed = Set.of(401, 429, 503);
        assertTrue(allowed.containsAll(spread.statuses().keySet()), "only refusals: " + spread.statuses());
        assertTrue(allowed.containsAll(one.statuses().keySet()), "only refusals: " + one.statuses());
        assertTrue(spread.statuses().getOrDefault(401, 0) > 0, "some were checked: " + spread.statuses());
        assertTrue(spread.normalFailures().isEmpty() && one.normalFailures().isEmpty(), "normal requests all"
                + " succeeded: " + one.normalFailures() + " " + spread.normalFailures());
        long p95 = percentile(spread.normalMillis(), 95);
        assertTrue(p95 < 3000, "a normal request stays quick during the flood: p95 " + p95 + " ms");

        figures.add("Normal request (GET /api/v1/users?size=1, Basic): before any flood median "
                + median(baseline) + " ms, p95 " + percentile(baseline, 95) + " ms.");
        figures.add("Flood of 1,000 wrong passwords for one account from one address: " + one.millis() + " ms, "
                + one.statuses() + "; normal request meanwhile: median " + median(one.normalMillis()) + " ms, p95 "
                + percentile(one.normalMillis(), 95) + " ms, max " + Collections.max(one.normalMillis()) + " ms ("
                + one.normalMillis().size() + " requests).");
        figures.add("Flood of 1,000 wrong passwords for 1,000 names from 100 addresses: " + spread.millis()
                + " ms, " + spread.statuses() + "; normal request meanwhile: median " + median(spread.normalMillis())
                + " ms, p95 " + p95 + " ms, max " + Collections.max(spread.normalMillis()) + " ms ("
                + spread.normalMillis().size() + " requests).");
    }

    @Test
    @Order(5)
    void anOperatorSendsOnlyToTheUsersOwnOrAVerifiedDomainAndOnlySoOftenPerHour() {
        assertEquals(200, admin.patch("tenant/dial-in-settings", "{\"verifiedDomains\": [\"partner.example\"]}")
                .status());
        Accounts.Account operator = create("sender", "operator");
        Api ops = operator.api();
        String first = user("first");
        Api.Reply outside = ops.post("users/" + first + "/conference-info-email",
                "{\"toAddress\": \"someone@outside.example\"}");
        assertEquals(403, outside.status(), outside.body());
        assertEquals("toAddress", outside.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(202, ops.post("users/" + first + "/conference-info-email",
                "{\"toAddress\": \"desk@partner.example\"}").status(), "a verified domain");
        assertEquals(202, ops.post("users/" + user("second") + "/conference-info-email",
                "{\"toAddress\": \"assistant@contoso.com\"}").status(), "the user's own domain");
        assertEquals(202, ops.post("users/" + user("third") + "/conference-info-email", null).status());
        Api.Reply fourth = ops.post("users/" + user("fourth") + "/conference-info-email", null);
        assertEquals(429, fourth.status(), "three per hour for this caller: " + fourth.body());
        long retryAfter = Long.parseLong(fourth.header("Retry-After"));
        assertTrue(retryAfter > 3500 && retryAfter <= 3600, "until the oldest leaves the hour: " + retryAfter);
        assertEquals(202, admin.post("users/" + first + "/conference-info-email",
                "{\"toAddress\": \"anyone@outside.example\"}").status(), "an admin sends anywhere, as another caller");
    }

    @Test
    @Order(6)
    void oneBulkSendRunsAtATimeAndTheNextWaitsForTheCooldown() throws Exception {
        String upn = user("bulk");
        smtp.delayData(6000);
        Api.Reply first = admin.post("bulk/conference-info-emails", "{\"userPrincipalNames\": [\"" + upn + "\"]}");
        assertEquals(202, first.status(), first.body());
        assertTrue(Api.eventually(Duration.ofSeconds(10), () -> admin.get("emails?status=SENDING&size=1").json()
                .getInt("total") > 0), "the email is being sent");
        Api.Reply running = admin.post("bulk/conference-info-emails", "{\"userPrincipalNames\": [\"" + upn + "\"]}");
        assertEquals(409, running.status(), running.body());
        assertTrue(running.body().contains(first.json().getString("jobId")), running.body());
        smtp.delayData(0);
        assertTrue(Api.eventually(Duration.ofSeconds(30), () -> admin.get("bulk/" + first.json().getString("jobId"))
                .json().getBoolean("done")));
        Api.Reply cooling = create("bulker", "operator").api().post("bulk/conference-info-emails",
                "{\"all\": true}");
        assertEquals(429, cooling.status(), cooling.body());
        long retryAfter = Long.parseLong(cooling.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 30, "CONFMAIL_BULK_COOLDOWN: " + retryAfter);
    }

    @Test
    @Order(7)
    void pagingThatOverflowsAndBodiesAboveTheLimitAreRefusedNeverA500() throws Exception {
        for (String list : List.of("users", "emails", "audit", "accounts")) {
            for (String query : List.of("page=99999999999", "size=99999999999", "page=-1", "size=0", "size=201",
                    "page=abc", "page=2147483647&size=200", "page=10000&size=200")) {
                Api.Reply reply = admin.get(list + "?" + query);
                assertEquals(400, reply.status(), list + "?" + query + ": " + reply.body());
                String field = reply.json().getJsonArray("errors").getJsonObject(0).getString("field");
                assertTrue(field.equals("page") || field.equals("size"), reply.body());
            }
        }
        String big = "{\"displayName\": \"" + "x".repeat(70_000) + "\"}";
        Api.Reply tooLarge = admin.patch("users/" + user("big"), big);
        assertEquals(413, tooLarge.status(), tooLarge.body());
        assertTrue(tooLarge.contentType().startsWith("application/problem+json"));

        // Without a declared length (chunked), the body is read up to the limit and refused there.
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(app.url() + "api/v1/bridges"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + app.adminPassword()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        String fits = "{\"name\": \"" + "y".repeat(250) + "\"}";
        assertEquals(400, admin.post("bridges", fits).status(), "a body within the limit reaches validation");
    }

    @Test
    @Order(8)
    void overHttpsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(app.url() + "admin/login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow(() -> new AssertionError(login.headers().map().toString()));
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertEquals("max-age=31536000", login.headers().firstValue("Strict-Transport-Security").orElse(null));

        // A client over plain http cannot even keep a session now: the browser would not send the cookie back.
    }

    @Test
    @Order(20)
    void theBootstrapAdminFollowsAChangedAdminPasswordOnlyWhenItChanges() throws Exception {
        String generated = app.adminPassword();
        Instant beforeRestart = Instant.now();
        app.stop();
        app.set("CONFMAIL_ADMIN_PASSWORD", "configured admin password 1")
                .set("CONFMAIL_PUBLIC_BASE_URL", "http://localhost:8080")
                .set("CONFMAIL_OPEN_ENDPOINTS", "metrics")
                .set("CONFMAIL_AUDIT_RETENTION", "PT1S");
        app.start(Duration.ofMinutes(4));
        assertEquals(200, new Api(app.url(), "admin", "configured admin password 1").get("users?size=1").status());
        assertEquals(401, new Api(app.url(), "admin", generated).get("users?size=1").status(), "the old one is gone");
        Api configured = new Api(app.url(), "admin", "configured admin password 1");
        assertEquals(204, configured.post("accounts/admin/password-reset",
                "{\"password\": \"changed through the api\"}").status());
        Api changed = new Api(app.url(), "admin", "changed through the api");

        // Open on purpose: /metrics (and nothing else) answers anonymously.
        Api anonymous = configured.anonymous();
        assertEquals(200, anonymous.getText("../../metrics").status());
        assertEquals(401, anonymous.getText("../../openapi").status());
        // Over plain http: no Secure cookie, no HSTS.
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(app.url() + "admin/login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(login.headers().firstValue("Strict-Transport-Security").isEmpty());
        assertTrue(login.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.contains("Secure")));

        // The portal's login page answers a locked account with 429 and says how long to wait.
        Accounts.Account portalVictim = new Accounts.Account("portal-victim", "portal victim password", app.url());
        assertEquals(201, changed.post("accounts", "{\"username\": \"portal-victim\", \"password\": \""
                + portalVictim.password() + "\", \"roles\": [\"auditor\"]}").status());
        FacesClient portal = new FacesClient(app.url());
        FacesClient.Page page = null;
        for (int i = 0; i <= LOCK_AFTER; i++) {
            FacesClient.Page form = portal.get("admin/login.xhtml");
            page = portal.post(form, "signin", "signin:login", Map.of("signin:username", portalVictim.username(),
                    "signin:password", "wrong " + i));
            if (page.status() == 429) {
                break;
            }
            assertTrue(page.html().contains("not correct"), page.html());
            Thread.sleep(i < LOCK_AFTER / 2 - 1 ? 0 : 200 + (1000L << Math.max(0, i - (LOCK_AFTER / 2 - 1))));
        }
        assertEquals(429, page.status(), page.html());
        assertTrue(page.html().contains("Too many failed sign-ins"), page.html());

        // Retention of one second: the first run's entries go at the next sweep.
        assertTrue(Api.eventually(Duration.ofSeconds(20), () -> changed.get("audit?to=" + beforeRestart
                + "&size=1").json().getInt("total") == 0), "old audit entries are deleted");

        app.stop();
        app.signInWith("changed through the api").start(Duration.ofMinutes(4));
        assertEquals(200, new Api(app.url(), "admin", "changed through the api").get("users?size=1").status(),
                "the same CONFMAIL_ADMIN_PASSWORD does not undo a change made since");
        assertEquals(401, new Api(app.url(), "admin", "configured admin password 1").get("users?size=1").status());
    }

    @Test
    @Order(30)
    void smtpAuthenticationInClearTextToARemoteRelayStopsTheStartWithOneLine() throws Exception {
        app.stop();
        AppProcess refused = new AppProcess("limits-refused", work.resolve("refused"), Map.of(
                "CONFMAIL_SMTP_HOST", "relay.example.com",
                "CONFMAIL_SMTP_USER", "confmail",
                "CONFMAIL_SMTP_PASSWORD", "secret",
                "CONFMAIL_SMTP_SECURITY", "none"));
        Files.createDirectories(work.resolve("refused"));
        IllegalStateException exited;
        try (refused) {
            exited = assertThrows(IllegalStateException.class, () -> refused.start(Duration.ofMinutes(3)));
        }
        assertTrue(exited.getMessage().contains("exited with 2"), exited.getMessage());
        List<String> lines = Files.readAllLines(refused.log()).stream()
                .filter(l -> l.contains("confmail cannot start")).toList();
        assertFalse(lines.isEmpty(), refused.logTail());
        String line = lines.get(0);
        assertTrue(line.contains("SEVERE") && line.contains("CONFMAIL_SMTP_SECURITY")
                && line.contains("relay.example.com"), "one line that names the setting: " + line);
        assertTrue(Files.readAllLines(refused.log()).stream().noneMatch(l -> l.contains("secret")),
                "never the SMTP password");
    }

    // ------------------------------------------------------------------------------------------------------------

    /** What a flood did: its duration, the statuses it got, and a normal client's latencies meanwhile. */
    record Flood(long millis, Map<Integer, Integer> statuses, List<Long> normalMillis, List<Integer> normalFailures) {
    }

    private Flood flood(int requests, java.util.function.IntFunction<Api> attacker) throws Exception {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Long> normal = Collections.synchronizedList(new ArrayList<>());
        List<Integer> normalFailures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean flooding = new AtomicBoolean(true);
        Thread normalClient = new Thread(() -> {
            while (flooding.get()) {
                long start = System.nanoTime();
                int status = admin.get("users?size=1").status();
                normal.add((System.nanoTime() - start) / 1_000_000);
                if (status != 200) {
                    normalFailures.add(status);
                }
                sleepQuietly(100);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long start = System.nanoTime();
        normalClient.start();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int n = i;
            done.add(pool.submit(() -> statuses.merge(attacker.apply(n).get("users?size=1").status(), 1,
                    Integer::sum)));
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        flooding.set(false);
        normalClient.join();
        pool.shutdown();
        return new Flood(millis, new java.util.TreeMap<>(statuses), new ArrayList<>(normal),
                new ArrayList<>(normalFailures));
    }

    private Accounts.Account create(String prefix, String role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        Api.Reply created = admin.post("accounts", "{\"username\": \"" + username + "\", \"password\": \"" + password
                + "\", \"roles\": [\"" + role + "\"]}");
        assertEquals(201, created.status(), created.body());
        return new Accounts.Account(username, password, app.url());
    }

    private String user(String name) {
        return scenario.createUser(name + UUID.randomUUID().toString().substring(0, 4), "\"country\": \"US\"")
                .getString("userPrincipalName");
    }

    private static long timeRefusal(Api api) {
        long start = System.nanoTime();
        Api.Reply reply = api.get("users?size=1");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(401, reply.status(), reply.body());
        return millis;
    }

    static long median(List<Long> values) {
        return percentile(values, 50);
    }

    static long percentile(List<Long> values, int percent) {
        assertNotNull(values);
        assertFalse(values.isEmpty());
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
