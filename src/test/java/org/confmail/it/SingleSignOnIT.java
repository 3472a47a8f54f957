package org.confmail.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.confmail.it.support.AppProcess;
import org.confmail.it.support.KeycloakServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Portal single sign-on against a real Keycloak (extended profile only: {@code mvn verify -Pextended}): people sign
 * in on Keycloak's own login page and land in the portal with the role their Keycloak group maps to; someone in no
 * mapped group gets the no-access page; logout ends the portal's session and Keycloak's; the local break-glass
 * admin still signs in with a password; a forged callback is refused and signs nobody in; and with passwords
 * turned off, API tokens keep working while Basic and the password form do not.
 *
 * <p>Keycloak serves on {@code localhost}, confmail on {@code 127.0.0.1}: two sites, as an identity provider and
 * confmail are in production, so the browser applies its SameSite rules to the way back from Keycloak.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSignOnIT {

    static final String CLIENT_SECRET = "it-" + UUID.randomUUID();
    static final Map<String, String> PASSWORDS = Map.of("alice.admin", "alice-password-1", "oscar.operator",
            "oscar-password-1", "audrey.auditor", "audrey-password-1", "nina.nogroup", "nina-password-1");

    static KeycloakServer keycloak;
    static AppProcess app;
    static Browser browser;
    static Api admin;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        port = AppProcess.freePort();
        String base = "http://127.0.0.1:" + port;
        keycloak = new KeycloakServer("confmail", Map.of("CONFMAIL_TEST_BASE_URL", base,
                "CONFMAIL_TEST_CLIENT_SECRET", CLIENT_SECRET)).start(Duration.ofMinutes(6));
        Path work = Files.createDirectories(Path.of(System.getProperty("confmail.it.work", "target/it-work")))
                .resolve("sso-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work.resolve("app"));
        app = new AppProcess("sso", work.resolve("app"), Map.of(
                "CONFMAIL_PUBLIC_BASE_URL", base,
                "CONFMAIL_OIDC_ISSUER", keycloak.issuer(),
                "CONFMAIL_OIDC_CLIENT_ID", "confmail",
                "CONFMAIL_OIDC_CLIENT_SECRET", CLIENT_SECRET,
                // Keycloak's mapper writes full paths (/confmail-admins): both spellings must match.
                "CONFMAIL_OIDC_ADMIN_GROUPS", "/confmail-admins",
                "CONFMAIL_OIDC_OPERATOR_GROUPS", "confmail-operators",
                "CONFMAIL_OIDC_AUDITOR_GROUPS", "Confmail-Auditors, other-group"))
                .onPort(port);
        // Assigned before it starts, so that a start that times out is still stopped in stop().
        app.start(Duration.ofMinutes(8));
        admin = new Api(app.url(), "admin", AppProcess.ADMIN_PASSWORD);
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    /** Clicks the login page's single sign-on button and signs in on Keycloak's page; answers where it landed. */
    static String signInThroughKeycloak(String user) {
        browser.newContext(app.url(), "en-US");
        browser.open(Browser.LOGIN_PAGE);
        Page page = browser.page();
        assertThat(page.locator("#sso")).hasText("Sign in with your company account");
        page.locator("#sso").click();
        return keycloakPassword(user);
    }

    /** On Keycloak's login page: the password, and back to confmail. */
    static String keycloakPassword(String user) {
        Page page = browser.page();
        page.waitForURL(url -> url.startsWith(keycloak.issuer()));
        assertThat(page.locator("#password")).isVisible();
        page.locator("#username").fill(user);
        page.locator("#password").fill(PASSWORDS.get(user));
        page.locator("#kc-login").click();
        // Back at confmail: the callback shows the no-access page itself, or a page that opens the portal.
        page.waitForURL(url -> url.startsWith(app.url().toString()), new Page.WaitForURLOptions().setTimeout(30_000));
        page.waitForLoadState();
        if (page.locator("#no-access").count() == 0) {
            page.waitForURL(url -> !url.contains("/admin/sign-in/callback"),
                    new Page.WaitForURLOptions().setTimeout(30_000));
            page.waitForLoadState();
        }
        return browser.currentPath();
    }

    static JsonObject lastAudit(String query) {
        List<JsonValue> items = admin.get("audit?" + query + "&size=1").json().getJsonArray("items");
        assertFalse(items.isEmpty(), "an audit entry for " + query);
        return items.get(0).asJsonObject();
    }

    @Test
    @Order(1)
    void anAdminSignsInOnKeycloaksPageAndLandsAsAdmin() {
        String landed = signInThroughKeycloak("alice.admin");
        assertEquals("/admin/index.xhtml", landed);
        browser.assertAccessible("sso-admin-dashboard");
        Page page = browser.page();
        assertThat(page.locator("#signed-in")).containsText("alice.admin");
        // What only an admin has: the Accounts page, in the menu and open.
        assertThat(page.locator("[id$='nav-accounts']")).isVisible();
        Response accounts = browser.open("/admin/accounts.xhtml");
        assertEquals(200, accounts.status());
        browser.screenshot("sso-admin-accounts");
        JsonObject audit = lastAudit("action=login.success&actor=alice.admin");
        assertTrue(audit.getString("detail").contains("single sign-on: subject "), audit.toString());
        assertTrue(audit.getString("detail").contains(keycloak.issuer()), audit.toString());
        assertTrue(audit.getString("detail").endsWith("roles admin"), audit.toString());
    }

    @Test
    @Order(2)
    void anOperatorSignsInAndSeesOnlyWhatAnOperatorMay() {
        assertEquals("/admin/index.xhtml", signInThroughKeycloak("oscar.operator"));
        Page page = browser.page();
        assertThat(page.locator("#signed-in")).containsText("oscar.operator");
        assertThat(page.locator("[id$='nav-accounts']")).hasCount(0);
        assertThat(page.locator("[id$='nav-audit']")).hasCount(0);
        assertEquals(403, page.navigate("admin/accounts.xhtml").status(), "accounts are for admins");
        Response users = browser.open("/admin/users.xhtml");
        assertEquals(200, users.status());
        browser.screenshot("sso-operator-users");
        assertTrue(lastAudit("action=login.success&actor=oscar.operator").getString("detail")
                .endsWith("roles operator"));
    }

    @Test
    @Order(3)
    void groupNamesMatchWhateverTheirCaseAndLeadingSlash() {
        // CONFMAIL_OIDC_AUDITOR_GROUPS names "Confmail-Auditors"; Keycloak sends "/confmail-auditors".
        assertEquals("/admin/index.xhtml", signInThroughKeycloak("audrey.auditor"));
        Page page = browser.page();
        assertThat(page.locator("[id$='nav-audit']")).isVisible();
        assertThat(page.locator("[id$='nav-accounts']")).hasCount(0);
    }

    @Test
    @Order(4)
    void someoneInNoMappedGroupGetsTheNoAccessPageAndNoSession() {
        assertEquals("/admin/sign-in/callback", signInThroughKeycloak("nina.nogroup").split("\\?")[0]);
        Page page = browser.page();
        assertThat(page.locator("#no-access h1")).hasText("No access");
        assertThat(page.locator("#no-access-who")).containsText("You signed in as nina.nogroup");
        assertThat(page.locator("#other-account")).isVisible();
        browser.assertAccessible("sso-no-access");
        browser.screenshot("sso-no-access");
        // Not signed in: the portal sends the browser to the login page.
        page.navigate("admin/index.xhtml");
        assertEquals(Browser.LOGIN_PAGE, browser.currentPath());
        JsonObject audit = lastAudit("action=login.failure&actor=nina.nogroup");
        assertEquals("DENIED", audit.getString("outcome"));
        assertTrue(audit.getString("detail").contains("no group maps to a role (groups: /staff)"), audit.toString());
    }

    @Test
    @Order(5)
    void logoutEndsThePortalSessionAndKeycloaksSoTheNextSignInAsksForThePassword() {
        assertEquals("/admin/index.xhtml", signInThroughKeycloak("alice.admin"));
        Page page = browser.page();
        page.locator("[id$='logout']").click();
        try {
            page.waitForURL(url -> url.startsWith(app.url() + "admin/login.xhtml"),
                    new Page.WaitForURLOptions().setTimeout(30_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            Path shot = browser.screenshot("sso-logout-stuck");
            throw new AssertionError("logout stayed at " + page.url() + " (" + shot + "): "
                    + page.locator("body").innerText(), e);
        }
        browser.assertAccessible("sso-after-logout");
        page.navigate("admin/index.xhtml");
        assertEquals(Browser.LOGIN_PAGE, browser.currentPath(), "the portal session is over");
        // Keycloak's session is over too: its login page asks for the password instead of sending us straight back.
        page.locator("#sso").click();
        page.waitForURL(url -> url.startsWith(keycloak.issuer()));
        assertThat(page.locator("#password")).isVisible();
        browser.screenshot("sso-keycloak-asks-again");
        assertEquals("/admin/index.xhtml", keycloakPassword("alice.admin"));
    }

    @Test
    @Order(6)
    void theLocalBreakGlassAdminStillSignsInWithAPassword() {
        browser.newContext(app.url(), "fr-FR");
        browser.open(Browser.LOGIN_PAGE);
        assertThat(browser.page().locator("#sso")).hasText("Se connecter avec votre compte d’entreprise");
        browser.screenshot("sso-login-page-fr");
        browser.login("admin", AppProcess.ADMIN_PASSWORD);
        assertThat(browser.page().locator("#signed-in")).containsText("admin");
        assertThat(browser.page().locator("[id$='nav-accounts']")).isVisible();
    }

    @Test
    @Order(7)
    void aForgedCallbackIsRefusedAndSignsNobodyIn() {
        // From this test's start: an earlier test's sign-in may lie within any fixed window on a fast machine.
        java.time.Instant started = java.time.Instant.now();
        long failuresBefore = admin.get("audit?action=login.failure&size=1").json().getJsonNumber("total")
                .longValue();
        // A browser that started a sign-in, then comes back with another state (a forged link).
        browser.newContext(app.url(), "en-US");
        browser.open(Browser.LOGIN_PAGE);
        Page page = browser.page();
        page.locator("#sso").click();
        page.waitForURL(url -> url.startsWith(keycloak.issuer()));
        page.navigate("admin/sign-in/callback?state=forged&code=stolen-code&session_state=x");
        assertEquals(Browser.LOGIN_PAGE + "?sso=failed", browser.currentPath());
        assertThat(page.locator("#sso-message")).containsText("did not work");
        browser.assertAccessible("sso-failed");
        page.navigate("admin/index.xhtml");
        assertEquals(Browser.LOGIN_PAGE, browser.currentPath(), "nobody signed in");
        assertTrue(lastAudit("action=login.failure").getString("detail")
                .contains("the state does not match the sign-in this browser started"));
        // A browser that started nothing (no flow cookie), and a query that is not even a callback.
        browser.newContext(app.url(), "en-US");
        browser.page().navigate("admin/sign-in/callback?code=stolen-code&state=forged");
        assertEquals(Browser.LOGIN_PAGE + "?sso=failed", browser.currentPath());
        browser.page().navigate("admin/sign-in/callback?%00=%ZZ&state=<script>");
        assertEquals(Browser.LOGIN_PAGE + "?sso=failed", browser.currentPath());
        long failuresAfter = admin.get("audit?action=login.failure&size=1").json().getJsonNumber("total")
                .longValue();
        assertEquals(failuresBefore + 3, failuresAfter);
        assertEquals(0, admin.get("audit?action=login.success&from=" + started + "&actor=alice.admin").json()
                .getJsonArray("items").size());
        // Anything but GET is refused at both addresses.
        Api.Reply post = admin.anonymous().call("POST", "../../admin/sign-in/callback", "{}");
        assertEquals(405, post.status(), post.body());
    }

    /**
     * HostileInputIT's corpus as the callback's state, code and error, from a client holding a real flow cookie of
     * its own: each is refused (back to the login page), recorded as a failed sign-in, and signs nobody in.
     */
    @Test
    @Order(8)
    void everyHostileValueAtTheCallbackIsRefusedAndRecorded() throws Exception {
        // HTTP/1.1 as browsers speak it over plain http (no h2c upgrade).
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.http.HttpResponse<String> started = http.send(java.net.http.HttpRequest.newBuilder(
                URI.create(app.url() + "admin/sign-in")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, started.statusCode());
        assertTrue(started.headers().firstValue("Location").orElseThrow().startsWith(keycloak.issuer()));
        String cookie = started.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("confmail_sign_in="))
                .findFirst().orElseThrow().split(";")[0];
        long failures = total("action=login.failure");
        long successes = total("action=login.success");
        List<String> wrong = new java.util.ArrayList<>();
        int sent = 0;
        int refused = 0;
        for (HostileInputIT.Value value : HostileInputIT.CORPUS) {
            String text = java.net.URLEncoder.encode(HostileInputIT.queryText(value),
                    java.nio.charset.StandardCharsets.UTF_8);
            for (String query : List.of("state=" + text + "&code=c", "state=s&code=" + text, "error=" + text)) {
                java.net.http.HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(
                        URI.create(app.url() + "admin/sign-in/callback?" + query)).header("Cookie", cookie).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                String location = answer.headers().firstValue("Location").orElse("");
                boolean sessionMade = answer.headers().allValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("JSESSIONID"));
                if (answer.statusCode() == 302 && location.endsWith("/admin/login.xhtml?sso=failed") && !sessionMade) {
                    refused++;
                } else if (!(answer.statusCode() >= 400 && answer.statusCode() < 500 && answer.statusCode() != 404)
                        || sessionMade) {
                    // A 4xx from the server itself (a request line too long) is a refusal too, before confmail.
                    wrong.add(value.label() + " (" + (query.length() > 80 ? query.substring(0, 80) + "..." : query)
                            + "): " + answer.statusCode() + " " + location);
                }
                sent++;
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(failures + refused, total("action=login.failure"), "each refusal confmail saw is recorded");
        assertEquals(successes, total("action=login.success"), "nobody signed in");
        System.out.printf("SingleSignOnIT: %d hostile callbacks refused (%d by confmail, %d by the server)%n", sent,
                refused, sent - refused);
    }

    static long total(String query) {
        return admin.get("audit?" + query + "&size=1").json().getJsonNumber("total").longValue();
    }

    @Test
    @Order(9)
    void withPasswordsTurnedOffTokensStillWorkAndSingleSignOnIsTheWayIn() throws Exception {
        JsonObject token = admin.post("accounts/admin/tokens", "{\"name\": \"sso-it script\"}").json();
        app.stop();
        app.set("CONFMAIL_LOCAL_SIGN_IN", "false").readyWithoutPassword(true).start(Duration.ofMinutes(8));
        Api script = Api.bearer(app.url(), token.getString("token"));
        assertEquals(200, script.get("users").status(), "API tokens keep working");
        Api.Reply basic = new Api(app.url(), "admin", AppProcess.ADMIN_PASSWORD).get("users");
        assertEquals(401, basic.status());
        assertTrue(basic.body().contains("Password sign-in is turned off"), basic.body());
        browser.newContext(app.url(), "en-US");
        browser.open(Browser.LOGIN_PAGE);
        assertThat(browser.page().locator("input[id$='password']")).hasCount(0);
        browser.screenshot("sso-login-page-passwords-off");
        browser.page().locator("#sso").click();
        assertEquals("/admin/index.xhtml", keycloakPassword("alice.admin"));
        assertEquals("DENIED", script.get("audit?action=login.failure&actor=admin&size=1").json()
                .getJsonArray("items").get(0).asJsonObject().getString("outcome"));
    }

    static URI uri(String text) {
        return URI.create(text);
    }
}
