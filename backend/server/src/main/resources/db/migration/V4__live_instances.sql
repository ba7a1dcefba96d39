-- Live instances, kept so that they outlive a server restart: the runtime's LabRecord (lab file, seed, command log,
-- the point reached), written while the instance changes and when the server stops, and read back under the same id
-- when the instance is next asked for. An instance nobody used for packetlab.instances.time-to-live is deleted
-- (saved labs and share links are not: they live in saved_lab and share_link).
CREATE TABLE live_instance (
    id               VARCHAR(40)              NOT NULL PRIMARY KEY, -- the instance id: [server name-] 128 random bits
    file_name        VARCHAR(255)             NOT NULL,
    lab_file         TEXT                     NOT NULL,
    seed             BIGINT                   NOT NULL,
    command_log      TEXT                     NOT NULL,             -- one JSON log entry per line (runtime.LogEntries)
    sim_time         BIGINT                   NOT NULL,
    sim_events       BIGINT                   NOT NULL,
    client           VARCHAR(64),                                   -- the address it was created for, or null
    owner_token_hash VARCHAR(64),                                   -- SHA-256 of its owner (or replay) token, hex
    read_only        BOOLEAN                  NOT NULL,             -- a read-only replay: its token only drives it
    last_used        TIMESTAMP WITH TIME ZONE NOT NULL              -- for the time-to-live
);

CREATE INDEX live_instance_last_used ON live_instance (last_used);
