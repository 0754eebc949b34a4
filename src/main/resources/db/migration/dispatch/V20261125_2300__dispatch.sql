-- Module dispatch owns schema dispatch.
CREATE SCHEMA IF NOT EXISTS dispatch;

-- A citizen's event (诉求). Its reference is its citizen-request case's; state mirrors the case's state.
-- Contact details are personal data: shown unmasked only to the handling officer, never in Open311 answers.
CREATE TABLE dispatch.event (
    reference        text PRIMARY KEY,
    token            text        NOT NULL UNIQUE,
    channel          text        NOT NULL,
    kind             text        NOT NULL,
    description      text        NOT NULL,
    photos           jsonb       NOT NULL DEFAULT '[]',
    address          text,
    latitude         double precision,
    longitude        double precision,
    district         text,
    grid             text,
    contact_name     text,
    contact_phone    text,
    contact_email    text,
    anonymous        boolean     NOT NULL,
    reporter         text,
    api_client       text,
    topic            text,
    department       text,
    co_handlers      jsonb       NOT NULL DEFAULT '[]',
    confidence       double precision,
    terms            jsonb       NOT NULL DEFAULT '[]',
    suggestions      jsonb       NOT NULL DEFAULT '[]',
    duplicates       jsonb       NOT NULL DEFAULT '[]',
    state            text        NOT NULL,
    merged_into      text REFERENCES dispatch.event (reference),
    handler          text,
    response_due     date,
    handling_due     date,
    created_at       timestamptz NOT NULL,
    dispatched_at    timestamptz,
    accepted_at      timestamptz,
    replied_at       timestamptz,
    reply            text,
    closed_at        timestamptz,
    rating           text,
    rating_comment   text,
    reopened         int         NOT NULL DEFAULT 0,
    returned         int         NOT NULL DEFAULT 0,
    escalated        boolean     NOT NULL DEFAULT false,
    overdue          boolean     NOT NULL DEFAULT false,
    updated_at       timestamptz NOT NULL,
    version          bigint      NOT NULL DEFAULT 0
);
CREATE INDEX event_department ON dispatch.event (department, state);
CREATE INDEX event_open_topic ON dispatch.event (topic, created_at) WHERE state NOT IN ('closed', 'merged');

-- Which department handles each first-level topic; administrators edit it, seeded from dispatch/routing.csv.
CREATE TABLE dispatch.route (
    topic      text PRIMARY KEY,
    department text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);

-- Labelled examples beyond the shipped file: a dispatcher's correction of the classifier's topic.
CREATE TABLE dispatch.training_example (
    id         bigserial PRIMARY KEY,
    reference  text        NOT NULL,
    text       text        NOT NULL,
    topic      text        NOT NULL,
    predicted  text,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL
);

-- Open311 API keys: only the SM3 hash of a key is kept.
CREATE TABLE dispatch.api_key (
    key_hash   text PRIMARY KEY,
    client     text        NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL
);
