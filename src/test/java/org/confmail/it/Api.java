package org.confmail.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Calls the running service's API over HTTP, as scripts and internal systems do. */
public final class Api {

    public record Reply(int status, String contentType, String location, String body,
            java.net.http.HttpHeaders headers) {

        public Reply(int status, String contentType, String location, String body) {
            this(status, contentType, location, body, null);
        }

        public String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonStructure jsonValue() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }
    }

    public static final String ADMIN_PASSWORD = System.getProperty("confmail.it.admin.password", "it-admin-password");

    private final HttpClient client;
    private final URI base;
    private final String authorization;

    public Api(URL deploymentUrl) {
        this(deploymentUrl, "admin", ADMIN_PASSWORD);
    }

    public Api(URL deploymentUrl, String user, String password) {
        this(apiBase(deploymentUrl), basic(user, password), (java.net.InetAddress) null);
    }

    private Api(URI base, String authorization, java.net.InetAddress localAddress) {
        this.base = base;
        this.authorization = authorization;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                // No h2c upgrade (browsers never make one): a load balancer would make the connection a tunnel.
                .version(HttpClient.Version.HTTP_1_1);
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        this.client = builder.build();
    }

    /** An API client that authenticates with an API token ({@code Authorization: Bearer}). */
    public static Api bearer(URL deploymentUrl, String token) {
        return new Api(apiBase(deploymentUrl), "Bearer " + token, (java.net.InetAddress) null);
    }

    /** The same client (its connections) signing in as another account. */
    public Api as(String user, String password) {
        return new Api(base, basic(user, password), client);
    }

    private Api(URI base, String authorization, HttpClient client) {
        this.base = base;
        this.authorization = authorization;
        this.client = client;
    }

    /** The same client with another Authorization header (null: none), e.g. a malformed one. */
    public Api withAuthorization(String header) {
        return new Api(base, header, (java.net.InetAddress) null);
    }

    /**
     * The same client, its connections coming from another loopback address (127.0.0.2 ...): to the server, another
     * client address, as the limits per address see it.
     */
    public Api from(String loopbackAddress) {
        try {
            return new Api(base, authorization, java.net.InetAddress.getByName(loopbackAddress));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public Api anonymous() {
        return new Api(base, null, (java.net.InetAddress) null);
    }

    private static URI apiBase(URL deploymentUrl) {
        String root = deploymentUrl.toString();
        return URI.create((root.endsWith("/") ? root : root + "/") + "api/v1/");
    }

    private static String basic(String user, String password) {
        return user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A GET without credentials, relative to /api/v1/ (so "../../health/ready" is the server's readiness). */
    public Reply anonymousGet(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return send(builder.GET());
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    /** A GET with this client's credentials and no JSON Accept header (for /metrics, /health, /openapi). */
    public Reply getText(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder.GET());
    }

    /**
     * Any method with a JSON body (null: none) and extra headers given as name, value, name, value ... (a
     * Content-Type among them replaces JSON's).
     */
    public Reply call(String method, String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        boolean body = json != null || method.equals("POST") || method.equals("PATCH");
        boolean typed = java.util.Arrays.asList(headers).stream().anyMatch("Content-Type"::equalsIgnoreCase);
        if (body && !typed) {
            builder.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
        }
        return send(builder.method(method, body ? HttpRequest.BodyPublishers.ofString(json == null ? "" : json)
                : HttpRequest.BodyPublishers.noBody()));
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    /** A POST with an {@code Idempotency-Key} header. */
    public Reply post(String path, String json, String idempotencyKey) {
        return send(request(path).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    /** A POST of a CSV file. */
    public Reply postCsv(String path, String csv) {
        return call("POST", path, csv, "Content-Type", "text/csv");
    }

    public Reply patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the condition holds or the timeout passes; answers whether it held. */
    public static boolean eventually(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
