package org.confmail.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import java.io.IOException;
import org.confmail.conferencing.control.DialInInfo;
import org.confmail.conferencing.control.UserDirectory;
import org.confmail.conferencing.entity.ConferencingUser;
import org.confmail.mail.entity.EmailKind;
import org.confmail.platform.Languages;
import org.confmail.mail.entity.OutboxEmail;
import org.confmail.platform.problem.ProblemException;
import org.confmail.tenant.control.DialInSettingsService;

/**
 * The exact email of any kind, in any language, as a user would receive it now, built by the same composer as
 * the real thing, without storing or sending anything and with a placeholder instead of a PIN.
 */
@ApplicationScoped
public class EmailPreview {

    public record Preview(String from, String to, String subject, String text, String html) {
    }

    @Inject
    UserDirectory users;

    @Inject
    DialInSettingsService settings;

    @Inject
    SmtpSender smtp;

    public Preview preview(String upn, EmailKind kind, String language) {
        if (!Languages.SUPPORTED.contains(language)) {
            throw ProblemException.invalid("language", "must be one of " + Languages.SUPPORTED);
        }
        ConferencingUser user = users.find(upn);
        DialInInfo info = users.dialInInfo(user);
        DialInSettingsService.Sender sender = settings.sender();
        OutboxEmail draft = new OutboxEmail(kind, user.userPrincipalName(), user.email(), user.displayName(),
                sender.address(), sender.displayName(), language, null);
        String placeholder = kind.carriesPin() ? "•".repeat(settings.current().pinLength()) : null;
        try {
            EmailComposer.Composed composed = EmailComposer.compose(smtp.session(), draft, info, placeholder);
            Multipart parts = (Multipart) composed.message().getContent();
            return new Preview(composed.message().getHeader("From")[0], composed.message().getHeader("To")[0],
                    composed.subject(), (String) parts.getBodyPart(0).getContent(),
                    (String) parts.getBodyPart(1).getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not build the preview", e);
        }
    }
}
