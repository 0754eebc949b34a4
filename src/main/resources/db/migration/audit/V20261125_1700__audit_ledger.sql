-- Module audit owns schema audit: the tamper-evident record of every action on a case (执法全过程记录).
-- Hash layouts and the verification procedure: docs/audit.md.
CREATE SCHEMA IF NOT EXISTS audit;

-- One row per recorded action. Each stream (a case reference or another subject key) is a hash chain:
-- entry_hash = SM3(length-prefixed stream, seq, actor, action, at in epoch micros, payload_hash, prev_hash).
-- payload is text, not jsonb: jsonb would normalise the JSON and change the bytes that were hashed.
CREATE TABLE audit.entry (
    id           bigserial   PRIMARY KEY,
    stream       text        NOT NULL CHECK (stream <> ''),
    seq          int         NOT NULL CHECK (seq > 0),
    actor        text        NOT NULL,
    action       text        NOT NULL,
    at           timestamptz NOT NULL,
    payload      text        NOT NULL,
    payload_hash bytea       NOT NULL CHECK (length(payload_hash) = 32),
    prev_hash    bytea       NOT NULL CHECK (length(prev_hash) = 32),
    entry_hash   bytea       NOT NULL CHECK (length(entry_hash) = 32),
    -- A second append of the same sequence number fails: a concurrent append never forks the chain.
    CONSTRAINT entry_stream_seq_unique UNIQUE (stream, seq)
);

-- Public keys of every SM2 key that signed a checkpoint; key_id = 'sm2-' || first 16 bytes of SM3(public_key), hex.
CREATE TABLE audit.signing_key (
    key_id     text        PRIMARY KEY,
    public_key bytea       NOT NULL,
    first_used timestamptz NOT NULL
);

-- A seal over the entries with after_entry_id < id <= last_entry_id: their Merkle root, chained to the previous
-- checkpoint, signed (SM3withSM2) over checkpoint_hash.
CREATE TABLE audit.checkpoint (
    id              bigserial   PRIMARY KEY,
    after_entry_id  bigint      NOT NULL UNIQUE,
    last_entry_id   bigint      NOT NULL,
    entry_count     bigint      NOT NULL CHECK (entry_count > 0),
    merkle_root     bytea       NOT NULL CHECK (length(merkle_root) = 32),
    prev_hash       bytea       NOT NULL CHECK (length(prev_hash) = 32),
    sealed_at       timestamptz NOT NULL,
    key_id          text        NOT NULL REFERENCES audit.signing_key (key_id),
    checkpoint_hash bytea       NOT NULL CHECK (length(checkpoint_hash) = 32),
    signature       bytea       NOT NULL,
    CHECK (last_entry_id > after_entry_id)
);
