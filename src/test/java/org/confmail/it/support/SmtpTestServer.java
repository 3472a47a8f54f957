package org.confmail.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SMTP server for fault tests, on 127.0.0.1 only: it can be stopped and started again on the same port (an
 * outage), told to answer the next N messages or the messages to some recipients with a reply of our choosing
 * (451, 550...), told to take its time before answering DATA, and it records every message it accepted (250 after
 * DATA), so a test can count how often each Message-ID arrived.
 */
public final class SmtpTestServer implements AutoCloseable {

    /** A message the server accepted. */
    public record Accepted(String from, List<String> recipients, String messageId, String data) {
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-test-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile String failNextReply = "451 4.3.0 Try again later";
    private volatile long dataDelayMillis;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger inData = new AtomicInteger();
    private final AtomicInteger maxInData = new AtomicInteger();
    private final AtomicInteger transactions = new AtomicInteger();
    private volatile ServerSocket server;
    private int port;

    /** Starts on a free port. */
    public static SmtpTestServer start() throws IOException {
        SmtpTestServer s = new SmtpTestServer();
        s.listen(0);
        return s;
    }

    public int port() {
        return port;
    }

    /** Listening again on the same port after {@link #stop()}. */
    public synchronized void restart() throws IOException {
        if (server == null) {
            listen(port);
        }
    }

    /** Closes the listening socket and every open connection: from now on, connections are refused. */
    public synchronized void stop() {
        ServerSocket s = server;
        server = null;
        closeQuietly(s);
        clients.forEach(SmtpTestServer::closeQuietly);
        clients.clear();
    }

    @Override
    public void close() {
        stop();
        threads.shutdownNow();
    }

    /** The next {@code n} messages get {@code reply} (e.g. "451 4.3.0 Try again later") after their DATA. */
    public void failNext(int n, String reply) {
        failNextReply = reply;
        failNext.set(n);
    }

    /** Messages to an address containing {@code part} get {@code reply} after DATA, until {@link #reset()}. */
    public void replyTo(String part, String reply) {
        recipientReplies.put(part.toLowerCase(Locale.ROOT), reply);
    }

    /** Waits this long before answering each DATA: keeps messages in flight. */
    public void delayData(long millis) {
        dataDelayMillis = millis;
    }

    /** Forgets rules and records. */
    public void reset() {
        recipientReplies.clear();
        failNext.set(0);
        dataDelayMillis = 0;
        accepted.clear();
        maxInData.set(0);
        transactions.set(0);
    }

    public List<Accepted> accepted() {
        return new ArrayList<>(accepted);
    }

    /** Accepted messages with this Message-ID. */
    public long acceptedCount(String messageId) {
        return accepted.stream().filter(a -> messageId.equals(a.messageId())).count();
    }

    /** Accepted messages to an address containing {@code part}. */
    public List<Accepted> acceptedFor(String part) {
        String p = part.toLowerCase(Locale.ROOT);
        return accepted.stream().filter(a -> a.recipients().stream().anyMatch(r -> r.toLowerCase(Locale.ROOT)
                .contains(p))).toList();
    }

    /** Message transactions (DATA) answered, accepted or not. */
    public int transactions() {
        return transactions.get();
    }

    /** TCP connections accepted since start. */
    public int connections() {
        return connections.get();
    }

    /** The most messages that were in DATA at the same time since the last reset. */
    public int maxConcurrentMessages() {
        return maxInData.get();
    }

    private void listen(int wanted) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 100);
        port = s.getLocalPort();
        server = s;
        threads.execute(() -> acceptLoop(s));
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                connections.incrementAndGet();
                clients.add(client);
                threads.execute(() -> session(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void session(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            reply(out, "220 smtp-test-server ESMTP");
            String from = null;
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-smtp-test-server\r\n250-8BITMIME\r\n250 SIZE 10485760");
                } else if (upper.startsWith("HELO")) {
                    reply(out, "250 smtp-test-server");
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = address(line.substring(10));
                    recipients.clear();
                    reply(out, "250 2.1.0 Ok");
                } else if (upper.startsWith("RCPT TO:")) {
                    recipients.add(address(line.substring(8)));
                    reply(out, "250 2.1.5 Ok");
                } else if (upper.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    String data = readData(in);
                    answerData(out, from, List.copyOf(recipients), data);
                    from = null;
                    recipients.clear();
                } else if (upper.equals("RSET")) {
                    from = null;
                    recipients.clear();
                    reply(out, "250 2.0.0 Ok");
                } else if (upper.equals("NOOP")) {
                    reply(out, "250 2.0.0 Ok");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (IOException e) {
            // the client went away, or stop() closed the socket
        } finally {
            clients.remove(client);
        }
    }

    private void answerData(OutputStream out, String from, List<String> recipients, String data) throws IOException {
        int now = inData.incrementAndGet();
        maxInData.accumulateAndGet(now, Math::max);
        try {
            long delay = dataDelayMillis;
            if (delay > 0) {
                Thread.sleep(delay);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inData.decrementAndGet();
        }
        transactions.incrementAndGet();
        String special = recipients.stream().map(r -> r.toLowerCase(Locale.ROOT))
                .flatMap(r -> recipientReplies.entrySet().stream().filter(e -> r.contains(e.getKey()))
                        .map(Map.Entry::getValue))
                .findFirst().orElse(null);
        if (special == null && failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            special = failNextReply;
        }
        if (special != null) {
            reply(out, special);
            return;
        }
        Matcher id = MESSAGE_ID.matcher(data);
        // Recorded before the 250 goes out: a message counts as delivered once the server says so.
        accepted.add(new Accepted(from, recipients, id.find() ? id.group(1) : null, data));
        reply(out, "250 2.0.0 Ok: queued");
    }

    private static String readData(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
        return data.toString();
    }

    private static String address(String argument) {
        String a = argument.strip();
        int lt = a.indexOf('<');
        int gt = a.indexOf('>');
        return lt >= 0 && gt > lt ? a.substring(lt + 1, gt) : a.split("\\s")[0];
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
