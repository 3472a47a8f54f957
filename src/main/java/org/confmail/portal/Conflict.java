package org.confmail.portal;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A save refused because someone else saved first (the service's version check, as for the API's If-Match): what
 * changed between the version the page read and the stored one, field by field, with what this admin was about to
 * save, so that they can choose to reload or to overwrite.
 *
 * @param changes the fields someone else changed, and those the refused save sets
 * @param changedAt when the stored version was saved, if known
 * @param currentVersion the stored version, which an overwrite names as the one it replaces
 */
public record Conflict(List<Change> changes, Instant changedAt, long currentVersion) implements Serializable {

    /** One field: its label (message key), its value when read, now, and in the refused save (null: not in it). */
    public record Change(String label, String then, String now, String mine) implements Serializable {
    }

    /** A row for a field that someone else changed ({@code then} and {@code now} differ) or that this save sets. */
    static List<Change> row(String label, String then, String now, String mine) {
        return Objects.equals(then, now) && mine == null ? List.of() : List.of(new Change(label, then, now, mine));
    }
}
