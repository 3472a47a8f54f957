package org.confmail.platform;

import org.confmail.platform.problem.Violations;

/**
 * Checks the {@code page} and {@code size} query parameters every list takes: out of range, or so deep that
 * page × size would overflow, is a 400 naming the parameter (a value that is not a number at all is one too, see
 * {@code ProblemMappers}), never a 500.
 */
public final class Paging {

    public static final int MAX_SIZE = 200;

    private Paging() {
    }

    /** The deepest page any list serves: page × size stays within what a database offset takes. */
    public static final int MAX_OFFSET = 1_000_000;

    public static void check(int page, int size) {
        new Violations()
                .check(page >= 0, "page", "must be 0 or more")
                .check(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE)
                .check(page < 0 || size < 1 || (long) page * size <= MAX_OFFSET, "page",
                        "must be at most " + MAX_OFFSET + " / size (" + MAX_OFFSET + " rows in)")
                .throwIfAny();
    }
}
