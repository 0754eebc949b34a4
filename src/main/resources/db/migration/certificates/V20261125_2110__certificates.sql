-- Module certificates owns schema certificates: electronic certificates (电子证照). Their PDFs live in the document
-- library (schema documents), referred to by SM3 hash only: no joins across modules' tables.
CREATE SCHEMA IF NOT EXISTS certificates;

-- Numbers FZ-ZS-<year>-<nnnnnn>: one sequence for every instance on this database, so numbers never repeat.
CREATE SEQUENCE certificates.number_seq;

-- Public keys of every SM2 key that signed a certificate; key_id = 'sm2-' || first 16 bytes of SM3(public_key), hex.
CREATE TABLE certificates.signing_key (
    key_id     text        PRIMARY KEY,
    public_key bytea       NOT NULL,
    first_used timestamptz NOT NULL
);

-- One row per issued certificate. signature = SM3withSM2 over the certificate's data hash and the PDF's SM3
-- (cn.youfu.certificates.internal.CertificateSignatures describes the encoding).
CREATE TABLE certificates.certificate (
    id                   uuid        PRIMARY KEY,
    number               text        NOT NULL UNIQUE,
    case_reference       text        NOT NULL,
    item_code            text        NOT NULL,
    item_name_zh         text        NOT NULL,
    item_name_en         text        NOT NULL,
    title_zh             text        NOT NULL,
    title_en             text        NOT NULL,
    holder_id            text        NOT NULL,
    holder_name          text        NOT NULL,
    issuing_department   text        NOT NULL,
    issuing_authority_zh text        NOT NULL,
    issuing_authority_en text        NOT NULL,
    valid_from           date        NOT NULL,
    valid_until          date,
    fields               text        NOT NULL,  -- JSON object, label -> value, in printed order
    issued_at            timestamptz NOT NULL,
    document_sm3         text        NOT NULL CHECK (document_sm3 ~ '^[0-9a-f]{64}$'),
    key_id               text        NOT NULL REFERENCES certificates.signing_key (key_id),
    signature            bytea       NOT NULL,
    CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX certificate_holder ON certificates.certificate (holder_id, issued_at DESC);
CREATE INDEX certificate_case ON certificates.certificate (case_reference);

-- A revocation is a fact added later; the certificate row itself never changes.
CREATE TABLE certificates.revocation (
    certificate_id uuid        PRIMARY KEY REFERENCES certificates.certificate (id),
    revoked_at     timestamptz NOT NULL,
    reason         text        NOT NULL CHECK (reason <> ''),
    actor          text        NOT NULL
);

-- Append-only in the database itself (as the audit ledger and the document library): UPDATE, DELETE and TRUNCATE
-- are refused. Verification detects what a table owner changes with the triggers disabled.
CREATE FUNCTION certificates.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'certificates.% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER certificate_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON certificates.certificate
    FOR EACH STATEMENT EXECUTE FUNCTION certificates.refuse_change();
CREATE TRIGGER revocation_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON certificates.revocation
    FOR EACH STATEMENT EXECUTE FUNCTION certificates.refuse_change();
CREATE TRIGGER signing_key_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON certificates.signing_key
    FOR EACH STATEMENT EXECUTE FUNCTION certificates.refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON certificates.certificate, certificates.revocation, certificates.signing_key
    FROM PUBLIC;
