package org.confmail.it;

import com.microsoft.playwright.Page;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * axe-core, the accessibility rules engine, run inside the page under test: the WCAG 2.1 A and AA rules (tags
 * {@code wcag2a}, {@code wcag2aa}, {@code wcag21a}, {@code wcag21aa}). The build installs the pinned {@code axe-core}
 * npm package into {@code target/axe} (see {@code src/test/axe}) and names its {@code axe.min.js} in the system
 * property {@code confmail.it.axe}.
 *
 * <p>The script goes in through Playwright's evaluate, which the page's Content-Security-Policy does not govern (a
 * script tag without the page's nonce would be refused). Frames are not entered: the only one, the preview's email,
 * is sandboxed without scripts, and would only make axe wait for an answer that never comes.
 */
final class Axe {

    /** The rules' tags: WCAG 2.0 and 2.1, levels A and AA. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final String RUN = """
            async (tags) => {
              const results = await axe.run(document, {
                runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false });
              return JSON.stringify(results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary }))
              })));
            }""";

    private static String source;

    private Axe() {
    }

    /** One broken rule and the elements that break it. */
    record Violation(String id, String impact, String help, String helpUrl, List<Node> nodes) {
    }

    record Node(String target, String html, String summary) {
    }

    /** The violations on the page as it is now (after its scripts and AJAX updates). */
    static List<Violation> run(Page page) {
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            // As a function body: Playwright takes a string that mentions "=> " anywhere for a function.
            page.evaluate("() => {\n" + source() + "\n}");
        }
        String json = (String) page.evaluate(RUN, TAGS);
        JsonArray violations = Json.createReader(new StringReader(json)).readArray();
        return violations.stream().map(JsonValue::asJsonObject).map(v -> new Violation(v.getString("id"),
                v.getString("impact", "?"), v.getString("help"), v.getString("helpUrl"),
                v.getJsonArray("nodes").stream().map(JsonValue::asJsonObject)
                        .map(n -> new Node(n.getString("target"), n.getString("html"), text(n, "summary")))
                        .toList())).toList();
    }

    /** The violations as a person reads them: rule, impact, what it asks, and each element with what is wrong. */
    static String report(String where, List<Violation> violations) {
        StringBuilder out = new StringBuilder();
        out.append(violations.size()).append(" axe-core violation(s) of WCAG 2.1 A/AA on ").append(where)
                .append(':');
        for (Violation v : violations) {
            out.append("\n  [").append(v.impact()).append("] ").append(v.id()).append(": ").append(v.help())
                    .append(" (").append(v.helpUrl()).append(')');
            for (Node n : v.nodes()) {
                out.append("\n    - ").append(n.target()).append("\n        ").append(shorten(n.html()));
                if (n.summary() != null) {
                    out.append("\n        ").append(n.summary().replace("\n", "\n        "));
                }
            }
        }
        return out.toString();
    }

    private static String text(JsonObject o, String name) {
        return o.isNull(name) ? null : o.getString(name, null);
    }

    private static String shorten(String html) {
        String flat = html.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }

    private static synchronized String source() {
        if (source == null) {
            Path file = Path.of(System.getProperty("confmail.it.axe", "target/axe/node_modules/axe-core/axe.min.js"));
            if (!Files.isReadable(file)) {
                throw new IllegalStateException(file + " is missing: the build installs axe-core there with npm"
                        + " before the system tests (mvn verify; npm must be installed)");
            }
            try {
                source = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
