-- Saved labs and share links. Written once for both databases: H2 (MODE=PostgreSQL) and PostgreSQL.
-- A lab is stored as what rebuilds it by deterministic replay, the runtime's LabRecord (lab file, seed, command
-- log, the point reached), never as a simulation's live state.

CREATE TABLE saved_lab (
    id               VARCHAR(22)              NOT NULL PRIMARY KEY, -- 128 random bits, base64url
    file_name        VARCHAR(255)             NOT NULL,             -- the lab file's name, for its error messages
    lab_file         TEXT                     NOT NULL,             -- the lab's YAML text
    seed             BIGINT                   NOT NULL,
    command_log      TEXT                     NOT NULL,             -- one JSON log entry per line (runtime.LogEntries)
    sim_time         BIGINT                   NOT NULL,             -- simulated time reached, ns
    sim_events       BIGINT                   NOT NULL,             -- events run by then, or -1 when unknown
    owner_token_hash VARCHAR(64)              NOT NULL,             -- SHA-256 of the owner token, hex; never the token
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A share link keeps its own copy of the state at the shared point (a prefix of the command log), so the owner's
-- later updates do not change what the link shows.
CREATE TABLE share_link (
    id           VARCHAR(22)              NOT NULL PRIMARY KEY, -- 128 random bits, base64url: the link's secret
    saved_lab_id VARCHAR(22)              NOT NULL REFERENCES saved_lab (id) ON DELETE CASCADE,
    mode         VARCHAR(8)               NOT NULL CHECK (mode IN ('fork', 'readonly')),
    file_name    VARCHAR(255)             NOT NULL,
    lab_file     TEXT                     NOT NULL,
    seed         BIGINT                   NOT NULL,
    command_log  TEXT                     NOT NULL,
    sim_time     BIGINT                   NOT NULL,
    sim_events   BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX share_link_saved_lab ON share_link (saved_lab_id);
