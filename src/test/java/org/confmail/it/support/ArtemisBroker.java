package org.confmail.it.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Apache ActiveMQ Artemis broker, the distribution that Maven unpacks for the extended profile
 * ({@code confmail.it.artemis.home}), run as its own process as ops would run it: confmail's instances reach it over
 * OpenWire at {@link #url()} with {@code CONFMAIL_BROKER_URL}. Only the one acceptor on a free port is opened (the
 * protocol-specific ones would take the machine's AMQP and MQTT ports), and no web console.
 */
public final class ArtemisBroker implements AutoCloseable {

    private final Path instanceDir;
    private final int port;
    private Process process;

    public ArtemisBroker(Path instanceDir, int port) {
        this.instanceDir = instanceDir;
        this.port = port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public ArtemisBroker start(Duration timeout) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("confmail.it.artemis.home", "target/artemis")).toAbsolutePath();
        Path artemis = home.resolve("bin/artemis");
        if (!Files.exists(artemis)) {
            throw new IllegalStateException("No Artemis distribution at " + home + ": run with -Pextended");
        }
        Path log = instanceDir.resolveSibling(instanceDir.getFileName() + ".log");
        if (!Files.exists(instanceDir.resolve("bin/artemis"))) {
            run(List.of("sh", artemis.toString(), "create", instanceDir.toString(), "--silent", "--force",
                    "--user", "confmail", "--password", "confmail", "--allow-anonymous", "--host", "127.0.0.1",
                    "--default-port", String.valueOf(port), "--no-web", "--no-autotune", "--no-amqp-acceptor",
                    "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor", "--nio"), log);
        }
        ProcessBuilder builder = new ProcessBuilder("sh", instanceDir.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_ARGS", "-Xms64m -Xmx512m");
        process = builder.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Artemis exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return this;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Artemis did not listen on " + port + " within " + timeout + ":\n" + tail(log));
    }

    /** Stops the broker as a crash would (SIGKILL); its journal keeps what it had stored. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Files.createDirectories(log.getParent());
        Process p = builder.start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("artemis create failed:\n" + tail(log));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
