package org.confmail.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * The portal's users import in a real browser: an admin uploads a CSV file, sees the lines that would fail before
 * anything is created, confirms, and follows the background import to its end; the users exist as the API's import
 * makes them, with their LICENSE_ASSIGNED email at the SMTP server. A file that cannot be read changes nothing, and
 * only admins are offered the page. Every page and state is checked with axe.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportsPortalIT {

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
    }

    @AfterEach
    void closeContext() {
        browser.closeContext();
    }

    private String upn(String name) {
        return name + "." + scenario.suffix + "@contoso.com";
    }

    private void upload(String fileName, String csv) {
        upload(fileName, csv.getBytes(StandardCharsets.UTF_8));
    }

    private void upload(String fileName, byte[] content) {
        page.locator("input[type='file'][id$='file_input']").setInputFiles(new FilePayload(fileName, "text/csv",
                content));
        browser.waitForAjax();
    }

    @Test
    void anAdminPreviewsTheFailingLinesThenImportsInTheBackgroundAndFollowsItToTheEnd() throws Exception {
        String csv = "userPrincipalName,displayName,country,preferredLanguage,audioConferencingLicense,bridgeId\n"
                + upn("ada") + ",Ada Lovelace,US,en-US,true," + scenario.bridgeId + "\n"                 // line 2
                + upn("bad-country") + ",Bad Country,USA,,true," + scenario.bridgeId + "\n"             // line 3
                + "not-an-address,No Address,US,,true," + scenario.bridgeId + "\n"                      // line 4
                + upn("marie") + ",\"Curie, Marie\",FR,fr-FR,true," + scenario.bridgeId + "\n"          // line 5
                + upn("ada") + ",Ada Twice,US,,true," + scenario.bridgeId + "\n"                        // line 6
                + upn("yes") + ",Yes,US,,yes," + scenario.bridgeId + "\n"                               // line 7
                + upn("alan") + ",<i>Alan</i> Turing,GB,,false," + scenario.bridgeId + "\n";           // line 8
        browser.login("admin", Api.ADMIN_PASSWORD);
        page.locator("#nav-users").click();
        page.waitForLoadState();
        page.locator("[id$=':import-users']").click();
        page.waitForLoadState();
        assertThat(page.locator("h1.cm-title")).hasText("Import users");
        browser.assertAccessible("imports");

        upload("new-staff.csv", csv);
        assertThat(page.locator("#preview-counts")).hasText("7 lines: 3 users will be created, 4 lines will fail.");
        Locator firstRows = page.locator("[id$=':rows_data'] tr");
        assertThat(firstRows).hasCount(6);   // the lines that could be read (line 7's license is not a boolean)
        assertThat(firstRows.last()).containsText("<i>Alan</i> Turing");   // shown as text, not as markup
        Locator failing = page.locator("[id$=':preview-errors_data'] tr");
        assertEquals(List.of("3 country", "4 userPrincipalName", "4 email", "6 userPrincipalName",
                "7 audioConferencingLicense"), cells(failing, 2));
        assertThat(failing.nth(0)).containsText("must be an ISO 3166 alpha-2 code");
        assertThat(failing.nth(3)).containsText("already exists (line 2)");
        assertThat(failing.nth(4)).containsText("must be true or false");
        browser.assertAccessible("imports-preview");
        browser.screenshot("imports-preview");
        assertEquals(404, scenario.api.get("users/" + upn("ada")).status(), "the preview creates nobody");

        page.locator("[id$=':start']").click();
        assertThat(page.locator(".ui-confirm-dialog")).isVisible();
        browser.confirmYes();
        browser.waitForAjax();
        assertThat(page.locator(".ui-growl")).containsText("Importing 7 lines in the background");
        // The poll brings the progress; the job runs on the server whatever this page does.
        assertThat(page.locator("[id$=':job-progress']")).containsText("100%");
        assertThat(page.locator("#job-counts")).containsText("7 of 7 lines done: 3 users created, 4 lines failed");
        assertThat(page.locator("[id$=':job-state']")).hasText("Done");
        Locator jobErrors = page.locator("[id$=':job-errors_data'] tr");
        assertEquals(List.of("3 country", "4 userPrincipalName", "4 email", "6 userPrincipalName",
                "7 audioConferencingLicense"), cells(jobErrors, 2));
        assertThat(jobErrors.nth(3)).containsText("a user " + upn("ada") + " already exists");
        browser.assertAccessible("imports-done");
        browser.screenshot("imports-done");

        // Stored, not held by this page: another visit finds the import and its errors.
        browser.open("/admin/index.xhtml");
        browser.open("/admin/imports.xhtml");
        Locator recent = page.locator("[id$=':jobs_data'] tr").first();
        assertThat(recent).containsText("new-staff.csv");
        assertThat(recent).containsText("Done");
        assertThat(recent).containsText("100%");
        recent.locator("a[id$=':show']").click();
        page.waitForLoadState();
        browser.waitForAjax();
        assertEquals(5, page.locator("[id$=':job-errors_data'] tr").count());

        JsonObject ada = scenario.api.get("users/" + upn("ada")).json();
        assertEquals("Ada Lovelace", ada.getString("displayName"), "the first line with this UPN won");
        assertEquals(scenario.usToll, ada.getString("tollNumber"), ada.toString());
        JsonObject marie = scenario.api.get("users/" + upn("marie")).json();
        assertEquals("Curie, Marie", marie.getString("displayName"));
        assertEquals(scenario.frToll, marie.getString("tollNumber"), marie.toString());
        JsonObject alan = scenario.api.get("users/" + upn("alan")).json();
        assertEquals("<i>Alan</i> Turing", alan.getString("displayName"));
        assertFalse(alan.getBoolean("audioConferencingLicense"));
        for (String bad : List.of("bad-country", "yes")) {
            assertEquals(404, scenario.api.get("users/" + upn(bad)).status(), bad + ": a bad line creates nobody");
        }

        // Licensed users hear about it as from the API: one LICENSE_ASSIGNED email with their PIN.
        for (String name : List.of("ada", "marie")) {
            JsonObject email = scenario.awaitSent(upn(name), "LICENSE_ASSIGNED", 1).get(0);
            MimeMessage mail = scenario.receivedFor(email);
            String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
            JsonObject user = scenario.api.get("users/" + upn(name)).json();
            assertTrue(text.contains(user.getString("conferenceId")), text);
            assertTrue(text.matches("(?s).*\\b\\d{5}\\b.*"), "a 5-digit PIN in: " + text);
        }
        assertEquals(0, scenario.emails(upn("alan"), null).size(), "an unlicensed user gets no email");

        // Audited as user.import in the admin's name: the start, and the end with its counts.
        java.util.function.Supplier<List<JsonObject>> entries = () -> scenario.api.get(
                "audit?action=user.import&actor=admin&size=2").json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
        // The end is recorded just after the job is marked done.
        assertTrue(Api.eventually(java.time.Duration.ofSeconds(10), () -> entries.get().size() == 2
                && entries.get().get(0).getString("detail").contains("users created")), entries.get().toString());
        List<JsonObject> audit = entries.get();
        assertEquals(audit.get(0).getString("target"), audit.get(1).getString("target"), "the same job");
        assertTrue(audit.get(0).getString("detail").contains("7 lines: 3 users created, 4 lines failed"),
                audit.toString());
        assertTrue(audit.get(1).getString("detail").contains("new-staff.csv"), audit.toString());
        audit.forEach(e -> assertEquals("SUCCESS", e.getString("outcome"), e.toString()));
    }

    @Test
    void aFileThatCannotBeReadShowsWhyAndCreatesNobody() {
        browser.login("admin", Api.ADMIN_PASSWORD);
        browser.open("/admin/imports.xhtml");
        upload("with-pin.csv", "userPrincipalName,displayName,pin\n" + upn("pin") + ",With Pin,12345\n");
        Locator messages = page.locator("[id$=':messages']");
        assertThat(messages).containsText("This file cannot be imported; nothing was created.");
        assertThat(messages).containsText("unknown: pin");
        assertEquals(0, page.locator("[id$=':start']").count(), "nothing to confirm");
        browser.assertAccessible("imports-unreadable");

        upload("photo.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        assertThat(messages).containsText("This file cannot be imported");
        assertEquals(0, page.locator("[id$=':start']").count());

        upload("unclosed.csv", "userPrincipalName,displayName\n\"" + upn("quoted") + ",Quoted\n");
        assertThat(messages).containsText("is not a readable CSV file");
        for (String name : List.of("pin", "quoted")) {
            assertEquals(404, scenario.api.get("users/" + upn(name)).status(), name);
        }
    }

    @Test
    void operatorsAndAuditorsAreNotOfferedTheImportAndAreRefusedItsPage() {
        Accounts accounts = new Accounts(base);
        for (String role : List.of("operator", "auditor")) {
            Accounts.Account account = accounts.create("imp-" + role, role);
            page = browser.newContext(base, "en-US");
            browser.login(account.username(), account.password());
            assertEquals(0, page.locator("#nav-imports").count(), role + ": no Import users link");
            browser.open("/admin/users.xhtml");
            assertEquals(0, page.locator("[id$=':import-users']").count(), role + ": no import on the users page");
            assertEquals(403, browser.open("/admin/imports.xhtml").status(), role + ": the page is for admins");
        }
        page = browser.newContext(base, "fr-FR");
        browser.login("admin", Api.ADMIN_PASSWORD);
        assertThat(page.locator("#nav-imports")).isVisible();
        page.locator("#nav-imports").click();
        page.waitForLoadState();
        page.locator("[id$=':lang-fr']").click();
        page.waitForLoadState();
        assertThat(page.locator("h1.cm-title")).hasText("Importer des utilisateurs");
        browser.assertAccessible("imports-fr");
    }

    /** The first {@code columns} cells of each row, joined by spaces. */
    private static List<String> cells(Locator rows, int columns) {
        return rows.all().stream().map(row -> String.join(" ", row.locator("td").all().stream().limit(columns)
                .map(td -> td.innerText().strip()).toList())).toList();
    }

}
