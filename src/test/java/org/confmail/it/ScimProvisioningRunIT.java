package org.confmail.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A provisioning run as an identity provider makes it: 1,000 users created through SCIM, then added to the license
 * group in PATCHes of 100 members. Each must get exactly one LICENSE_ASSIGNED email at the SMTP server. The figures
 * (creation, group PATCHes, time until the last email arrived) go to {@code target/scim-provisioning.md}. Heavy: run
 * with the {@code extended} profile ({@code mvn verify -Pextended -Dit.test=ScimProvisioningRunIT ...}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScimProvisioningRunIT {

    static final int USERS = Integer.getInteger("confmail.bench.scim.users", 1000);
    static final int BATCH = 100;
    static final int CLIENTS = 4;

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.perClass();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void thousandUsersJoinTheLicenseGroup() throws Exception {
        Api admin = new Api(base);
        Scenario scenario = new Scenario(admin, SMTP).withBridge();
        assertEquals(200, admin.patch("bridges/" + scenario.bridgeId, "{\"isDefault\": true}").status());
        Accounts accounts = new Accounts(base);
        String provisioner = accounts.create("bench-idp", "provisioner").username();
        ScimClient scim = new ScimClient(base, accounts.token(provisioner, "bench", null, null)[1]);
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                String name = "u" + i + "." + suffix + "@bench.contoso.com";
                created.add(pool.submit(() -> {
                    ScimClient.Reply reply = scim.call("POST", "Users", "{\"userName\": \"" + name
                            + "\", \"displayName\": \"Bench " + name + "\", \"emails\": [{\"value\": \"" + name
                            + "\", \"type\": \"work\", \"primary\": true}]}");
                    assertEquals(201, reply.status(), reply.body());
                    return reply.json().getString("id");
                }));
            }
            for (Future<String> id : created) {
                ids.add(id.get());
            }
        } finally {
            pool.shutdown();
        }
        long createdAt = System.nanoTime();

        ScimClient.Reply groups = scim.call("GET", "Groups?excludedAttributes=members&filter="
                + java.net.URLEncoder.encode("displayName eq \"Audio Conferencing\"",
                java.nio.charset.StandardCharsets.UTF_8), null);
        String groupId = groups.json().getInt("totalResults") == 1
                ? groups.json().getJsonArray("Resources").getJsonObject(0).getString("id")
                : scim.call("POST", "Groups", "{\"displayName\": \"Audio Conferencing\"}").json().getString("id");
        List<Long> patchMillis = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            StringBuilder members = new StringBuilder();
            for (String id : ids.subList(from, Math.min(ids.size(), from + BATCH))) {
                members.append(members.isEmpty() ? "" : ", ").append("{\"value\": \"").append(id).append("\"}");
            }
            long t = System.nanoTime();
            ScimClient.Reply patched = scim.call("PATCH", "Groups/" + groupId + "?excludedAttributes=members",
                    ScimClient.patch("[{\"op\": \"Add\", \"path\": \"members\", \"value\": [" + members + "]}]"));
            assertEquals(200, patched.status(), patched.body());
            patchMillis.add((System.nanoTime() - t) / 1_000_000);
        }
        long patchedAt = System.nanoTime();

        boolean all = Api.eventually(Duration.ofMinutes(10), () -> received(suffix).size() >= USERS);
        long lastEmailAt = System.nanoTime();
        Thread.sleep(3000);
        Map<String, Integer> perAddress = received(suffix);
        int total = perAddress.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(all, "all LICENSE_ASSIGNED emails arrived: " + perAddress.size());
        assertEquals(USERS, perAddress.size(), "every user got an email");
        assertEquals(USERS, total, "exactly one email each");
        JsonObject sample = admin.get("emails?user=" + "u0." + suffix + "@bench.contoso.com").json();
        assertEquals("LICENSE_ASSIGNED", sample.getJsonArray("items").getJsonObject(0).getString("kind"));

        String report = "# SCIM provisioning run\n\n"
                + "| step | figure |\n|---|---|\n"
                + "| users created through SCIM (" + CLIENTS + " clients) | " + USERS + " in "
                + seconds(createdAt - start) + " s |\n"
                + "| license group PATCHes of " + BATCH + " members | " + patchMillis.size() + " in "
                + seconds(patchedAt - createdAt) + " s (each: " + patchMillis + " ms) |\n"
                + "| LICENSE_ASSIGNED emails received by the SMTP server | " + total + " for " + perAddress.size()
                + " users |\n"
                + "| first PATCH to last email received | " + seconds(lastEmailAt - createdAt) + " s |\n"
                + "| whole run | " + seconds(lastEmailAt - start) + " s |\n";
        Path out = Path.of(System.getProperty("confmail.it.logs", "target")).getParent().resolve("scim-provisioning.md");
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static Map<String, Integer> received(String suffix) {
        Map<String, Integer> counts = new HashMap<>();
        try {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                String to = ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
                if (to.contains("." + suffix + "@bench.contoso.com")) {
                    counts.merge(to, 1, Integer::sum);
                }
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
