package org.confmail.platform;

import org.confmail.platform.problem.Violations;

/** Checks the {@code page} and {@code size} query parameters every list takes. */
public final class Paging {

    public static final int MAX_SIZE = 200;

    private Paging() {
    }

    public static void check(int page, int size) {
        new Violations()
                .check(page >= 0, "page", "must be 0 or more")
                .check(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE)
                .throwIfAny();
    }
}
