package org.confmail.mail.control;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.LoaderException;
import org.confmail.platform.PebbleEngines;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.confmail.mail.entity.EmailKind;

/**
 * Renders the email templates in {@code templates/email/<language>/<kind>.{subject,txt,html}} with Pebble.
 * The HTML engine escapes every value by default, so a display name like {@code <script>} arrives as text; the
 * plain-text and subject engines do not escape, since nothing there is interpreted as markup.
 */
public class EmailTemplates {

    public record Rendered(String subject, String text, String html) {
    }

    private final PebbleEngine html;
    private final PebbleEngine plain;

    public EmailTemplates() {
        html = PebbleEngines.over("email", true);
        plain = PebbleEngines.over("email", false);
    }

    public Rendered render(EmailKind kind, String language, Map<String, Object> model) {
        String name = language + "/" + kind.name().toLowerCase(Locale.ROOT);
        String subject = evaluate(plain, name + ".subject", model).strip().replaceAll("\\s+", " ");
        return new Rendered(subject, evaluate(plain, name + ".txt", model), evaluate(html, name + ".html", model));
    }

    private static String evaluate(PebbleEngine engine, String name, Map<String, Object> model) {
        try {
            PebbleTemplate template = engine.getTemplate(name);
            StringWriter out = new StringWriter();
            template.evaluate(out, model, Locale.forLanguageTag(name.substring(0, 2)));
            return out.toString();
        } catch (LoaderException e) {
            throw new IllegalStateException("Missing email template " + name, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
