package org.confmail.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * confmail as operators run it: {@code java -jar target/confmail.jar} in a child process of the test, with its own
 * data directory, a free HTTP port and CONFMAIL_* settings of the test's choosing (the CONFMAIL_* variables failsafe
 * sets for the Arquillian server are not inherited). It can be stopped, killed with SIGKILL, and started again on
 * the same data. Its output goes to {@code target/it-apps/<name>-<n>.log}.
 */
public final class AppProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "crash-admin-password";

    private final String name;
    private final Path dataDir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private String signInPassword;
    private Process process;
    private int port;
    private int fixedPort;
    private boolean anonymousReadiness;
    private int starts;
    private Path log;

    public AppProcess(String name, Path dataDir, Map<String, String> settings) {
        this.name = name;
        this.dataDir = dataDir;
        env.put("CONFMAIL_DATA_DIR", dataDir.toString());
        env.put("CONFMAIL_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("CONFMAIL_DEFAULT_FROM_ADDRESS", "conferencing@confmail.test");
        env.putAll(settings);
        // In the PostgreSQL runs, an instance the test did not put on a database gets one of its own there (dropped
        // on close), so that its restarts keep their data as its H2 files would.
        if (ON_POSTGRESQL && !settings.containsKey("CONFMAIL_DB_URL")) {
            try {
                database = PostgresDatabase.create("confmail_" + name.replaceAll("\\W", "_"));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot create a PostgreSQL database for " + name, e);
            }
            env.putAll(database.settings(database.url()));
        }
    }

    /** Whether this is a PostgreSQL run of the system tests (the failsafe executions say so). */
    static final boolean ON_POSTGRESQL = "postgresql".equals(System.getProperty("confmail.it.database"));

    private PostgresDatabase database;

    /** Starts the jar and waits until confmail itself (not just Payara) is ready. */
    public AppProcess start(Duration timeout) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("confmail.it.jar", "target/confmail.jar")).toAbsolutePath();
        port = fixedPort > 0 ? fixedPort : freePort();
        starts++;
        Path logs = Path.of(System.getProperty("confmail.it.logs", "target/it-apps"));
        Files.createDirectories(logs);
        log = logs.resolve(name + "-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx768m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--nocluster", "--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).directory(dataDir.getParent().toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("CONFMAIL_"));
        builder.environment().putAll(env);
        Files.writeString(logs.resolve(name + "-" + starts + ".env"), String.join("\n", new java.util.TreeSet<>(
                builder.environment().keySet())) + "\n" + command + "\n" + builder.directory());
        process = builder.start();
        awaitReady(timeout);
        return this;
    }

    public String name() {
        return name;
    }

    public URL url() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no undeploy, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then SIGKILL if it does not stop in 30 s. */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        if (database != null) {
            try {
                database.close();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            database = null;
        }
    }

    /** The last lines of the current log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public Path log() {
        return log;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("confmail exited with " + process.exitValue() + " during start:\n"
                        + logTail());
            }
            if (anonymousReadiness) {
                try {
                    // Payara answers UP before the application is deployed: its login page must answer too.
                    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + port + "/admin/login.xhtml")).timeout(Duration.ofSeconds(5))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (login.statusCode() == 200 && ready.statusCode() == 200
                            && ready.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(250);
                continue;
            }
            try {
                // Anonymous probes learn UP or DOWN only: the details (is confmail's own database check there and
                // UP?) need the admin account. Payara answers before the application is deployed; while it starts,
                // requests fail (5xx) before any password is checked, so polling costs no failed sign-ins.
                String password = adminPassword();
                if (password == null) {
                    Thread.sleep(250);
                    continue;
                }
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:"
                                + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 401 || ready.statusCode() == 429) {
                    throw new IllegalStateException("confmail refused the admin password while starting: "
                            + ready.body() + "\n" + logTail());
                }
                if (ready.body().replace(" ", "").contains("\"name\":\"database\",\"status\":\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("confmail not ready after " + timeout + ":\n" + logTail());
    }

    /**
     * The admin password a test signs in with to see that confmail is ready: CONFMAIL_ADMIN_PASSWORD, or without it
     * the password confmail generated into its data directory (or null), unless the test named another one.
     */
    public String adminPassword() {
        if (signInPassword != null) {
            return signInPassword;
        }
        String configured = env.get("CONFMAIL_ADMIN_PASSWORD");
        if (configured != null) {
            return configured;
        }
        Path file = dataDir.resolve("admin-password.txt");
        try {
            return Files.exists(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The admin's password is now this one (changed through the API): sign in with it while waiting for a start. */
    public AppProcess signInWith(String password) {
        signInPassword = password;
        return this;
    }

    /**
     * Starts on this port rather than a fresh free one each time: for settings that must name confmail's own
     * address before it starts (CONFMAIL_PUBLIC_BASE_URL, an identity provider's redirect URI).
     */
    public AppProcess onPort(int port) {
        this.fixedPort = port;
        return this;
    }

    /**
     * Waits for an anonymous {@code /health/ready} to answer UP instead of signing in as the admin: for a start
     * where passwords are turned off (CONFMAIL_LOCAL_SIGN_IN=false). Anonymous callers learn UP or DOWN only; once
     * the login page answers (the application is deployed), UP includes confmail's own database check.
     */
    public AppProcess readyWithoutPassword(boolean anonymous) {
        this.anonymousReadiness = anonymous;
        return this;
    }

    /** Changes a setting for the next start (null: not set at all). */
    public AppProcess set(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public Path dataDir() {
        return dataDir;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
