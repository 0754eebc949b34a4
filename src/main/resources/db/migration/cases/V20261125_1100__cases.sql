-- Module cases owns schema cases.
CREATE SCHEMA IF NOT EXISTS cases;

-- FZ-<year>-<8 digits>: one sequence for all instances.
CREATE SEQUENCE cases.reference_seq START 1;

CREATE TABLE cases.case (
    reference          text PRIMARY KEY,
    type_code          text        NOT NULL,
    type_version       int         NOT NULL,
    state              text        NOT NULL,
    closed             boolean     NOT NULL DEFAULT false,
    title              text        NOT NULL,
    details            jsonb       NOT NULL DEFAULT '{}',
    applicant_username text,
    applicant_name     text,
    applicant_subject  text,
    department         text        NOT NULL,
    assignee           text,
    created_at         timestamptz NOT NULL,
    created_by         text        NOT NULL,
    -- the statutory clock (dates in China Standard Time)
    clock_started_on   date,
    paused_since       date,
    pauses             jsonb       NOT NULL DEFAULT '[]',
    extensions         int         NOT NULL DEFAULT 0,
    statutory_deadline date,
    promised_deadline  date,
    reminded           boolean     NOT NULL DEFAULT false,
    escalated          boolean     NOT NULL DEFAULT false,
    overdue            boolean     NOT NULL DEFAULT false,
    closed_at          timestamptz,
    handling_days      int,
    on_time            boolean,
    version            bigint      NOT NULL DEFAULT 0
);

CREATE INDEX case_department_open_idx ON cases.case (department, statutory_deadline) WHERE NOT closed;
CREATE INDEX case_assignee_open_idx ON cases.case (assignee, statutory_deadline) WHERE NOT closed;
CREATE INDEX case_applicant_idx ON cases.case (applicant_username, created_at DESC);
CREATE INDEX case_open_deadlines_idx ON cases.case (promised_deadline, statutory_deadline) WHERE NOT closed;
CREATE INDEX case_closed_at_idx ON cases.case (closed_at) WHERE closed;
