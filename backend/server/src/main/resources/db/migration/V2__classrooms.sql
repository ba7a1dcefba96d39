-- Classrooms (DESIGN.md "Classroom"): a teacher's class that students join with a code. Only what every design of
-- the feature needs is here; members and check progress come with the feature, in a later migration.

CREATE TABLE classroom (
    id                 VARCHAR(22)              NOT NULL PRIMARY KEY, -- 128 random bits, base64url
    join_code          VARCHAR(16)              NOT NULL UNIQUE,      -- what students type to join
    teacher_token_hash VARCHAR(64)              NOT NULL,             -- SHA-256 of the teacher's token, hex
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
