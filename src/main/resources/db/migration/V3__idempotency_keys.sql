-- Idempotency-Key: the first answer to a POST that sends mail, per account and key, for 24 hours. The primary key
-- is what keeps two concurrent requests with one key from both sending: the second insert fails (or waits for the
-- first transaction, then fails) and its transaction, with the email it queued, rolls back.
-- response_body is sealed with the application's secret key (AES-GCM): a pin-reset answer carries the new PIN.

CREATE TABLE idempotency_key (
    account_name       VARCHAR(100)   NOT NULL,
    idempotency_key    VARCHAR(255)   NOT NULL,
    request_method     VARCHAR(10)    NOT NULL,
    request_path       VARCHAR(1000)  NOT NULL,
    request_hash       VARCHAR(64)    NOT NULL,
    response_status    INTEGER        NOT NULL,
    response_location  VARCHAR(1000),
    response_body      VARCHAR(4000),
    created_at         TIMESTAMP      NOT NULL,
    PRIMARY KEY (account_name, idempotency_key)
);
CREATE INDEX ix_idempotency_created ON idempotency_key (created_at);
