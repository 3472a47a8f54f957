package org.confmail.it.support;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of several confmail instances, configured as the README's operations guide says: round
 * robin, readiness health checks every second, sticky portal sessions by an inserted cookie
 * ({@value #COOKIE}), and a request whose connection to a dead instance fails is sent to another one.
 */
public final class HaProxy implements AutoCloseable {

    public static final String COOKIE = "CONFMAIL_INSTANCE";

    private final Path config;
    private final int port;
    private Process process;

    /** Instances by name (the cookie's value) and port. */
    public HaProxy(Path dir, int port, Map<String, Integer> instances) throws IOException {
        this.port = port;
        Files.createDirectories(dir);
        StringBuilder servers = new StringBuilder();
        instances.forEach((name, instancePort) -> servers.append("    server ").append(name)
                .append(" 127.0.0.1:").append(instancePort).append(" check cookie ").append(name).append('\n'));
        this.config = dir.resolve("haproxy.cfg");
        Files.writeString(config, """
                global
                    maxconn 2000

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    timeout check 5s
                    retries 2
                    option redispatch
                    option forwardfor

                frontend confmail
                    bind 127.0.0.1:%d
                    default_backend instances

                backend instances
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    default-server inter 2s fall 2 rise 2
                    cookie %s insert indirect nocache httponly
                %s""".formatted(port, COOKIE, servers));
    }

    public HaProxy start() throws IOException, InterruptedException {
        Path log = config.resolveSibling("haproxy.log");
        process = new ProcessBuilder(List.of("haproxy", "-db", "-f", config.toString())).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited: " + Files.readString(log));
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return this;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("haproxy did not listen on " + port);
    }

    public URL url() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
