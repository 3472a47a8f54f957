-- Meetings (for dynamic conference IDs) and bulk send jobs.

CREATE TABLE meeting (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    organizer_upn        VARCHAR(254)  NOT NULL,
    subject              VARCHAR(300),
    starts_at            TIMESTAMP,
    conference_id        VARCHAR(10)   NOT NULL,
    dynamic_id           BOOLEAN       NOT NULL,
    created_at           TIMESTAMP     NOT NULL
);
CREATE INDEX ix_meeting_organizer ON meeting (organizer_upn, created_at);
CREATE INDEX ix_meeting_conference_id ON meeting (conference_id);

CREATE TABLE bulk_job (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    kind          VARCHAR(32)   NOT NULL,
    requested_by  VARCHAR(100),
    all_users     BOOLEAN       NOT NULL,
    total         INTEGER       NOT NULL,
    created_rows  INTEGER       NOT NULL,
    cursor_upn    VARCHAR(254),
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    version       BIGINT        NOT NULL
);

ALTER TABLE outbox_email ADD COLUMN bulk_job_id VARCHAR(36);
CREATE INDEX ix_outbox_bulk ON outbox_email (bulk_job_id, status);
CREATE INDEX ix_outbox_created ON outbox_email (created_at);
