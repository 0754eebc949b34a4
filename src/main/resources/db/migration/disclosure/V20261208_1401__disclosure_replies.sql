-- The reply to a request (Art. 36, 37) and its signed letter (答复告知书). One per request; never changed.
CREATE SEQUENCE disclosure.letter_number;

CREATE TABLE disclosure.reply (
    reference     text PRIMARY KEY REFERENCES disclosure.request (reference),
    letter_id     uuid        NOT NULL UNIQUE,
    letter_number text        NOT NULL UNIQUE,
    type          text        NOT NULL,
    content       jsonb       NOT NULL,
    fee_yuan      int         NOT NULL DEFAULT 0 CHECK (fee_yuan >= 0),
    fee_rule      text,
    replied_on    date        NOT NULL,
    replied_at    timestamptz NOT NULL,
    replied_by    text        NOT NULL,
    on_time       boolean     NOT NULL,
    document_sm3  text        NOT NULL,
    data_sm3      text        NOT NULL,
    key_id        text        NOT NULL,
    signature     bytea       NOT NULL
);
CREATE INDEX reply_document ON disclosure.reply (document_sm3);
CREATE INDEX reply_replied_on ON disclosure.reply (replied_on);

-- Public keys of the keys that signed reply letters, so that any instance verifies any letter.
CREATE TABLE disclosure.signing_key (
    key_id     text PRIMARY KEY,
    public_key bytea       NOT NULL,
    added_at   timestamptz NOT NULL
);

CREATE FUNCTION disclosure.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'disclosure.% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER reply_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON disclosure.reply
    FOR EACH STATEMENT EXECUTE FUNCTION disclosure.refuse_change();
