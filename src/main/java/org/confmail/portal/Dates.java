package org.confmail.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants for the pages' {@code <cm:time>} tag: the exact instant in UTC for the {@code datetime} attribute and
 * the hover text, and a short UTC form shown until the page's script (portal.js) rewrites it in the viewer's
 * language and time zone, which only the browser knows.
 */
@Named
@ApplicationScoped
public class Dates {

    private static final DateTimeFormatter SHORT_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** ISO 8601 in UTC, to the fraction of a second stored: {@code 2026-12-01T19:52:17.123Z}. */
    public String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** {@code 2026-12-01 19:52 UTC}. */
    public String shortUtc(Instant instant) {
        return instant == null ? null : SHORT_UTC.format(instant);
    }
}
