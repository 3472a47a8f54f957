package org.confmail.platform;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

/** How confmail's templates are read: from the class path, strict about unknown variables, new lines kept. */
public final class PebbleEngines {

    private PebbleEngines() {
    }

    /**
     * An engine over {@code templates/<folder>}. With {@code escapeHtml} every value is HTML-escaped unless a
     * template says otherwise, so a display name like {@code <script>} arrives as text; without it (subjects, plain
     * text) nothing is interpreted as markup anyway. Pebble compiles each template once and keeps it.
     */
    public static PebbleEngine over(String folder, boolean escapeHtml) {
        ClasspathLoader loader = new ClasspathLoader(PebbleEngines.class.getClassLoader());
        loader.setPrefix("templates/" + folder);
        return new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(escapeHtml)
                .defaultEscapingStrategy("html")
                .strictVariables(true)
                .newLineTrimming(false)
                .build();
    }
}
