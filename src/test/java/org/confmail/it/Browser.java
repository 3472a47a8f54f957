package org.confmail.it;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Headless chromium for the system tests, driven by Playwright. The browser is the system's chromium
 * ({@code /usr/bin/chromium}, Debian package {@code chromium}, which {@code .ci/run} installs); Playwright's own
 * browsers are never downloaded, and the Node driver Playwright runs comes out of its jar, so this works offline.
 *
 * <p>Measured on two cores: the first launch in a JVM takes 3 to 5 s (Playwright unpacks its Node driver, about
 * 1.3 s, once per JVM), later ones about 1 s (driver 0.5 s, chromium 0.5 s); a context takes 50 ms, its page
 * 0.4 s, a navigation 0.1 to 0.3 s. So launch once per test class and open a fresh context (cookies, storage,
 * locale) per test.
 *
 * <pre>{@code
 * static Browser browser;
 * @ArquillianResource URL base;
 *
 * @BeforeAll static void launch() { browser = Browser.launch(); }
 * @AfterAll static void close() { browser.close(); }
 *
 * @Test void listsUsers() {
 *     browser.newContext(base, "en-US");
 *     browser.login("admin", Api.ADMIN_PASSWORD);
 *     browser.open("/admin/users.xhtml");
 *     browser.page().locator("input[id$='search']").fill("ada");
 *     browser.waitForAjax();
 *     assertThat(browser.page().locator("tbody tr")).hasCount(1);   // PlaywrightAssertions
 *     browser.screenshot("users-search");
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    /** The system's chromium; another one can be named with {@code -Dconfmail.it.chromium=/path}. */
    public static final Path CHROMIUM = Path.of(System.getProperty("confmail.it.chromium", "/usr/bin/chromium"));

    /** Where {@link #screenshot(String)} writes; the build sets it to {@code target/screenshots}. */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("confmail.it.screenshots",
            "target/screenshots"));

    /** The portal's login page. */
    public static final String LOGIN_PAGE = "/admin/login.xhtml";

    /**
     * Flags for chromium as root in a container without a sandbox, GPU or network beyond the tests' server:
     * no sandbox (it cannot run as root), no GPU process, shared memory in /tmp (the container's /dev/shm is
     * small), and none of the background traffic (component updates, sync, QUIC probes) a browser makes.
     */
    public static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic");

    public static final int VIEWPORT_WIDTH = 1366;
    public static final int VIEWPORT_HEIGHT = 900;

    /**
     * True once PrimeFaces has no AJAX request queued or in flight (async requests bypass the queue and only
     * show in {@code xhrs}) and jQuery none either; true at once on a page without PrimeFaces.
     */
    static final String AJAX_SETTLED = "() => window.PrimeFaces === undefined"
            + " || (PrimeFaces.ajax.Queue.isEmpty() && PrimeFaces.ajax.Queue.xhrs.length === 0"
            + " && (window.jQuery === undefined || jQuery.active === 0))";

    /** True once no finite CSS transition or animation, and no jQuery effect, is running. */
    static final String ANIMATIONS_SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running'"
            + " || !a.effect || a.effect.getTiming().iterations === Infinity)"
            + " && (window.jQuery === undefined || jQuery(':animated').length === 0)";

    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final long launchMillis;
    /** False for a {@link #second()} browser, which closes its context but not the chromium it shares. */
    private final boolean owner;
    private BrowserContext context;
    private Page page;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium, long launchMillis,
            boolean owner) {
        this.playwright = playwright;
        this.chromium = chromium;
        this.launchMillis = launchMillis;
        this.owner = owner;
    }

    /** Starts Playwright's driver and a headless chromium; call once per test class (in {@code @BeforeAll}). */
    public static Browser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: install the Debian package chromium "
                    + "(.ci/run does), or name another chromium with -Dconfmail.it.chromium=/path");
        }
        long start = System.nanoTime();
        // Playwright's 5 s default fails a correct page on a loaded two-core machine (a dialog closing after an AJAX
        // round trip, seen at load 19); a wrong page still fails, only later.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        // The environment, not a system property: that is where Playwright's driver looks before it would run
        // "playwright install" and download its own browsers, which cannot work here.
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            com.microsoft.playwright.Browser chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(CHROMIUM_ARGS));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("Browser: chromium %s launched in %d ms%n", chromium.version(), millis);
            return new Browser(playwright, chromium, millis, true);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * Another person at another browser: the same chromium, with contexts of its own (cookies, session, locale),
     * so that two admins can work at once. Its {@link #close()} closes only its context.
     */
    public Browser second() {
        return new Browser(playwright, chromium, 0, false);
    }

    /** How long {@link #launch()} took: the driver and chromium. */
    public long launchMillis() {
        return launchMillis;
    }

    /**
     * A fresh context (no cookies, no storage) with one page, replacing the previous one: a 1366x900 viewport,
     * {@code locale} as the browser's language (Accept-Language and {@code navigator.language}), and relative
     * URLs resolved against the deployment's {@code base}.
     */
    public Page newContext(URL base, String locale) {
        return newContext(base, locale, null);
    }

    /** The same, with the browser's time zone ({@code Europe/Paris}); null keeps the machine's. */
    public Page newContext(URL base, String locale, String timeZone) {
        closeContext();
        String root = base.toString();
        context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(root.endsWith("/") ? root : root + "/")
                .setViewportSize(VIEWPORT_WIDTH, VIEWPORT_HEIGHT)
                .setLocale(locale)
                .setTimezoneId(timeZone));
        page = context.newPage();
        return page;
    }

    /** The current context's page. */
    public Page page() {
        if (page == null) {
            throw new IllegalStateException("no context: call newContext(base, locale) first");
        }
        return page;
    }

    /** The current context, for cookies, a second page, or tracing. */
    public BrowserContext context() {
        page();
        return context;
    }

    /**
     * Navigates to {@code path} (such as {@code /dial-in/abc}) under the deployment, waits for its load event and its
     * AJAX requests, and checks it with {@link #assertAccessible}, so that no page a test opens escapes the check;
     * answers the main response (its status, headers), after redirects.
     */
    public Response open(String path) {
        Response response = page().navigate(path.startsWith("/") ? path.substring(1) : path);
        if (response != null && response.ok()) {
            waitForAjax();
            assertAccessible(currentPath());
        }
        return response;
    }

    /**
     * Runs axe-core's WCAG 2.1 A and AA rules on the page as it is now and fails, listing each violation and the
     * elements at fault, when there is any; a screenshot {@code axe-<where>.png} shows the page. {@link #open} and
     * {@link #login} call it on every page; call it again for states a test reaches by clicking (a dialog open, a
     * message shown), with {@code where} naming that state.
     */
    public void assertAccessible(String where) {
        waitForAjax();
        // Colours half-way through a transition or a fade are neither the old nor the new ones.
        page().waitForFunction(ANIMATIONS_SETTLED);
        List<Axe.Violation> violations = Axe.run(page());
        if (!violations.isEmpty()) {
            Path shot = screenshot("axe-" + where.replaceAll("[^A-Za-z0-9._-]+", "_"));
            throw new AssertionError(Axe.report(where + " (" + page().url() + ", screenshot " + shot + ")",
                    violations));
        }
        CHECKED.add(URI.create(page().url()).getRawPath());
    }

    /** The paths (without query) that {@link #assertAccessible} found without violations, in this JVM. */
    public static Set<String> checkedPaths() {
        return Set.copyOf(CHECKED);
    }

    /** Where the page is now: its path and query, without the deployment's address. */
    public String currentPath() {
        URI uri = URI.create(page().url());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Writes a full-page PNG of the current page to {@code target/screenshots/<name>.png}; answers its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name.endsWith(".png") ? name : name + ".png");
        page().screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /**
     * Signs in through the portal's login page: opens {@value #LOGIN_PAGE}, fills the inputs whose ids end with
     * {@code username} and {@code password}, presses the button whose id ends with {@code login}, and waits
     * until the browser has left the login page. Fails, with a screenshot {@code login-failed-<user>.png}, when
     * it stays there (wrong password, or a page the selectors do not fit). Both the login page and the page it
     * leads to are checked with {@link #assertAccessible}.
     */
    public void login(String user, String password) {
        open(LOGIN_PAGE);
        page.locator("input[id$='username']").fill(user);
        page.locator("input[id$='password']").fill(password);
        page.locator("[id$='login']").click();
        try {
            page.waitForURL(url -> !URI.create(url).getPath().endsWith("/login.xhtml"),
                    new Page.WaitForURLOptions().setTimeout(15_000));
        } catch (TimeoutError e) {
            Path shot = screenshot("login-failed-" + user.replaceAll("[^A-Za-z0-9._-]", "_"));
            throw new AssertionError("login as " + user + " stayed on " + page.url() + " (see " + shot + "): "
                    + page.locator("body").innerText(), e);
        }
        page.waitForLoadState();
        assertAccessible(currentPath());
    }

    /** Waits until PrimeFaces' AJAX requests have all completed (at once when the page has no PrimeFaces). */
    public void waitForAjax() {
        page().waitForFunction(AJAX_SETTLED);
    }

    /**
     * Answers "Yes" in the page's confirm dialog once it has finished appearing: PrimeFaces fades it in and places it
     * after showing it, and a click while it still moves can land beside the button (seen once on a loaded machine:
     * the dialog stayed open).
     */
    public void confirmYes() {
        page().locator(".ui-confirm-dialog[aria-hidden='false']").waitFor();
        page().waitForFunction("() => { const d = document.querySelector(\".ui-confirm-dialog[aria-hidden='false']\");"
                + " return d !== null && getComputedStyle(d).opacity === '1' && !window.jQuery(d).is(':animated'); }");
        page().locator(".ui-confirm-dialog[aria-hidden='false'] [id$='confirm-yes']").click();
    }

    /**
     * Chooses the item showing {@code label} in the PrimeFaces select-one menu whose id ends with {@code menuId}, and
     * waits for the AJAX update it may trigger. PrimeFaces opens the menu's panel with a CSS transition; a click on an
     * item while it still moves, or on a menu the previous update is replacing, can be lost (seen on a loaded
     * machine: the label kept the old choice). So the click waits for the transition's end, and the choice is made
     * again if the menu's label does not show it.
     */
    public void choose(String menuId, String label) {
        Locator shown = page().locator("[id$='" + menuId + "_label']:visible");
        for (int attempt = 1; ; attempt++) {
            waitForAjax();
            page().locator("[id$='" + menuId + "']:visible").click();
            page().waitForFunction("id => { const p = document.querySelector(\"[id$='\" + id + \"_panel']\");"
                    + " return p !== null && p.classList.contains('ui-connected-overlay-enter-done'); }", menuId);
            page().locator("[id$='" + menuId + "_panel'] li", new Page.LocatorOptions().setHasText(label))
                    .first().click();
            waitForAjax();
            if (shown.textContent().contains(label) || attempt == 3) {
                return;
            }
        }
    }

    /** Closes the current context and its pages, if any. */
    public void closeContext() {
        if (context != null) {
            try {
                context.close();
            } catch (PlaywrightException e) {
                // Already gone with the browser; nothing to release.
            }
            context = null;
            page = null;
        }
    }

    /** Closes the context, chromium and Playwright's driver (only the context, for a {@link #second()}). */
    @Override
    public void close() {
        if (!owner) {
            closeContext();
            return;
        }
        try {
            closeContext();
            chromium.close();
        } finally {
            playwright.close();
        }
    }
}
