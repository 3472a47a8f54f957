package org.confmail.mail.control;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
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

    /** Languages with a full set of templates. */
    public static final Set<String> LANGUAGES = Set.of("en", "fr");

    public record Rendered(String subject, String text, String html) {
    }

    private final PebbleEngine html;
    private final PebbleEngine plain;

    public EmailTemplates() {
        ClassLoader loader = EmailTemplates.class.getClassLoader();
        html = engine(loader, true);
        plain = engine(loader, false);
    }

    private static PebbleEngine engine(ClassLoader classLoader, boolean escape) {
        ClasspathLoader loader = new ClasspathLoader(classLoader);
        loader.setPrefix("templates/email");
        return new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(escape)
                .defaultEscapingStrategy("html")
                .strictVariables(true)
                .newLineTrimming(false)
                .build();
    }

    /** The template language for a BCP 47 tag: its primary language if we have templates for it, else null. */
    public static String supportedLanguage(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String language = Locale.forLanguageTag(tag).getLanguage();
        return LANGUAGES.contains(language) ? language : null;
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
