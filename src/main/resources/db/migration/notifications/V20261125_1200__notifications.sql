-- Module notifications owns schema notifications.
CREATE SCHEMA IF NOT EXISTS notifications;

-- recipient: a username, 'department:<code>' or 'role:supervisor'. One row per event and recipient: a redelivered
-- event adds nothing (the unique key).
CREATE TABLE notifications.message (
    id        bigserial PRIMARY KEY,
    recipient text        NOT NULL,
    reference text        NOT NULL,
    kind      text        NOT NULL,
    params    jsonb       NOT NULL DEFAULT '{}',
    at        timestamptz NOT NULL,
    read_at   timestamptz,
    CONSTRAINT message_once UNIQUE (recipient, reference, kind, at)
);
CREATE INDEX message_recipient_idx ON notifications.message (recipient, at DESC);
