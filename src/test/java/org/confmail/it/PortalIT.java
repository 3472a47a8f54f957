package org.confmail.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin portal in a real browser (Debian's headless chromium through Playwright) against Payara Micro and a
 * real SMTP server: what an admin does and sees. Screenshots of the main pages land in target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.perClass();

    static Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    Scenario scenario;
    Page page;
    final List<String> dialogs = new ArrayList<>();

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @BeforeEach
    void open() {
        scenario = new Scenario(new Api(base), SMTP).withBridge();
        page = browser.newContext(base, "en-US");
        // A script injected through a name would show up here as an alert.
        page.onDialog(d -> {
            dialogs.add(d.message());
            d.dismiss();
        });
    }

    @AfterEach
    void closeContext() {
        browser.closeContext();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Types a search term and waits for the table's AJAX update (the field searches on keyup, after a pause). */
    private void search(String term) {
        Locator field = page.locator("input[id$='search']");
        field.fill(term);
        page.waitForResponse(r -> r.request().method().equals("POST"), () -> field.press("End"));
        browser.waitForAjax();
    }

    /** The table's data rows (not the "no users" row). */
    private Locator userRows() {
        return page.locator("[id$='table_data'] tr[data-ri]");
    }

    private void openUser(String upn) {
        browser.open("/admin/user.xhtml?upn=" + encode(upn));
        browser.waitForAjax();
    }

    @Test
    void aPageOpenedWithoutLoggingInGoesToTheLoginPage() {
        browser.open("/admin/users.xhtml");
        assertTrue(browser.currentPath().startsWith("/admin/login.xhtml"), browser.currentPath());
        assertThat(page.locator("input[id$='username']")).isVisible();
        browser.screenshot("login");

        page.locator("input[id$='username']").fill("admin");
        page.locator("input[id$='password']").fill("wrong password");
        page.locator("[id$=':login']").click();
        page.waitForLoadState();
        assertThat(page.locator(".ui-messages")).containsText("not correct");
        assertTrue(browser.currentPath().startsWith("/admin/login.xhtml"));
    }

    @Test
    void anAdminLogsInSearchesAUserAndSeesTheDashboard() {
        JsonObject user = scenario.createUser("searchable", "\"country\": \"US\"");
        browser.login("admin", Api.ADMIN_PASSWORD);
        assertThat(page.locator("#count-users")).isVisible();
        browser.screenshot("dashboard");

        browser.open("/admin/users.xhtml");
        search(scenario.suffix);
        Locator rows = userRows();
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText(user.getString("userPrincipalName"));
        assertThat(rows.first()).containsText(user.getString("conferenceId"));
        browser.screenshot("users");

        // Search by conference ID too.
        search(user.getString("conferenceId"));
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText(user.getString("userPrincipalName"));

        search("no-such-user-" + scenario.suffix);
        assertThat(rows).hasCount(0);
        assertThat(page.locator("[id$='table_data']")).containsText("No users match");
    }

    @Test
    void sendingConferenceInfoFromTheActionPaneDeliversIt() throws Exception {
        String upn = scenario.createUser("sender", "\"country\": \"US\"").getString("userPrincipalName");
        browser.login("admin", Api.ADMIN_PASSWORD);
        openUser(upn);
        assertThat(page.locator("#action-pane")).isVisible();
        browser.screenshot("user");

        page.locator("[id$='send-info']").click();
        assertThat(page.locator("[id$='send-dialog']")).isVisible();
        page.locator("[id$='send-now']").click();
        browser.waitForAjax();
        assertThat(page.locator(".ui-growl")).containsText("Conference info queued");

        JsonObject email = scenario.awaitSent(upn, "CONFERENCE_INFO", 1).get(0);
        MimeMessage mail = scenario.receivedFor(email);
        assertEquals("Your audio conferencing dial-in information", mail.getSubject());
    }

    @Test
    void resettingThePinShowsItOnceAndEmailsIt() throws Exception {
        String upn = scenario.createUser("pinreset", null).getString("userPrincipalName");
        browser.login("admin", Api.ADMIN_PASSWORD);
        openUser(upn);

        page.locator("[id$='reset-pin']").click();
        assertThat(page.locator(".ui-confirm-dialog")).isVisible();
        page.locator(".ui-confirm-dialog [id$='confirm-yes']").click();
        assertThat(page.locator(".ui-confirm-dialog")).isHidden();
        Locator pin = page.locator("#new-pin");
        assertThat(pin).hasText(Pattern.compile("\\d{5}"));
        String shown = pin.innerText().strip();
        browser.screenshot("pin-reset");
        page.locator("[id$='pin-done']").click();

        JsonObject email = scenario.awaitSent(upn, "PIN_RESET", 1).get(0);
        String text = (String) ((Multipart) scenario.receivedFor(email).getContent()).getBodyPart(0).getContent();
        assertTrue(text.contains(shown), "the emailed PIN is the one shown");

        openUser(upn);
        assertFalse(page.content().contains(shown), "the PIN is never shown again");
    }

    @Test
    void bulkSendFollowsTheProgressBarToTheEnd() {
        scenario.createUser("bulkone", null);
        scenario.createUser("bulktwo", null);
        browser.login("admin", Api.ADMIN_PASSWORD);
        browser.open("/admin/users.xhtml");
        search(scenario.suffix);
        assertThat(userRows()).hasCount(2);
        page.locator("[id$='table_head'] .ui-chkbox-box").click();
        browser.waitForAjax();

        page.locator("[id$='send-selected']").click();
        page.locator(".ui-confirm-dialog [id$='confirm-yes']").click();
        assertThat(page.locator(".ui-confirm-dialog")).isHidden();
        assertThat(page.locator("[id$='progress']")).isVisible();
        assertThat(page.locator("[id$='progress'] .ui-progressbar-label"))
                .hasText("100%", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator("[id$='progress-counts']"))
                .containsText("2 Sent", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        browser.screenshot("bulk-progress");
    }

    @Test
    void aNameWithHtmlIsShownAsText() {
        String name = "<img src=x onerror=alert(1)>";
        String upn = "xss." + scenario.suffix + "@contoso.com";
        Api.Reply created = scenario.api.post("users", "{\"userPrincipalName\": \"" + upn
                + "\", \"displayName\": \"" + name + "\", \"bridgeId\": \"" + scenario.bridgeId + "\"}");
        assertEquals(201, created.status(), created.body());
        browser.login("admin", Api.ADMIN_PASSWORD);
        browser.open("/admin/users.xhtml");
        search("xss." + scenario.suffix);
        assertThat(userRows()).hasCount(1);
        assertThat(userRows().first()).containsText(name);
        assertEquals(0, page.locator("img[src='x']").count(), "no image element was injected");

        openUser(upn);
        assertThat(page.locator("h1.cm-title")).hasText(name);
        browser.open("/admin/preview.xhtml?upn=" + encode(upn));
        browser.waitForAjax();
        assertThat(page.locator("#html-frame")).isVisible();
        page.waitForTimeout(300);
        assertTrue(dialogs.isEmpty(), "no script ran: " + dialogs);
    }

    @Test
    void thePreviewShowsAnyKindInEitherLanguageWithoutAPin() {
        String upn = scenario.createUser("preview", "\"country\": \"FR\"").getString("userPrincipalName");
        browser.login("admin", Api.ADMIN_PASSWORD);
        browser.open("/admin/preview.xhtml?upn=" + encode(upn));
        browser.waitForAjax();
        assertThat(page.locator("[id$='subject']")).hasText("Your audio conferencing dial-in information");
        assertEquals("", page.locator("#html-frame").getAttribute("sandbox"), "the email's HTML is sandboxed");
        assertThat(page.frameLocator("#html-frame").locator("body")).containsText("Conference ID");
        browser.screenshot("preview");

        page.locator("[id$='kind']").click();
        page.locator("[id$='kind_items'] li", new Page.LocatorOptions().setHasText("PIN reset")).click();
        browser.waitForAjax();
        // The form is rendered anew; the language menu is clicked in the new one, not in the one it replaces.
        assertThat(page.locator("[id$='subject']")).hasText("Your audio conferencing PIN was reset");
        page.locator("[id$='language']").click();
        page.locator("[id$='language_items'] li", new Page.LocatorOptions().setHasText("Français")).click();
        browser.waitForAjax();
        assertThat(page.locator("[id$='subject']")).hasText("Votre code PIN d’audioconférence a été réinitialisé");
        assertThat(page.frameLocator("#html-frame").locator("body")).containsText("•••••");
        assertEquals(0, scenario.emails(upn, "PIN_RESET").size(), "a preview sends nothing");
    }

    @Test
    void thePortalSpeaksFrenchToAFrenchBrowser() {
        page = browser.newContext(base, "fr-FR");
        browser.login("admin", Api.ADMIN_PASSWORD);
        assertThat(page.locator("h1.cm-title")).hasText("Tableau de bord");
        assertThat(page.locator("#nav-users")).hasText("Utilisateurs");
        page.locator("[id$='lang-en']").click();
        page.waitForLoadState();
        assertThat(page.locator("h1.cm-title")).hasText("Dashboard");
    }

    @Test
    void portalAnswersCarrySecurityHeadersAndASafeSessionCookie() {
        var response = browser.open("/admin/login.xhtml");
        var headers = response.allHeaders();
        assertEquals("nosniff", headers.get("x-content-type-options"));
        assertTrue(headers.get("content-security-policy").contains("frame-ancestors 'none'"), headers.toString());
        assertTrue(headers.get("content-security-policy").contains("nonce-"), headers.toString());
        browser.login("admin", Api.ADMIN_PASSWORD);
        var cookie = browser.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst()
                .orElseThrow();
        assertTrue(cookie.httpOnly);
        assertEquals(com.microsoft.playwright.options.SameSiteAttribute.STRICT, cookie.sameSite);

        page.locator("[id$='logout']").click();
        page.waitForLoadState();
        browser.open("/admin/index.xhtml");
        assertTrue(browser.currentPath().startsWith("/admin/login.xhtml"), "logged out");
    }
}
