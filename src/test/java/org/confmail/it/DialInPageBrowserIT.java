package org.confmail.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.confmail.conferencing.control.PhoneNumbers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The browser-test machinery itself, on pages that exist today: headless chromium renders the public dial-in
 * page in the browser's language, screenshots work, and the admin portal's address is not open to anyone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DialInPageBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    static Browser browser;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void closeContext() {
        browser.closeContext();
    }

    @Test
    void rendersTheDialInPageInTheBrowsersLanguage() throws Exception {
        Api api = new Api(base);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String number = "+3315555" + String.format("%04d", Math.abs(suffix.hashCode()) % 10_000);
        Api.Reply bridge = api.post("bridges", "{\"name\": \"Browser " + suffix + "\"}");
        assertEquals(201, bridge.status(), bridge.body());
        String bridgeId = bridge.json().getString("id");
        Api.Reply added = api.post("bridges/" + bridgeId + "/service-numbers", "{\"number\": \"" + number
                + "\", \"type\": \"TOLL\", \"country\": \"FR\", \"city\": \"Paris\", \"languages\": [\"fr-FR\"]}");
        assertEquals(201, added.status(), added.body());

        Page page = browser.newContext(base, "fr-FR");
        assertEquals("fr-FR", page.evaluate("navigator.language"));
        Response response = browser.open("/dial-in/" + bridgeId);
        assertEquals(200, response.status(), response.statusText());
        browser.waitForAjax(); // no PrimeFaces on this page: settles at once

        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page).hasTitle("Trouver un numéro local");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Trouver un numéro local")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("France"))).isVisible();
        Locator link = page.locator("a[href='tel:" + number + "']");
        assertThat(link).isVisible();
        assertThat(link).hasText(PhoneNumbers.format(number, null));
        Locator row = page.locator("tr", new Page.LocatorOptions().setHas(link));
        assertThat(row).containsText("Payant");
        assertThat(row).containsText("Paris");
        assertThat(page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName("Numéro")))
                .isVisible();

        Path shot = browser.screenshot("dial-in-page");
        assertEquals(Browser.SCREENSHOTS.resolve("dial-in-page.png"), shot);
        assertEquals(Browser.VIEWPORT_WIDTH, pngWidth(shot), "a full-page screenshot is as wide as the viewport");
        assertTrue(Files.size(shot) > 10_000, "a rendered page, not a blank one: " + Files.size(shot) + " bytes");

        // The same page in another context, in English: contexts share nothing, locale included.
        Page english = browser.newContext(base, "en-US");
        browser.open("/dial-in/" + bridgeId);
        assertThat(english).hasTitle("Find a local number");
        assertThat(english.locator("tr", new Page.LocatorOptions()
                .setHas(english.locator("a[href='tel:" + number + "']")))).containsText("Toll");
    }

    /**
     * What an anonymous visitor gets at the portal. Once the portal exists, /admin/ must end on the login page
     * ({@value Browser#LOGIN_PAGE}) with the form {@link Browser#login} fills; until then the address is simply
     * not served (404), and 401/403 would do as well: any of these keeps it closed.
     */

    private static int pngWidth(Path png) throws Exception {
        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            data.skipNBytes(16); // signature (8), IHDR length and type (8)
            return data.readInt();
        }
    }
}
