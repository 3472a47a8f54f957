package org.confmail.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/**
 * A business rule said no. Services throw it with the HTTP status the API should answer; the portal shows the
 * detail as a message. It never carries a secret.
 */
public class ProblemException extends WebApplicationException {

    private final String detail;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, Problem.response(status, title, detail, errors));
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    private ProblemException(jakarta.ws.rs.core.Response response, String detail) {
        super(detail, response);
        this.detail = detail;
        this.errors = List.of();
    }

    /** 429 with Retry-After: a limit was reached; try again after {@code retryAfter}. */
    public static ProblemException limited(String title, String detail, java.time.Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ProblemException(jakarta.ws.rs.core.Response.fromResponse(Problem.response(429, title, detail))
                .header("Retry-After", String.valueOf(seconds)).build(), detail);
    }

    /** 403 naming the fields the caller's roles may not change. */
    public static ProblemException forbiddenFields(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(403, "Forbidden", detail, errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what, List.of());
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String field, String message) {
        return new ProblemException(409, "Conflict", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /**
     * The change was made on an older version than the stored one (412): the caller read the thing before someone
     * else changed it. The API answers it to a stale If-Match; the portal offers to reload or overwrite.
     */
    public static ProblemException stale(String detail) {
        return new ProblemException(412, "Precondition failed", detail, List.of());
    }

    /**
     * The optimistic check of every change that names the version it read (If-Match, the portal's form): 412 with
     * {@code detail} when it is not the stored one; a null {@code expected} checks nothing.
     */
    public static void requireVersion(Long expected, long stored, String detail) {
        if (expected != null && expected != stored) {
            throw stale(detail);
        }
    }

    /** Whether this refusal is {@link #stale(String)}. */
    public boolean isStale() {
        return getResponse().getStatus() == 412;
    }

    public String detail() {
        return detail;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
