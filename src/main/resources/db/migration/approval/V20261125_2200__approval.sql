-- Module approval owns schema approval.
CREATE SCHEMA IF NOT EXISTS approval;

-- Idempotency-Key: a retried submission returns the first answer instead of creating a second application.
CREATE TABLE approval.idempotency_key (
    principal    text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    status       int         NOT NULL,
    response     text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (principal, key)
);
