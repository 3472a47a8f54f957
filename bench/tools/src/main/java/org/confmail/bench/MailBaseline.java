package org.confmail.bench;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor for the bulk figure: a bare Angus Mail loop that builds and sends {@code count} multipart/alternative
 * messages like confmail's (UTF-8 subject and names, a text and an HTML part of the same sizes, a fixed
 * Message-ID) over {@code connections} kept connections, one thread each, and nothing else: no database, no queue,
 * no templates. TCP_NODELAY as confmail sets it (else every message waits ~40 ms for a delayed ACK).
 *
 * <p>Usage: {@code MailBaseline <host> <port> <count> <connections>}; prints {@code baseline: sent=<n> seconds=<s>
 * per_s=<r>}.
 */
public final class MailBaseline {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.localhost", "bench.localhost");
        props.put("mail.smtp.socketFactory.class", NoDelay.class.getName());
        props.put("mail.smtp.socketFactory.port", String.valueOf(port));
        props.put("mail.smtp.socketFactory.fallback", "false");
        Session session = Session.getInstance(props);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        Thread[] threads = new Thread[connections];
        long start = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            threads[t] = new Thread(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        MimeMessage message = build(session, i);
                        transport.sendMessage(message, message.getAllRecipients());
                        sent.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("baseline: sent=%d seconds=%.2f per_s=%.0f%n", sent.get(), seconds, sent.get() / seconds);
        if (sent.get() != count) {
            System.exit(1);
        }
    }

    static MimeMessage build(Session session, int i) throws Exception {
        String upn = String.format("user%06d@contoso.example", i + 1);
        String name = "Grâce Hopper " + i;
        String id = String.format("%07d", 1_000_000 + (i * 7919) % 9_000_000);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<bench-" + upn + ">");
            }
        };
        message.setFrom(new InternetAddress("no-reply@contoso.example", "Audio Conferencing", "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(upn, name, "UTF-8"));
        message.setSubject("Your audio conferencing information – " + name, "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Content-Language", "en");
        message.setHeader("Auto-Submitted", "no");
        StringBuilder text = new StringBuilder("Hello ").append(name).append(",\n\n")
                .append("Here is how people can join your meetings by phone.\n\nConference ID: ").append(id)
                .append("\n\nToll number: +1 425-555-0100 (Seattle, United States)\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Audio conferencing</title></head><body><p>Hello ").append(name).append(",</p>")
                .append("<p>Here is how people can join your meetings by phone.</p><p>Conference ID: <strong>")
                .append(id).append("</strong></p><table><tr><th>Number</th><th>Type</th><th>City</th></tr>")
                .append("<tr><td>+1 425-555-0100</td><td>Toll</td><td>Seattle, United States</td></tr></table>");
        // Pad both parts to the size of confmail's rendered conference-info email (text ~0.9 kB, HTML ~3 kB).
        while (text.length() < 900) {
            text.append("Dial the number, then enter the conference ID followed by #.\n");
        }
        while (html.length() < 3000) {
            html.append("<p style=\"margin:0 0 8px 0\">Dial the number, then enter the conference ID and #.</p>");
        }
        html.append("</body></html>");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text.toString(), "UTF-8", "plain");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html.toString(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(textPart);
        alternative.addBodyPart(htmlPart);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** Plain sockets with TCP_NODELAY, as confmail's NoDelaySocketFactory gives them. */
    public static final class NoDelay extends javax.net.SocketFactory {
        private static final NoDelay INSTANCE = new NoDelay();

        public static javax.net.SocketFactory getDefault() {
            return INSTANCE;
        }

        private static java.net.Socket tuned(java.net.Socket socket) throws java.net.SocketException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public java.net.Socket createSocket() throws java.io.IOException {
            return tuned(new java.net.Socket());
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
            return tuned(new java.net.Socket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
                throws java.io.IOException {
            return tuned(new java.net.Socket(host, port, local, localPort));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
            return tuned(new java.net.Socket(host, port));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress local,
                int localPort) throws java.io.IOException {
            return tuned(new java.net.Socket(address, port, local, localPort));
        }
    }
}
