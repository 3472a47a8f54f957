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
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.confmail.conferencing.control.PhoneNumbers;
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

    /** The portal's pages as the deployed WAR has them ({@code admin/*.xhtml}), so that a new page is checked too. */
    private static List<String> portalPages() throws Exception {
        try (ZipFile war = new ZipFile(System.getProperty("confmail.it.war", "target/confmail.war"))) {
            return war.stream().map(ZipEntry::getName).filter(n -> n.matches("admin/[^/]+\\.xhtml")).sorted()
                    .map(n -> "/" + n).toList();
        }
    }

    @Test
    void everyPortalPageHasNoAccessibilityViolations() throws Exception {
        String upn = scenario.createUser("axe", "\"country\": \"FR\"").getString("userPrincipalName");
        scenario.api.post("users/" + encode(upn) + "/conference-info-email", "{}");
        scenario.awaitSent(upn, "LICENSE_ASSIGNED", 1);
        List<String> pages = portalPages();
        assertTrue(pages.size() >= 9, "the portal's pages: " + pages);

        browser.login("admin", Api.ADMIN_PASSWORD); // checks the login page and the dashboard
        List<String> failures = new ArrayList<>();
        for (String path : pages) {
            try {
                // Pages about one user read it from ?upn=; the others ignore it.
                browser.open(path + "?upn=" + encode(upn));
                browser.screenshot("axe-ok" + path.replace('/', '-').replace(".xhtml", ""));
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
        assertTrue(Browser.checkedPaths().containsAll(pages), () -> "not checked: " + pages.stream()
                .filter(p -> !Browser.checkedPaths().contains(p)).toList());
    }

    /** The user page's display name field, filled and saved; answers the growl's text after the save. */
    private void saveDisplayName(Page on, String name) {
        on.locator("input[id$='displayName']").fill(name);
        on.locator("[id$='save-properties']").click();
        on.waitForFunction(Browser.AJAX_SETTLED);
    }

    @Test
    void aSaveOverAnotherAdminsSaveShowsWhatChangedAndReloadKeepsTheirs() {
        String upn = scenario.createUser("shared", "\"country\": \"US\"").getString("userPrincipalName");
        try (Browser other = browser.second()) {
            // Both admins open the same user.
            browser.login("admin", Api.ADMIN_PASSWORD);
            openUser(upn);
            Page b = other.newContext(base, "en-US");
            other.login("admin", Api.ADMIN_PASSWORD);
            other.open("/admin/user.xhtml?upn=" + encode(upn));

            // A saves first.
            saveDisplayName(page, "Name by A");
            assertThat(page.locator(".ui-growl")).containsText("Saved.");

            // B saves over the version they read: refused, with what changed and their own value side by side.
            saveDisplayName(b, "Name by B");
            Locator dialog = b.locator("[id$='conflict-dialog']");
            assertThat(dialog).isVisible();
            assertThat(dialog).containsText("Someone else changed this user");
            Locator row = dialog.locator("tr", new Locator.LocatorOptions().setHasText("Display name"));
            assertThat(row.locator("td").nth(0)).hasText("shared");
            assertThat(row.locator("td").nth(1)).hasText("Name by A");
            assertThat(row.locator("td").nth(2)).hasText("Name by B");
            assertEquals("Name by A", scenario.api.get("users/" + encode(upn)).json().getString("displayName"),
                    "nothing of B's was saved");
            other.assertAccessible("user: concurrent edit dialog");
            other.screenshot("user-conflict");

            // B reloads: the page shows A's name, and A's save stands.
            b.locator("[id$='conflict-reload']").click();
            b.waitForLoadState();
            other.waitForAjax();
            assertThat(b.locator("[id$='conflict-dialog']")).isHidden();
            assertThat(b.locator("input[id$='displayName']")).hasValue("Name by A");
            assertThat(b.locator("h1.cm-title")).hasText("Name by A");
            assertEquals("Name by A", scenario.api.get("users/" + encode(upn)).json().getString("displayName"));
        }
    }

    @Test
    void aSaveOverAnotherAdminsSaveCanOverwriteIt() {
        String upn = scenario.createUser("contested", "\"country\": \"US\"").getString("userPrincipalName");
        try (Browser other = browser.second()) {
            browser.login("admin", Api.ADMIN_PASSWORD);
            openUser(upn);
            Page b = other.newContext(base, "en-US");
            other.login("admin", Api.ADMIN_PASSWORD);
            other.open("/admin/user.xhtml?upn=" + encode(upn));

            // A changes the country and the name; B, who read the user before, changes the name only.
            page.locator("input[id$='country']").fill("FR");
            saveDisplayName(page, "Name by A");
            assertThat(page.locator(".ui-growl")).containsText("Saved.");
            saveDisplayName(b, "Name by B");
            Locator dialog = b.locator("[id$='conflict-dialog']");
            assertThat(dialog).isVisible();
            assertThat(dialog.locator("tr", new Locator.LocatorOptions().setHasText("Country"))).containsText("FR");

            // B overwrites: their name wins, and A's country, which B's save does not touch, stays.
            b.locator("[id$='conflict-overwrite']").click();
            other.waitForAjax();
            assertThat(dialog).isHidden();
            assertThat(b.locator(".ui-growl")).containsText("Saved.");
            JsonObject stored = scenario.api.get("users/" + encode(upn)).json();
            assertEquals("Name by B", stored.getString("displayName"));
            assertEquals("FR", stored.getString("country"));
            assertThat(b.locator("input[id$='country']")).hasValue("FR");
            other.screenshot("user-conflict-overwritten");

            // A, whose page is now behind, is told in turn instead of undoing B's save.
            saveDisplayName(page, "Name by A again");
            assertThat(page.locator("[id$='conflict-dialog']")).isVisible();
            assertEquals("Name by B", scenario.api.get("users/" + encode(upn)).json().getString("displayName"));
        }
    }

    /** Selects a bridge in the bridges page's table, which opens its panel. */
    private static void selectBridge(Browser in, String name) {
        in.page().locator("[id$='bridge-table'] a", new Page.LocatorOptions().setHasText(name)).click();
        in.waitForAjax();
        assertThat(in.page().locator("[id$='numbers-panel'] h2")).hasText(name);
    }

    @Test
    void aBridgeChangedByAnotherAdminShowsWhatChangedAndCanBeOverwritten() {
        String bridge = "Bridge " + scenario.suffix;
        String ukNumber = "+4420794" + scenario.frToll.substring(scenario.frToll.length() - 4);
        try (Browser other = browser.second()) {
            browser.login("admin", Api.ADMIN_PASSWORD);
            browser.open("/admin/bridges.xhtml");
            selectBridge(browser, bridge);
            browser.assertAccessible("bridges: a bridge selected");
            assertThat(page.locator("[id$='number-table']")).containsText(PhoneNumbers.format(scenario.frToll, null));
            Page b = other.newContext(base, "en-US");
            other.login("admin", Api.ADMIN_PASSWORD);
            other.open("/admin/bridges.xhtml");
            selectBridge(other, bridge);

            // A adds a number, a new version of the bridge.
            page.locator("input[id$='number']").fill(ukNumber);
            page.locator("input[id$='country']").fill("GB");
            page.locator("input[id$='city']").fill("London");
            page.locator("[id$='add-number']").click();
            browser.waitForAjax();
            assertThat(page.locator(".ui-growl")).containsText("Number added.");

            // B, who read the bridge before, makes the French number its default: refused, with A's number shown.
            other.choose("defaultToll", PhoneNumbers.format(scenario.frToll, null));
            b.locator("[id$='save-bridge']").click();
            other.waitForAjax();
            Locator dialog = b.locator("[id$='conflict-dialog']");
            assertThat(dialog).isVisible();
            assertThat(dialog).containsText("Someone else changed this bridge");
            Locator numbers = dialog.locator("tr", new Locator.LocatorOptions().setHasText("Numbers"));
            assertThat(numbers.locator("td").nth(1)).containsText(PhoneNumbers.format(ukNumber, null));
            assertThat(numbers.locator("td").nth(0)).not().containsText(PhoneNumbers.format(ukNumber, null));
            assertEquals(scenario.usToll, scenario.api.get("bridges/" + scenario.bridgeId).json()
                    .getString("defaultTollNumber"), "nothing of B's was saved");
            other.assertAccessible("bridges: concurrent edit dialog");
            other.screenshot("bridges-conflict");

            // B overwrites: the French default is saved, and A's number stays.
            b.locator("[id$='conflict-overwrite']").click();
            other.waitForAjax();
            assertThat(dialog).isHidden();
            assertThat(b.locator(".ui-growl")).containsText("Bridge saved.");
            assertEquals(scenario.frToll, scenario.api.get("bridges/" + scenario.bridgeId).json()
                    .getString("defaultTollNumber"));
            assertTrue(scenario.api.get("bridges/" + scenario.bridgeId + "/service-numbers").body()
                    .contains(ukNumber), "A's number is kept");
            assertThat(b.locator("[id$='number-table']")).containsText(PhoneNumbers.format(ukNumber, null));
        }
    }

    /** Text with the browser's no-break spaces (around times, before AM/PM) as plain ones. */
    private static String spaced(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ').strip();
    }

    @Test
    void datesShowInTheViewersLanguageAndTimeZoneWithTheUtcInstantOnHover() {
        String upn = scenario.createUser("dated", "\"country\": \"FR\"").getString("userPrincipalName");
        JsonObject email = scenario.awaitSent(upn, "LICENSE_ASSIGNED", 1).get(0);
        Instant created = Instant.parse(email.getString("createdAt"));

        page = browser.newContext(base, "fr-FR", "Europe/Paris");
        browser.login("admin", Api.ADMIN_PASSWORD);
        openUser(upn);
        Locator time = page.locator("[id$='history'] time[data-local]").first();
        String french = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.FRENCH)
                .withZone(ZoneId.of("Europe/Paris")).format(created);
        String shownFr = spaced(time.innerText());
        assertTrue(shownFr.matches(Pattern.quote(french) + " UTC\\+[12]"), shownFr + " is not " + french + " UTC+1/2");
        assertEquals(created, Instant.parse(time.getAttribute("title")), "the exact UTC instant on hover");
        browser.screenshot("user-history-fr");

        page = browser.newContext(base, "en-US", "America/New_York");
        browser.login("admin", Api.ADMIN_PASSWORD);
        browser.open("/admin/emails.xhtml");
        page.locator("input[id$='user']").fill(upn);
        page.waitForResponse(r -> r.request().method().equals("POST"), () -> page.locator("input[id$='user']")
                .press("Tab"));
        browser.waitForAjax();
        Locator row = page.locator("[id$='table_data'] tr[data-ri]").first();
        String english = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a", Locale.US)
                .withZone(ZoneId.of("America/New_York")).format(created);
        String shown = spaced(row.locator("time[data-local]").innerText());
        assertTrue(shown.matches(Pattern.quote(english) + " E[SD]T"), shown + " is not " + english + " EST/EDT");
        assertEquals(created, Instant.parse(row.locator("time").getAttribute("title")));
        browser.screenshot("emails-en");
    }

    @Test
    void dialogsTakeTheKeyboardAndGiveItBack() {
        String upn = scenario.createUser("keyboard", null).getString("userPrincipalName");
        browser.login("admin", Api.ADMIN_PASSWORD);
        openUser(upn);

        Locator opener = page.locator("[id$='send-info']");
        opener.focus();
        assertEquals("solid", page.evaluate("getComputedStyle(document.activeElement).outlineStyle"),
                "the focused button shows an outline");
        page.keyboard().press("Enter");
        Locator dialog = page.locator("[id$='send-dialog']");
        assertThat(dialog).isVisible();
        browser.assertAccessible("user: send dialog");
        for (int i = 0; i < 6; i++) {
            assertTrue((Boolean) page.evaluate("document.querySelector('[id$=\"send-dialog\"]')"
                    + ".contains(document.activeElement)"), "focus stays in the dialog after " + i + " tabs");
            page.keyboard().press("Tab");
        }
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        page.waitForFunction("() => document.activeElement && document.activeElement.id.endsWith('send-info')");

        page.locator("[id$='reset-id']").click();
        assertThat(page.locator(".ui-confirm-dialog")).isVisible();
        browser.assertAccessible("user: confirm dialog");
        page.locator(".ui-confirm-dialog [id$='confirm-no']").click();
    }

    @Test
    void theDashboardChartFillsItsPanelAndReadsAsATable() {
        browser.login("admin", Api.ADMIN_PASSWORD);
        Locator canvas = page.locator("[id$='per-hour'] canvas");
        assertThat(canvas).isVisible();
        var panel = page.locator(".cm-panel", new Page.LocatorOptions().setHas(canvas)).boundingBox();
        var chart = canvas.boundingBox();
        assertTrue(chart.width > panel.width - 60, "chart " + chart.width + " px wide in a panel of " + panel.width);
        assertTrue(chart.height >= 300, "chart " + chart.height + " px high");
        assertThat(canvas).hasAttribute("aria-label", Pattern.compile("emails requested per hour"));
        Locator table = page.locator("#per-hour-table");
        assertThat(table.locator("tbody tr")).hasCount(24);
        assertThat(table.locator("tbody tr").last().locator("time")).hasText(Pattern.compile("^\\d{1,2}:\\d{2}"));
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
        browser.assertAccessible("login: wrong password");
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
        // The number as the user's email shows it: national format for a user in its country.
        assertThat(rows.first()).containsText(PhoneNumbers.format(scenario.usToll, "US"));
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
        browser.confirmYes();
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
        browser.confirmYes();
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

        browser.choose("kind", "PIN reset");
        assertThat(page.locator("[id$='subject']")).hasText("Your audio conferencing PIN was reset");
        browser.choose("language", "Français");
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
