package org.confmail.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal over plain HTTP, the way a forged request is made: a session cookie, the view state of a page it
 * opened, and whatever form fields it chooses to post. No browser, no JavaScript, no guard of the page's own.
 */
public final class FacesClient {

    private static final Pattern VIEW_STATE = Pattern.compile(
            "<input[^>]*name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"([^\"]+)\"[^>]*action=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern MESSAGE = Pattern.compile("<li class=\"(forge-done|forge-refused)\">\\s*(.*?)</li>",
            Pattern.DOTALL);

    /** A page as the server answered it. */
    public record Page(int status, String location, String html) {

        public String viewState() {
            Matcher m = VIEW_STATE.matcher(html);
            if (!m.find()) {
                throw new AssertionError("no view state (" + status + "): " + html);
            }
            return unescape(m.group(1));
        }

        public String formAction(String formId) {
            Matcher m = FORM_ACTION.matcher(html);
            while (m.find()) {
                if (m.group(1).equals(formId)) {
                    return unescape(m.group(2));
                }
            }
            throw new AssertionError("no form " + formId + ": " + html);
        }

        /** The forge pages' messages: "done: ..." or "refused: ...". */
        public List<String> messages() {
            List<String> found = new ArrayList<>();
            Matcher m = MESSAGE.matcher(html);
            while (m.find()) {
                found.add((m.group(1).equals("forge-done") ? "done: " : "refused: ")
                        + unescape(m.group(2).replaceAll("<[^>]+>", "").strip()));
            }
            return found;
        }

        public boolean redirectsToLogin() {
            return (status == 302 || status == 303) && location != null && location.contains("/admin/login.xhtml");
        }
    }

    private final URI root;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private final String authorization;

    public FacesClient(java.net.URL base) {
        this(base, null);
    }

    /** A client that sends this Authorization header with every request (the portal must ignore it). */
    public FacesClient(java.net.URL base, String authorization) {
        this.root = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.client = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        this.authorization = authorization;
    }

    /** Signs in through the login form; fails unless the portal then redirects away from it. */
    public FacesClient login(String username, String password) {
        Page login = get("admin/login.xhtml");
        Page after = post(login, "signin", "signin:login", Map.of("signin:username", username,
                "signin:password", password), "admin/login.xhtml");
        if (!(after.status() == 302 || after.status() == 303) || after.location().contains("login.xhtml")) {
            throw new AssertionError("login as " + username + " failed: " + after.status() + " " + after.html());
        }
        return this;
    }

    /** The value of a cookie this client holds (a load balancer's sticky-session cookie), or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(root.resolve(path)).GET());
    }

    /** Posts the form {@code formId} of {@code page} as if {@code button} were pressed, with these fields. */
    public Page post(Page page, String formId, String button, Map<String, String> fields) {
        return post(page, formId, button, fields, null);
    }

    private Page post(Page page, String formId, String button, Map<String, String> fields, String fallbackAction) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        form.putAll(fields);
        form.put(button, button);
        form.put("jakarta.faces.ViewState", page.viewState());
        // PrimeFaces' Content-Security-Policy nonce, which its script adds to every post; the page carries it.
        Matcher nonce = NONCE.matcher(page.html());
        if (nonce.find()) {
            form.put("primefaces.nonce", unescape(nonce.group(1)));
        }
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(encode(k)).append('=')
                .append(encode(v)));
        String action = fallbackAction;
        try {
            action = page.formAction(formId);
        } catch (AssertionError e) {
            if (fallbackAction == null) {
                throw e;
            }
        }
        URI target = action.startsWith("/") ? root.resolve(action.substring(1)) : root.resolve(action);
        return send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /**
     * Posts the form as {@link #post} does, as {@code multipart/form-data} with a file in the field {@code fileField}
     * (a file upload's client id), the way a browser submits a form with a file; {@code button} may be null (the
     * upload itself is the source).
     */
    public Page postFile(Page page, String formId, String button, Map<String, String> fields, String fileField,
            String fileName, byte[] content) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        form.putAll(fields);
        if (button != null) {
            form.put(button, button);
        }
        form.put("jakarta.faces.ViewState", page.viewState());
        Matcher nonce = NONCE.matcher(page.html());
        if (nonce.find()) {
            form.put("primefaces.nonce", unescape(nonce.group(1)));
        }
        String boundary = "----forge" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        form.forEach((k, v) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n"));
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n");
        body.writeBytes(content);
        text.accept("\r\n--" + boundary + "--\r\n");
        String action = page.formAction(formId);
        URI target = action.startsWith("/") ? root.resolve(action.substring(1)) : root.resolve(action);
        return send(HttpRequest.newBuilder(target).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private Page send(HttpRequest.Builder builder) {
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#039;", "'");
    }
}
