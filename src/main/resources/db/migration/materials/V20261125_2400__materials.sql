-- Module materials owns schema materials: uploaded materials and what was read on them.
CREATE SCHEMA IF NOT EXISTS materials;

-- One row per upload. The bytes are in the e-document library (documents.document) under document_sm3.
-- state: PENDING (stored, waiting to be read), READING (a reader claimed it at claimed_at), READ, FAILED.
CREATE TABLE materials.material (
    id              uuid        PRIMARY KEY,
    material_type   text        NOT NULL,
    document_sm3    text        NOT NULL CHECK (document_sm3 ~ '^[0-9a-f]{64}$'),
    media_type      text        NOT NULL,
    size            bigint      NOT NULL CHECK (size > 0),
    owner_username  text        NOT NULL,
    owner_subject   text,
    state           text        NOT NULL CHECK (state IN ('PENDING', 'READING', 'READ', 'FAILED')),
    fields          jsonb,
    failure         text,
    attempts        int         NOT NULL DEFAULT 0,
    uploaded_at     timestamptz NOT NULL,
    claimed_at      timestamptz,
    read_at         timestamptz,
    seconds         double precision
);

CREATE INDEX material_waiting ON materials.material (uploaded_at) WHERE state IN ('PENDING', 'READING');
CREATE INDEX material_owner ON materials.material (owner_username);

-- The cases a material was submitted with: the officers of the case's department may see it.
CREATE TABLE materials.material_case (
    material_id    uuid NOT NULL REFERENCES materials.material (id),
    case_reference text NOT NULL,
    department     text NOT NULL,
    PRIMARY KEY (material_id, case_reference)
);
