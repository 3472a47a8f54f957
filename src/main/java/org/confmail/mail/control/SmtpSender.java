package org.confmail.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.confmail.platform.config.ConfmailConfig;

/**
 * Hands messages to the configured SMTP server and says whether a failure is worth retrying: 4xx replies and
 * connection problems are transient, 5xx replies permanent. The Jakarta Mail session is built here from
 * {@code CONFMAIL_SMTP_*} rather than declared as a server resource, so that security modes and timeouts are
 * derived in one place and checked at start.
 *
 * <p>Connections are reused: a small pool keeps connected transports (at most one per sender thread, so at most
 * {@code CONFMAIL_DELIVERY_CONCURRENCY} idle ones). A transport idle for more than a second is checked with NOOP
 * before use; one that fails is closed, and the next message opens a new one. A message that fails on a reused
 * connection without any SMTP reply (the server had dropped it) is tried once more at once on a new connection.
 */
@ApplicationScoped
public class SmtpSender {

    /** Reused without a NOOP when it was used this recently. */
    static final Duration CHECK_IF_IDLE_FOR = Duration.ofSeconds(1);
    /** Closed rather than kept when idle this long: relays drop idle clients after a minute or a few. */
    static final Duration MAX_IDLE = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(SmtpSender.class.getName());

    @Inject
    ConfmailConfig config;

    private Session session;
    private String protocol;
    private int maxIdle;
    private final Deque<Pooled> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger open = new AtomicInteger();

    /** What the last exchange with the server told us, for the health check. */
    private volatile Outcome lastOutcome;

    public record Outcome(boolean reachable, Instant at, String error) {
    }

    private static final class Pooled {
        final Transport transport;
        long lastUsedNanos = System.nanoTime();
        /** Taken from the pool rather than just connected. */
        boolean reused;

        Pooled(Transport transport) {
            this.transport = transport;
        }

        Duration idleFor() {
            return Duration.ofNanos(System.nanoTime() - lastUsedNanos);
        }
    }

    /**
     * Jakarta Mail 2.1 looks up its stream provider with a ServiceLoader on every encoded header and every body part
     * it writes (mail-api issue 861), which in the application server's class loaders means searching every jar
     * each time: a quarter of the delivery's CPU in the profile (bench/README.md). Naming the implementation in the
     * system property it reads first turns each lookup into a class already loaded.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    @PostConstruct
    void createSession() {
        System.getProperties().putIfAbsent(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        session = Session.getInstance(properties(config), authenticator(config));
        protocol = config.smtpSecurity() == ConfmailConfig.SmtpSecurity.TLS ? "smtps" : "smtp";
        maxIdle = config.deliveryConcurrency();
    }

    static Properties properties(ConfmailConfig config) {
        String protocol = config.smtpSecurity() == ConfmailConfig.SmtpSecurity.TLS ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", config.smtpHost());
        props.put(p + "port", String.valueOf(config.smtpPort()));
        // Never let a silent server hold a sender thread for ever.
        long timeout = config.smtpTimeout().toMillis();
        props.put(p + "connectiontimeout", String.valueOf(Math.min(timeout, 10_000)));
        props.put(p + "timeout", String.valueOf(timeout));
        props.put(p + "writetimeout", String.valueOf(timeout));
        // The name we greet with (EHLO). Left unset, Jakarta Mail looks it up for every new connection with a
        // reverse DNS query, which costs from milliseconds to seconds; look it up once instead.
        props.put(p + "localhost", localHostName());
        // TCP_NODELAY: without it every message waits for the server's delayed ACK (see NoDelaySocketFactory).
        if (config.smtpSecurity() == ConfmailConfig.SmtpSecurity.TLS) {
            props.put(p + "ssl.socketFactory", NoDelaySocketFactory.tls());
        } else {
            props.put(p + "socketFactory", NoDelaySocketFactory.plain());
        }
        if (config.smtpSecurity() == ConfmailConfig.SmtpSecurity.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (config.smtpSecurity() != ConfmailConfig.SmtpSecurity.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        if (config.smtpUser().isPresent()) {
            props.put(p + "auth", "true");
        }
        return props;
    }

    private static jakarta.mail.Authenticator authenticator(ConfmailConfig config) {
        if (config.smtpUser().isEmpty()) {
            return null;
        }
        String user = config.smtpUser().get();
        String password = config.smtpPassword().orElse("");
        return new jakarta.mail.Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        };
    }

    static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getCanonicalHostName();
            return name == null || name.isBlank() || name.indexOf('%') >= 0 ? "localhost" : name;
        } catch (java.io.IOException | RuntimeException e) {
            return "localhost";
        }
    }

    public Session session() {
        return session;
    }

    /** Sends one message in one SMTP transaction. */
    public void send(MimeMessage message) throws DeliveryException {
        Pooled pooled = borrow();
        try {
            pooled.transport.sendMessage(message, message.getAllRecipients());
            giveBack(pooled);
            succeeded();
        } catch (MessagingException e) {
            discard(pooled);
            if (!pooled.reused || replyCode(e) > 0 || e instanceof AuthenticationFailedException) {
                throw failed(e);
            }
            // The server had closed the connection we kept: once more on a new one.
            Pooled fresh = connectNew();
            try {
                fresh.transport.sendMessage(message, message.getAllRecipients());
                giveBack(fresh);
                succeeded();
            } catch (MessagingException again) {
                discard(fresh);
                throw failed(again);
            }
        }
    }

