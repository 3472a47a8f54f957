package org.confmail.platform.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every invalid field of one request, so a caller learns all of them at once, then rejects the request
 * with a single 400 problem before anything is changed.
 */
public final class Violations {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Violations check(boolean valid, String field, String message) {
        if (!valid) {
            errors.add(new Problem.FieldError(field, message));
        }
        return this;
    }

    public Violations add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        throw new ProblemException(400, "Invalid request", detail, errors);
    }
}
