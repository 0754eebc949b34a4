-- Module identity owns schema identity.
CREATE SCHEMA IF NOT EXISTS identity;

-- People who sign in with a password: the demo accounts (demo mode only), and in later versions local officers.
-- Production identities come from the province's identity platform as bearer tokens and are not stored here.
CREATE TABLE identity.account (
    username      text PRIMARY KEY,
    password_hash text        NOT NULL,
    display_name  text        NOT NULL,
    roles         text[]      NOT NULL CHECK (cardinality(roles) > 0),
    department    text,
    -- the resident ID number or unified social credit code the account acts as, when it acts as one
    subject_id    text,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- The built-in demo issuer's signing key, shared by every instance on this database.
CREATE TABLE identity.signing_key (
    key_id      text PRIMARY KEY,
    algorithm   text        NOT NULL,
    private_key bytea       NOT NULL,
    public_key  bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