    private Pooled borrow() throws DeliveryException {
        Pooled pooled;
        while ((pooled = idle.pollFirst()) != null) {
            Duration idleFor = pooled.idleFor();
            if (idleFor.compareTo(MAX_IDLE) < 0
                    && (idleFor.compareTo(CHECK_IF_IDLE_FOR) < 0 || pooled.transport.isConnected())) {
                pooled.reused = true;
                return pooled;
            }
            discard(pooled);
        }
        return connectNew();
    }

    private Pooled connectNew() throws DeliveryException {
        try {
            Transport transport = session.getTransport(protocol);
            transport.connect();
            open.incrementAndGet();
            Pooled pooled = new Pooled(transport);
            pooled.lastUsedNanos = System.nanoTime();
            return pooled;
        } catch (MessagingException e) {
            throw failed(e);
        }
    }

    private void giveBack(Pooled pooled) {
        pooled.lastUsedNanos = System.nanoTime();
        if (idle.size() < maxIdle) {
            idle.offerFirst(pooled);
        } else {
            discard(pooled);
        }
    }

    private void discard(Pooled pooled) {
        open.decrementAndGet();
        try {
            pooled.transport.close();
        } catch (MessagingException | RuntimeException e) {
            // already broken; nothing to tell
        }
    }

    /** Closes connections nobody used for a while (called by the sweeper). */
    public void closeIdleConnections() {
        for (Pooled pooled : idle) {
            if (pooled.idleFor().compareTo(MAX_IDLE) >= 0 && idle.remove(pooled)) {
                discard(pooled);
            }
        }
    }

    @PreDestroy
    void closeAll() {
        Pooled pooled;
        while ((pooled = idle.pollFirst()) != null) {
            discard(pooled);
        }
    }

    /** Open SMTP connections of this instance (pooled and in use). */
    public int openConnections() {
        return Math.max(0, open.get());
    }

    /** What the last exchange with the server told us, or empty when there was none yet. */
    public Optional<Outcome> lastOutcome() {
        return Optional.ofNullable(lastOutcome);
    }

    /**
     * Whether the server answers now: connects, greets and logs in as a send would, then quits. For the health
     * check, which caches the answer.
     */
    public Outcome probe() {
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect();
            lastOutcome = new Outcome(true, Instant.now(), null);
        } catch (MessagingException e) {
            lastOutcome = new Outcome(false, Instant.now(), describe(e));
        }
        return lastOutcome;
    }

    private void succeeded() {
        Outcome last = lastOutcome;
        if (last == null || !last.reachable() || last.at().isBefore(Instant.now().minusSeconds(1))) {
            lastOutcome = new Outcome(true, Instant.now(), null);
        }
    }

    private DeliveryException failed(MessagingException e) {
        DeliveryException classified = classify(e);
        // A reply of any kind means the server is there; only the lack of one says it is unreachable.
        lastOutcome = new Outcome(replyCode(e) > 0, Instant.now(), classified.getMessage());
        return classified;
    }

    static DeliveryException classify(MessagingException e) {
        int code = replyCode(e);
        String reason = describe(e);
        if (code >= 500 && code < 600) {
            return new DeliveryException(false, reason, e);
        }
        // 4xx replies, no reply at all (connection refused, timeout, dropped), and rejected credentials, which
        // an operator can fix without losing the mail.
        return new DeliveryException(true, reason, e);
    }

    /** The SMTP reply code carried anywhere in the exception chain, or -1. */
    static int replyCode(Exception e) {
        Exception current = e;
        while (current != null) {
            int code = codeOf(current);
            if (code > 0) {
                return code;
            }
            current = current instanceof MessagingException m ? m.getNextException() : null;
        }
        return -1;
    }

    private static int codeOf(Exception e) {
        if (e instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException s) {
            return s.getReturnCode();
        }
        if (e instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException s) {
            return s.getReturnCode();
        }
        if (e instanceof org.eclipse.angus.mail.smtp.SMTPSenderFailedException s) {
            return s.getReturnCode();
        }
        return -1;
    }

    private static String describe(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return "SMTP authentication failed: check CONFMAIL_SMTP_USER and CONFMAIL_SMTP_PASSWORD";
        }
        StringBuilder reason = new StringBuilder();
        Exception current = e;
        while (current != null && reason.length() < 1500) {
            if (reason.length() > 0) {
                reason.append(" / ");
            }
            String message = current.getMessage();
            reason.append(message == null ? current.getClass().getSimpleName() : message.strip());
            Exception next = current instanceof MessagingException m ? m.getNextException() : null;
            if (next == null && current.getCause() instanceof Exception cause && cause != current
                    && !(current instanceof SendFailedException)) {
                next = cause;
            }
            current = next;
        }
        return reason.toString();
    }
}
