package org.confmail.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Keycloak for the single sign-on tests: the {@code keycloak-quarkus-dist} distribution that the build's
 * {@code extended} profile unpacks ({@code -Dconfmail.it.keycloak.home}), started in dev mode on a free port with a
 * realm imported from {@code src/test/resources/keycloak/}. The realm file's {@code ${NAME}} placeholders are
 * filled by Keycloak's import from the environment this class passes (confmail's address, the client secret).
 * Keycloak needs Java 21+: it runs on the JDK that runs the tests. Its output goes to
 * {@code target/it-apps/keycloak.log}; each start begins from an empty database.
 */
public final class KeycloakServer implements AutoCloseable {

    private final Path home;
    private final String realm;
    private final Map<String, String> env;
    private Process process;
    private int port;
    private Duration startTime;

    public KeycloakServer(String realm, Map<String, String> env) {
        String configured = System.getProperty("confmail.it.keycloak.home");
        if (configured == null || !Files.exists(Path.of(configured, "bin", "kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + configured + ": run the single sign-on"
                    + " tests in the extended profile (mvn verify -Pextended), which unpacks it");
        }
        this.home = Path.of(configured);
        this.realm = realm;
        this.env = env;
    }

    public KeycloakServer start(Duration timeout) throws IOException, InterruptedException {
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Path imports = Files.createDirectories(data.resolve("import"));
        try (InputStream realmFile = KeycloakServer.class.getResourceAsStream("/keycloak/" + realm + "-realm.json")) {
            Files.copy(realmFile, imports.resolve(realm + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        port = AppProcess.freePort();
        Path logs = Files.createDirectories(Path.of(System.getProperty("confmail.it.logs", "target/it-apps")));
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + AppProcess.freePort(), "--import-realm"))
                .redirectErrorStream(true).redirectOutput(logs.resolve("keycloak.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // Small heap: the machine runs confmail, chromium and the build beside it.
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // Keycloak's worker threads reset thread locals through java.lang internals, closed to it from Java 24 on:
        // without this, its executor threads die on a JDK 25 (logout then hangs).
        builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        builder.environment().putAll(env);
        long begin = System.nanoTime();
        process = builder.start();
        awaitRealm(timeout);
        startTime = Duration.ofNanos(System.nanoTime() - begin);
        System.out.printf("Keycloak: started with realm %s in %.1f s on port %d%n", realm,
                startTime.toMillis() / 1000.0, port);
        return this;
    }

    /** The realm's issuer, as confmail is told it. {@code localhost}: another site than confmail's 127.0.0.1. */
    public String issuer() {
        return "http://localhost:" + port + "/realms/" + realm;
    }

    public Duration startTime() {
        return startTime;
    }

    private void awaitRealm(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see "
                        + "target/it-apps/keycloak.log");
            }
            try {
                HttpResponse<String> discovery = http.send(HttpRequest.newBuilder(URI.create(issuer()
                        + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (discovery.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout + "; see target/it-apps/keycloak.log");
    }

    /** Stops Keycloak (kc.sh's java and anything it started), SIGTERM first. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> started = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        started.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : started) {
            try {
                handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                handle.destroyForcibly();
            }
        }
    }
}
