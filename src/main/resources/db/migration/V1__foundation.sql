-- confmail foundation schema. Portable between H2 2.x and PostgreSQL: ids are UUID strings assigned by the
-- application (no sequences or identity columns), timestamps are UTC without a time zone.

CREATE TABLE dial_in_settings (
    id                            INTEGER      NOT NULL PRIMARY KEY,
    automatically_send_emails     BOOLEAN      NOT NULL,
    pin_length                    INTEGER      NOT NULL,
    use_unique_conference_ids     BOOLEAN      NOT NULL,
    conference_id_length          INTEGER      NOT NULL,
    send_email_from_override      BOOLEAN      NOT NULL,
    send_email_from_address       VARCHAR(254),
    send_email_from_display_name  VARCHAR(256),
    default_language              VARCHAR(35)  NOT NULL,
    version                       BIGINT       NOT NULL
);
INSERT INTO dial_in_settings (id, automatically_send_emails, pin_length, use_unique_conference_ids,
        conference_id_length, send_email_from_override, default_language, version)
    VALUES (1, TRUE, 5, FALSE, 7, FALSE, 'en', 0);

CREATE TABLE verified_domain (
    settings_id  INTEGER      NOT NULL REFERENCES dial_in_settings (id),
    domain_name  VARCHAR(253) NOT NULL,
    PRIMARY KEY (settings_id, domain_name)
);

CREATE TABLE bridge (
    id                      VARCHAR(36)  NOT NULL PRIMARY KEY,
    name                    VARCHAR(200) NOT NULL,
    is_default              BOOLEAN      NOT NULL,
    default_toll_number_id  VARCHAR(36),
    created_at              TIMESTAMP    NOT NULL,
    version                 BIGINT       NOT NULL,
    CONSTRAINT uq_bridge_name UNIQUE (name)
);

CREATE TABLE service_number (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    bridge_id    VARCHAR(36)  NOT NULL REFERENCES bridge (id),
    e164         VARCHAR(16)  NOT NULL,
    number_type  VARCHAR(16)  NOT NULL,
    country      VARCHAR(2)   NOT NULL,
    city         VARCHAR(100),
    languages    VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT uq_service_number_e164 UNIQUE (e164)
);
CREATE INDEX ix_service_number_bridge ON service_number (bridge_id, country);

ALTER TABLE bridge ADD CONSTRAINT fk_bridge_default_toll
    FOREIGN KEY (default_toll_number_id) REFERENCES service_number (id);

CREATE TABLE conferencing_user (
    id                          VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_principal_name         VARCHAR(254) NOT NULL,
    display_name                VARCHAR(256) NOT NULL,
    email                       VARCHAR(254) NOT NULL,
    preferred_language          VARCHAR(35),
    country                     VARCHAR(2),
    audio_conferencing_license  BOOLEAN      NOT NULL,
    provider                    VARCHAR(16)  NOT NULL,
    third_party_provider_name   VARCHAR(200),
    bridge_id                   VARCHAR(36)  REFERENCES bridge (id),
    toll_number_id              VARCHAR(36)  REFERENCES service_number (id),
    toll_free_number_id         VARCHAR(36)  REFERENCES service_number (id),
    allow_toll_free_dial_in     BOOLEAN      NOT NULL,
    conference_id               VARCHAR(10),
    pin_hash                    VARCHAR(300),
    created_at                  TIMESTAMP    NOT NULL,
    updated_at                  TIMESTAMP    NOT NULL,
    version                     BIGINT       NOT NULL,
    CONSTRAINT uq_user_upn UNIQUE (user_principal_name),
    CONSTRAINT uq_user_conference_id UNIQUE (conference_id)
);
CREATE INDEX ix_user_display_name ON conferencing_user (display_name);

CREATE TABLE outbox_email (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    kind                 VARCHAR(32)   NOT NULL,
    user_principal_name  VARCHAR(254)  NOT NULL,
    to_address           VARCHAR(254)  NOT NULL,
    to_name              VARCHAR(256),
    from_address         VARCHAR(254)  NOT NULL,
    from_name            VARCHAR(256),
    language             VARCHAR(35)   NOT NULL,
    subject              VARCHAR(400),
    status               VARCHAR(16)   NOT NULL,
    attempts             INTEGER       NOT NULL,
    next_attempt_at      TIMESTAMP,
    last_error           VARCHAR(2000),
    message_id           VARCHAR(300),
    secret_ciphertext    VARCHAR(500),
    created_at           TIMESTAMP     NOT NULL,
    queued_at            TIMESTAMP     NOT NULL,
    sent_at              TIMESTAMP,
    claimed_by           VARCHAR(100),
    claimed_until        TIMESTAMP,
    version              BIGINT        NOT NULL
);
CREATE INDEX ix_outbox_status ON outbox_email (status, next_attempt_at);
CREATE INDEX ix_outbox_user ON outbox_email (user_principal_name, created_at);

CREATE TABLE account (
    username       VARCHAR(100)  NOT NULL PRIMARY KEY,
    password_hash  VARCHAR(500)  NOT NULL,
    roles          VARCHAR(200)  NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    version        BIGINT        NOT NULL
);
