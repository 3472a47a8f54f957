package org.confmail.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.confmail.platform.config.ConfmailConfig;

/**
 * Hands messages to the configured SMTP server and says whether a failure is worth retrying: 4xx replies and
 * connection problems are transient, 5xx replies permanent. The Jakarta Mail session is built here from
 * {@code CONFMAIL_SMTP_*} rather than declared as a server resource, so that security modes and timeouts are
 * derived in one place and checked at start.
 */
@ApplicationScoped
public class SmtpSender {

    @Inject
    ConfmailConfig config;

    private Session session;
    private String protocol;

    @PostConstruct
    void createSession() {
        protocol = config.smtpSecurity() == ConfmailConfig.SmtpSecurity.TLS ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", config.smtpHost());
        props.put(p + "port", String.valueOf(config.smtpPort()));
        // Never let a silent server hold a sender thread for ever.
        props.put(p + "connectiontimeout", "10000");
        props.put(p + "timeout", "30000");
        props.put(p + "writetimeout", "30000");
        if (config.smtpSecurity() == ConfmailConfig.SmtpSecurity.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (config.smtpSecurity() != ConfmailConfig.SmtpSecurity.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        jakarta.mail.Authenticator authenticator = null;
        if (config.smtpUser().isPresent()) {
            props.put(p + "auth", "true");
            String user = config.smtpUser().get();
            String password = config.smtpPassword().orElse("");
            authenticator = new jakarta.mail.Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        session = Session.getInstance(props, authenticator);
    }

    public Session session() {
        return session;
    }

    /** Sends one message in one SMTP transaction. */
    public void send(MimeMessage message) throws DeliveryException {
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw classify(e);
        }
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
