-- A step's verdict explained in Korean too, beside the English in why, for a dashboard in Korean. Verdicts stored
-- before have none (''): the dashboard shows their English until the check's verdict changes.
ALTER TABLE step_progress ADD COLUMN why_ko VARCHAR(1000) DEFAULT '' NOT NULL;
