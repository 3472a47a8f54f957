-- One row per running confmail process (an "incarnation": instance name plus start time), beating every few
-- seconds. A SENDING row whose claimed_by names an incarnation that stopped beating is taken over by the other
-- instances within seconds instead of after the claim lease; a restarted instance takes back its previous
-- incarnation's claims at once. See SenderHeartbeat.
CREATE TABLE sender_instance (
    incarnation  VARCHAR(100) PRIMARY KEY,
    name         VARCHAR(80)  NOT NULL,
    started_at   TIMESTAMP    NOT NULL,
    beat_at      TIMESTAMP    NOT NULL
);
CREATE INDEX ix_sender_instance_beat ON sender_instance (beat_at);
