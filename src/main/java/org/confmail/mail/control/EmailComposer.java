package org.confmail.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.confmail.conferencing.control.DialInInfo;
import org.confmail.platform.config.EmailAddresses;
import org.confmail.mail.entity.OutboxEmail;

/**
 * Turns an outbox row and the user's current dial-in information into the MIME message we send:
 * {@code multipart/alternative} with plain text and HTML, RFC 2047-encoded names, and a Message-ID derived from
 * the row's id, so that a resend after a crash carries the same id and receivers can tell it is one message.
 */
@ApplicationScoped
public class EmailComposer {

    private static final EmailTemplates TEMPLATES = new EmailTemplates();

    @Inject
    SmtpSender smtp;

    public record Composed(MimeMessage message, String subject, String messageId) {
    }

    public Composed compose(OutboxEmail email, DialInInfo info, String secret) throws MessagingException {
        return compose(smtp.session(), email, info, secret);
    }

    static Composed compose(Session session, OutboxEmail email, DialInInfo info, String secret)
            throws MessagingException {
        Map<String, Object> model = new HashMap<>();
        model.put("info", info);
        model.put("displayName", info.displayName());
        model.put("pin", secret);
        EmailTemplates.Rendered rendered = TEMPLATES.render(email.kind(), email.language(), model);

        String messageId = "<" + email.id() + "@" + EmailAddresses.domainOf(email.fromAddress()) + ">";
        MimeMessage message = new FixedIdMimeMessage(session, messageId);
        message.setFrom(address(email.fromAddress(), email.fromName()));
        message.setRecipient(Message.RecipientType.TO, address(email.toAddress(), email.toName()));
        message.setSubject(rendered.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Content-Language", email.language());
        message.setHeader("Auto-Submitted", email.kind().name().equals("CONFERENCE_INFO") ? "no" : "auto-generated");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(rendered.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return new Composed(message, rendered.subject(), messageId);
    }

    /** An address with a display name that can never break out of its header: control characters become spaces. */
    static InternetAddress address(String address, String name) throws MessagingException {
        try {
            String safeName = name == null ? null : name.replaceAll("[\\p{Cntrl}]", " ").strip();
            return new InternetAddress(address, safeName == null || safeName.isEmpty() ? null : safeName, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 unsupported", e);
        }
    }

    /** Keeps the Message-ID we chose instead of the random one Jakarta Mail makes in saveChanges(). */
    static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
