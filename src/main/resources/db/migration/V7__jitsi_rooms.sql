-- Jitsi Meet rooms and the conference IDs confmail gave them (the conference mapper behind Jitsi's
-- dialInConfCodeUrl). conference is the room's MUC JID as Jitsi Meet joins it: the room name NFKC-normalised,
-- lower-cased and %-encoded, '@', the MUC host (ASCII; at most 1023 + 1 + 253 characters).
-- The unique constraints decide races between instances: of two first requests for one room, one inserts and the
-- other reads its ID; of two rooms that drew one ID at the same moment, the second draws again.
-- (V4 was never used; Flyway would refuse a new V4 on databases already past it.)

CREATE TABLE jitsi_room (
    id             VARCHAR(36)    NOT NULL PRIMARY KEY,
    conference     VARCHAR(1300)  NOT NULL,
    conference_id  VARCHAR(10)    NOT NULL,
    created_at     TIMESTAMP      NOT NULL,
    CONSTRAINT uq_jitsi_room_conference UNIQUE (conference),
    CONSTRAINT uq_jitsi_room_conference_id UNIQUE (conference_id)
);
