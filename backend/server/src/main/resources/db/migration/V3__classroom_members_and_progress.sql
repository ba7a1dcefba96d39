-- Classrooms (docs/classroom.md): the class lab, the teacher's own copy of it, the switches the teacher holds (locked
-- to new students, presenting to everyone, ended), every student who joined with their copy of the lab, and each
-- student's verdict on each step's check. A lab is kept as what rebuilds it by replay (runtime.LabRecord): the lab
-- file and seed once per class, a command log and the point reached per student; never a simulation's live state.

ALTER TABLE classroom ADD COLUMN lab_id VARCHAR(64);                                   -- catalogue id, or null for a teacher's own file
ALTER TABLE classroom ADD COLUMN file_name VARCHAR(255) DEFAULT '' NOT NULL;
ALTER TABLE classroom ADD COLUMN lab_file TEXT DEFAULT '' NOT NULL;                    -- the class lab's YAML text
ALTER TABLE classroom ADD COLUMN seed BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE classroom ADD COLUMN locked BOOLEAN DEFAULT FALSE NOT NULL;                -- no new students may join
ALTER TABLE classroom ADD COLUMN presenting BOOLEAN DEFAULT FALSE NOT NULL;            -- students see the teacher's lab
ALTER TABLE classroom ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;                    -- null while the class runs
ALTER TABLE classroom ADD COLUMN teacher_log TEXT DEFAULT '' NOT NULL;                 -- the teacher's lab: command log,
ALTER TABLE classroom ADD COLUMN teacher_sim_time BIGINT DEFAULT 0 NOT NULL;           -- simulated ns reached,
ALTER TABLE classroom ADD COLUMN teacher_sim_events BIGINT DEFAULT 0 NOT NULL;         -- events run by then

-- A student: no account, a display name unique in the class and a token only their browser holds.
CREATE TABLE class_member (
    id                 VARCHAR(22)              NOT NULL PRIMARY KEY, -- 128 random bits, base64url
    classroom_id       VARCHAR(22)              NOT NULL REFERENCES classroom (id) ON DELETE CASCADE,
    display_name       VARCHAR(40)              NOT NULL,
    name_key           VARCHAR(40)              NOT NULL,             -- the name folded for comparison
    student_token_hash VARCHAR(64)              NOT NULL,             -- SHA-256 of the student's token, hex
    command_log        TEXT                     NOT NULL,             -- the student's lab (runtime.LogEntries lines)
    sim_time           BIGINT                   NOT NULL,
    sim_events         BIGINT                   NOT NULL,
    joined_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_active_at     TIMESTAMP WITH TIME ZONE,                      -- the last input to their lab, null before any
    UNIQUE (classroom_id, name_key)
);

-- One student's verdict on one step's check (steps counted from 0, as in the lab).
CREATE TABLE step_progress (
    member_id     VARCHAR(22)              NOT NULL REFERENCES class_member (id) ON DELETE CASCADE,
    step          INTEGER                  NOT NULL,
    passed        BOOLEAN                  NOT NULL,             -- the verdict now
    why           VARCHAR(1000)            NOT NULL,             -- what was seen or is missing, in English
    passed_at     TIMESTAMP WITH TIME ZONE,                      -- when it first passed, null before
    inputs_before INTEGER                  NOT NULL,             -- lines typed by when it first passed, -1 before
    attempts      INTEGER                  NOT NULL,             -- lines typed while this was the current step
    PRIMARY KEY (member_id, step)
);
