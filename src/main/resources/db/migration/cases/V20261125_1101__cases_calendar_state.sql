-- The fingerprint of the holiday schedule the open cases' deadlines were last counted with. When Youfu starts with
-- another schedule (a new notice shipped), the instance that changes this row recounts the open cases.
CREATE TABLE cases.calendar_state (
    id          int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    fingerprint text        NOT NULL,
    counted_at  timestamptz NOT NULL
);
