-- Module documents owns schema documents: the trusted e-document library (可信电子文件库).
CREATE SCHEMA IF NOT EXISTS documents;

-- One row per distinct content, keyed by SM3(content). Storing the same bytes again inserts nothing.
CREATE TABLE documents.document (
    sm3        bytea       PRIMARY KEY CHECK (length(sm3) = 32),
    media_type text        NOT NULL CHECK (media_type <> ''),
    size       bigint      NOT NULL CHECK (size >= 0),
    content    bytea       NOT NULL,
    stored_at  timestamptz NOT NULL
);

-- Append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused whatever the application does. A role
-- owning the table can still disable the trigger; Documents.intact() then detects altered content (its SM3 no longer
-- matches its key). Production should run the application as a role that does not own the schema.
CREATE FUNCTION documents.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'documents.% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER document_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON documents.document
    FOR EACH STATEMENT EXECUTE FUNCTION documents.refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON documents.document FROM PUBLIC;
