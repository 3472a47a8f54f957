-- The admin portal's CSV imports of users (issue 12): each runs in the background on one instance, and every
-- instance shows its progress from this row. runner is the incarnation running it (sender_instance), so a job whose
-- instance died can be told from one still running. A job keeps its first line errors (user_import_error, at most
-- 1,000) and counts the rest in errors_not_kept. Portable between H2 2.x and PostgreSQL, like V1.

CREATE TABLE user_import_job (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    file_name        VARCHAR(255),
    started_by       VARCHAR(254),
    runner           VARCHAR(100),
    state            VARCHAR(20)   NOT NULL,
    total            INTEGER       NOT NULL,
    lines_done       INTEGER       NOT NULL,
    created          INTEGER       NOT NULL,
    failed           INTEGER       NOT NULL,
    errors_not_kept  INTEGER       NOT NULL,
    started_at       TIMESTAMP     NOT NULL,
    updated_at       TIMESTAMP     NOT NULL,
    finished_at      TIMESTAMP,
    version          BIGINT        NOT NULL
);
CREATE INDEX ix_user_import_job_started ON user_import_job (started_at);

-- Deleting a job deletes its errors.
CREATE TABLE user_import_error (
    job_id       VARCHAR(36)    NOT NULL REFERENCES user_import_job (id) ON DELETE CASCADE,
    seq          INTEGER        NOT NULL,
    line_number  BIGINT         NOT NULL,
    field        VARCHAR(100),
    message      VARCHAR(1000)  NOT NULL,
    PRIMARY KEY (job_id, seq)
);
