-- Module disclosure owns schema disclosure: requests for government information (政府信息公开申请).
CREATE SCHEMA IF NOT EXISTS disclosure;

-- A request: its reference is its information-disclosure case's; the case holds the state and the clock, this table
-- what the applicant asked (Art. 29). Personal data (name, ID number, contact) is shown only to the applicant and the
-- answering department, never on public pages, feeds or reports.
CREATE TABLE disclosure.request (
    reference             text PRIMARY KEY,
    applicant             text        NOT NULL,
    applicant_kind        text        NOT NULL CHECK (applicant_kind IN ('resident', 'enterprise')),
    applicant_name        text        NOT NULL,
    applicant_id          text,
    contact_phone         text        NOT NULL,
    contact_email         text,
    contact_address       text,
    description           text        NOT NULL,
    document_title        text,
    document_number       text,
    delivery              text        NOT NULL,
    department            text        NOT NULL,
    received_on           date        NOT NULL,
    submitted_at          timestamptz NOT NULL,
    corrected_description text,
    corrected_on          date
);
CREATE INDEX request_department ON disclosure.request (department, received_on);
CREATE INDEX request_applicant ON disclosure.request (applicant, submitted_at DESC);

-- What the agency did on the way to its reply that the clock and the applicant must know: a correction asked for
-- (what, by when) and its outcome, a consultation of a third party (15 working days) or another agency, an extension
-- (the reason told to the applicant). ended_on: the day the pause ended (corrected, opinion received, lapsed).
CREATE TABLE disclosure.step (
    id         bigserial PRIMARY KEY,
    reference  text        NOT NULL REFERENCES disclosure.request (reference),
    kind       text        NOT NULL CHECK (kind IN ('correction', 'third-party', 'agency', 'extension')),
    started_on date        NOT NULL,
    due_on     date,
    ended_on   date,
    days       int,
    party      text,
    text       text        NOT NULL,
    outcome    text,
    actor      text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX step_reference ON disclosure.step (reference, id);
CREATE INDEX step_open ON disclosure.step (kind, due_on) WHERE ended_on IS NULL;
