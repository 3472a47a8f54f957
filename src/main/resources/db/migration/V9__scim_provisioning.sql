-- SCIM 2.0 provisioning (issue 10): a directory creates users, deactivates them (active), knows them by its own id
-- (external_id) and their given and family names, and puts them in groups; membership of the license group
-- assigns the audio-conferencing license. Portable between H2 2.x and PostgreSQL, like V1.

ALTER TABLE conferencing_user ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE conferencing_user ADD COLUMN external_id VARCHAR(254);
ALTER TABLE conferencing_user ADD COLUMN given_name VARCHAR(256);
ALTER TABLE conferencing_user ADD COLUMN family_name VARCHAR(256);
CREATE INDEX ix_user_external_id ON conferencing_user (external_id);
-- Identity providers look users up by address (filter emails.value eq "...").
CREATE INDEX ix_user_email ON conferencing_user (email);

CREATE TABLE scim_group (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    display_name  VARCHAR(256)  NOT NULL,
    external_id   VARCHAR(254),
    created_at    TIMESTAMP     NOT NULL,
    updated_at    TIMESTAMP     NOT NULL,
    version       BIGINT        NOT NULL,
    CONSTRAINT uq_scim_group_display_name UNIQUE (display_name)
);

-- Deleting a user or a group deletes its memberships.
CREATE TABLE scim_group_member (
    group_id  VARCHAR(36)  NOT NULL REFERENCES scim_group (id) ON DELETE CASCADE,
    user_id   VARCHAR(36)  NOT NULL REFERENCES conferencing_user (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX ix_scim_group_member_user ON scim_group_member (user_id);
