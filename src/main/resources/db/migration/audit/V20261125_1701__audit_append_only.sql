-- The ledger is append-only in the database itself, whatever the application does: UPDATE, DELETE and TRUNCATE are
-- refused on entries, checkpoints and signing keys. A role that owns the tables can still disable the triggers
-- (ALTER TABLE ... DISABLE TRIGGER); verification (GET /api/v1/audit/verify, docs/audit.md) detects what it then
-- changes. Production should run the application as a role that does not own the schema.
CREATE FUNCTION audit.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit.% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER entry_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER checkpoint_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER signing_key_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit.signing_key
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit.entry, audit.checkpoint, audit.signing_key FROM PUBLIC;
