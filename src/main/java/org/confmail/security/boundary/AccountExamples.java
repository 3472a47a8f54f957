package org.confmail.security.boundary;

/** Example documents of the accounts, tokens and audit operations for {@code /openapi}; documentation only. */
public final class AccountExamples {

    private AccountExamples() {
    }

    public static final String NEW_ACCOUNT = """
            {"username": "helpdesk", "password": "correct horse battery staple", "roles": ["operator"]}""";

    public static final String ACCOUNT = """
            {"username": "helpdesk", "roles": ["operator"], "enabled": true, "createdAt": "2026-11-02T08:15:30Z",
             "updatedAt": "2026-11-02T08:15:30Z"}""";

    public static final String ACCOUNTS = "{\"items\": [" + ACCOUNT + "], \"page\": 0, \"size\": 50, \"total\": 1}";

    public static final String ACCOUNT_PATCH = """
            {"roles": ["operator", "auditor"], "enabled": false}""";

    public static final String PASSWORD_RESET = """
            {"password": "a new long passphrase"}""";

    public static final String INVALID_ACCOUNT = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "password: must have at least 12 characters",
             "errors": [{"field": "password", "message": "must have at least 12 characters"}]}""";

    public static final String ACCOUNT_EXISTS = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "username: an account helpdesk already exists",
             "errors": [{"field": "username", "message": "an account helpdesk already exists"}]}""";

    public static final String LAST_ADMIN = """
            {"type": "about:blank", "title": "Last admin", "status": 409,
             "detail": "Account admin is the last enabled admin: give another account the admin role (or enable \
            one) first."}""";

    public static final String ACCOUNT_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "There is no account 'helpdesk'."}""";

    public static final String ACCOUNT_PRECONDITION_FAILED = """
            {"type": "about:blank", "title": "Precondition failed", "status": 412,
             "detail": "Account helpdesk was changed by someone else since you read it; read it again."}""";

    public static final String NEW_TOKEN = """
            {"name": "ticketing system", "expiresAt": "2027-03-01T00:00:00Z", "role": "operator"}""";

    public static final String ISSUED_TOKEN = """
            {"id": "5b1e0a1c-7f59-4a1e-9c43-0d8a3c1b6f21", "name": "ticketing system",
             "token": "cmt_3q2-7wEXAMPLEonlyAAAAAAAAAAAAAAAAAAAAAAAAAA", "role": "operator",
             "expiresAt": "2027-03-01T00:00:00Z"}""";

    public static final String TOKENS = """
            [{"id": "5b1e0a1c-7f59-4a1e-9c43-0d8a3c1b6f21", "name": "ticketing system", "role": "operator",
              "status": "ACTIVE", "createdAt": "2026-12-01T09:00:00Z", "createdBy": "admin",
              "expiresAt": "2027-03-01T00:00:00Z", "lastUsedAt": "2026-12-02T10:31:00Z",
              "lastUsedFrom": "10.0.4.17", "revokedAt": null, "revokedBy": null}]""";

    public static final String INVALID_TOKEN = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "expiresAt: must be in the future",
             "errors": [{"field": "expiresAt", "message": "must be in the future"}]}""";

    public static final String TOKEN_NOT_FOUND = """
            {"type": "about:blank", "title": "Not found", "status": 404,
             "detail": "Account helpdesk has no API token with id '5b1e0a1c-7f59-4a1e-9c43-0d8a3c1b6f21'."}""";

    public static final String AUDIT = """
            {"items": [{"id": "0f8b4a52-2f6e-4d7c-8a51-93c1e5f0a7b2", "occurredAt": "2026-12-02T10:31:00Z",
              "actor": "helpdesk", "actorToken": "ticketing system", "clientAddress": "10.0.4.17",
              "action": "email.send", "target": "ada.lovelace@contoso.com", "outcome": "SUCCESS",
              "detail": "to ada.lovelace@contoso.com"}], "page": 0, "size": 50, "total": 1}""";

    public static final String INVALID_AUDIT_FILTER = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "from: must be an ISO-8601 instant such as 2026-12-01T00:00:00Z",
             "errors": [{"field": "from", "message": "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z"}]}""";
}
