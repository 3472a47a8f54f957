package org.confmail.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
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
 * The portal for each role in a real browser: an operator and an auditor sign in and see only what they may do,
 * an admin manages accounts and API tokens on the Accounts page, and the audit trail can be read and filtered.
 * Screenshots land in target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsPortalIT {

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
    Accounts accounts;
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
        accounts = new Accounts(base);
        page = browser.newContext(base, "en-US");
    }

    @AfterEach
    void closeContext() {
        browser.closeContext();
    }

    private void openUser(String upn) {
        browser.open("/admin/user.xhtml?upn=" + URLEncoder.encode(upn, StandardCharsets.UTF_8));
        browser.waitForAjax();
    }

    @Test
    void anOperatorSignsInAndSeesOnlyTheActionsItMayTake() {
        String upn = scenario.createUser("opview", "\"country\": \"US\"").getString("userPrincipalName");
        Accounts.Account operator = accounts.create("op", "operator");
        browser.login(operator.username(), operator.password());
        assertThat(page.locator("#signed-in")).containsText(operator.username());
        assertEquals(0, page.locator("#nav-accounts").count(), "no Accounts link");
        assertEquals(0, page.locator("#nav-audit").count(), "no Audit link");

        openUser(upn);
        assertThat(page.locator("[id$=':send-info']")).isVisible();
        assertThat(page.locator("[id$=':reset-pin']")).isVisible();
        assertThat(page.locator("[id$=':reset-id']")).isVisible();
        assertThat(page.locator("[id$=':save-properties']")).isVisible();
        assertEquals(0, page.locator("[id$=':license-off']").count(), "the license is an admin's");
        assertThat(page.locator("input[id$=':email']")).isDisabled();
        assertThat(page.locator("input[id$=':displayName']")).isEnabled();
        browser.screenshot("user-as-operator");

        // The operator renames the user from the real page: allowed, and the address is untouched.
        page.locator("input[id$=':displayName']").fill("Renamed by operator");
        page.locator("[id$=':save-properties']").click();
        browser.waitForAjax();
        assertThat(page.locator(".ui-growl")).containsText("Saved");
        assertEquals("Renamed by operator", scenario.api.get("users/" + upn).json().getString("displayName"));

        var forbidden = browser.open("/admin/accounts.xhtml");
        assertEquals(403, forbidden.status(), "the accounts page is for admins");
        assertEquals(403, browser.open("/admin/audit.xhtml").status(), "the audit trail is for admins and auditors");
    }

    @Test
    void anAuditorReadsEverythingIncludingTheAuditTrailAndChangesNothing() {
        String upn = scenario.createUser("audview", "\"country\": \"US\"").getString("userPrincipalName");
        Accounts.Account auditor = accounts.create("aud", "auditor");
        browser.login(auditor.username(), auditor.password());
        assertEquals(1, page.locator("#nav-audit").count(), "an Audit link");
        assertEquals(0, page.locator("#nav-accounts").count(), "no Accounts link");

        openUser(upn);
        assertThat(page.locator("#action-pane")).isVisible();
        for (String action : new String[] {"send-info", "reset-pin", "reset-id", "license-off", "save-properties",
            "save-dial-in", "save-static-id"}) {
            assertEquals(0, page.locator("[id$=':" + action + "']").count(), action + " is not offered");
        }
        assertThat(page.locator("input[id$=':displayName']")).isDisabled();
        browser.open("/admin/users.xhtml");
        assertEquals(0, page.locator("[id$=':send-selected']").count());
        browser.open("/admin/bulk.xhtml");
        assertEquals(0, page.locator("[id$=':send-all']").count());
        browser.open("/admin/settings.xhtml");
        assertEquals(0, page.locator("[id$=':save']").count());

        browser.open("/admin/audit.xhtml");
        browser.waitForAjax();
        page.locator("input[id$=':actor']").fill(auditor.username());
        page.locator("input[id$=':action']").fill("login");
        page.locator("[id$=':filter']").click();
        browser.waitForAjax();
        Locator rows = page.locator("[id$='table_data'] tr[data-ri]");
        assertThat(rows.first()).containsText("login.success");
        assertThat(rows.first()).containsText(auditor.username());
        assertThat(rows.first()).containsText(java.util.regex.Pattern.compile("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"));
        browser.screenshot("audit");
    }

    @Test
    void anAdminManagesAccountsAndTokensOnTheAccountsPage() {
        String name = "portal-" + UUID.randomUUID().toString().substring(0, 8);
        browser.login("admin", Api.ADMIN_PASSWORD);
        page.locator("#nav-accounts").click();
        page.waitForLoadState();
        assertThat(page.locator("h1.cm-title")).hasText("Accounts");

        page.locator("input[id$=':new-username']").fill(name);
        page.locator("input[id$=':new-password']").fill("short");
        page.locator("[id$=':create']").click();
        browser.waitForAjax();
        assertThat(page.locator("[id$=':messages']")).containsText("at least 12 characters");
        assertEquals(404, scenario.api.get("accounts/" + name).status(), "nothing was created");

        page.locator("input[id$=':new-password']").fill("a long enough password");
        page.locator("[id$=':create']").click();
        browser.waitForAjax();
        assertThat(page.locator(".ui-growl")).containsText("Account " + name + " created");
        assertThat(page.locator("[id$='selected-name']")).hasText(name);
        assertEquals(200, new Api(base, name, "a long enough password").get("users?size=1").status(),
                "the new operator signs in");

        page.locator("input[id$=':token-name']").fill("portal script");
        page.locator("[id$=':create-token']").click();
        browser.waitForAjax();
        String token = page.locator("#new-token").innerText().strip();
        assertTrue(token.startsWith("cmt_"), token);
        browser.screenshot("accounts-token-once");
        assertEquals(200, Api.bearer(base, token).get("users?size=1").status());
        assertThat(page.locator("[id$='token-table']")).containsText("portal script");

        page.locator("[id$=':revoke']").first().click();
        browser.waitForAjax();
        assertThat(page.locator("[id$='token-table']")).containsText("Revoked");
        assertFalse(page.content().contains(token), "the token is not shown again");
        assertEquals(401, Api.bearer(base, token).get("users?size=1").status());

        page.locator("[id$=':disable']").click();
        browser.waitForAjax();
        assertThat(page.locator(".ui-growl")).containsText("disabled");
        assertEquals(401, new Api(base, name, "a long enough password").get("users?size=1").status());
        browser.screenshot("accounts");

        page.locator("[id$=':lang-fr']").click();
        page.waitForLoadState();
        assertThat(page.locator("h1.cm-title")).hasText("Comptes");
        assertThat(page.locator("#nav-audit")).hasText("Journal d’audit");
    }
}
