package org.confmail.audit.entity;

/** How an audited action ended, from the status the API would answer. */
public enum AuditOutcome {
    SUCCESS, INVALID, DENIED, NOT_FOUND, CONFLICT, LIMITED, FAILED;

    public static AuditOutcome ofStatus(int status) {
        return switch (status) {
            case 400 -> INVALID;
            case 401, 403 -> DENIED;
            case 404 -> NOT_FOUND;
            case 409, 412, 422 -> CONFLICT;
            case 413, 429, 503 -> LIMITED;
            default -> status < 400 ? SUCCESS : FAILED;
        };
    }
}
