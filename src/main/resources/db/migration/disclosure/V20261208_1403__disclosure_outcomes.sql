-- How and when each request was closed (the case's final state), kept by the module for the annual report.
ALTER TABLE disclosure.request ADD COLUMN closed_on date, ADD COLUMN closed_state text;
CREATE INDEX request_closed_on ON disclosure.request (closed_on);

-- Reconsideration and litigation brought against replies (Art. 50's table 4), as the agency records them.
CREATE TABLE disclosure.remedy (
    id         bigserial PRIMARY KEY,
    reference  text        NOT NULL REFERENCES disclosure.request (reference),
    kind       text        NOT NULL CHECK (kind IN ('reconsideration', 'litigation', 'litigation-after-reconsideration')),
    filed_on   date        NOT NULL,
    result     text        NOT NULL CHECK (result IN ('upheld', 'corrected', 'other', 'pending')),
    decided_on date,
    actor      text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX remedy_filed_on ON disclosure.remedy (filed_on);
