-- Accounts that hold (issue 9): accounts can be disabled, API tokens for internal systems, the audit trail, the
-- password the bootstrap admin last took from CONFMAIL_ADMIN_PASSWORD, and who asked for each manual email (the
-- per-caller hourly limit). Portable between H2 2.x and PostgreSQL, like V1.

ALTER TABLE account ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE account ADD COLUMN updated_at TIMESTAMP;
UPDATE account SET updated_at = created_at;
ALTER TABLE account ALTER COLUMN updated_at SET NOT NULL;

-- A token is shown once; only an HMAC-SHA-256 of it (keyed with the application's secret key) is kept. A revoked
-- token stays listed, with who revoked it and when; deleting the account deletes its tokens.
CREATE TABLE api_token (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    username        VARCHAR(100)  NOT NULL REFERENCES account (username) ON DELETE CASCADE,
    name            VARCHAR(100)  NOT NULL,
    token_hash      VARCHAR(64)   NOT NULL,
    role            VARCHAR(20),
    created_at      TIMESTAMP     NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    expires_at      TIMESTAMP     NOT NULL,
    last_used_at    TIMESTAMP,
    last_used_from  VARCHAR(64),
    revoked_at      TIMESTAMP,
    revoked_by      VARCHAR(100),
    version         BIGINT        NOT NULL,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_api_token_username ON api_token (username, created_at);

-- Who did what, to whom, when, from where, and how it ended. Never a PIN, a password or a token.
CREATE TABLE audit_event (
    id              VARCHAR(36)    NOT NULL PRIMARY KEY,
    occurred_at     TIMESTAMP      NOT NULL,
    actor           VARCHAR(100)   NOT NULL,
    actor_token     VARCHAR(100),
    client_address  VARCHAR(64),
    action          VARCHAR(40)    NOT NULL,
    target          VARCHAR(254),
    outcome         VARCHAR(16)    NOT NULL,
    detail          VARCHAR(1000)
);
CREATE INDEX ix_audit_occurred ON audit_event (occurred_at);
CREATE INDEX ix_audit_actor ON audit_event (actor, occurred_at);
CREATE INDEX ix_audit_target ON audit_event (target, occurred_at);
CREATE INDEX ix_audit_action ON audit_event (action, occurred_at);

-- A PBKDF2 hash of the CONFMAIL_ADMIN_PASSWORD value last applied to the account admin: a start with another value
-- resets admin's password to it, a start with the same value leaves a password changed since then alone.
CREATE TABLE bootstrap_admin (
    id                     INTEGER       NOT NULL PRIMARY KEY,
    applied_password_hash  VARCHAR(500)  NOT NULL,
    applied_at             TIMESTAMP     NOT NULL
);

ALTER TABLE outbox_email ADD COLUMN requested_by VARCHAR(100);
CREATE INDEX ix_outbox_requested_by ON outbox_email (requested_by, created_at);
