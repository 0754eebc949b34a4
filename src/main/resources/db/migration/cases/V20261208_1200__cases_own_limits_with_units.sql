-- A case's own limits, each with its unit and basis (a service item's: 15 日 for a residence permit by its article,
-- 3 工作日 for an individual business by its), whether a law sets the statutory one, and the extension its law
-- allows (days 0: none). Null: the type's limits; older rows keep statutory_days and promised_days in the type's
-- units.
ALTER TABLE cases.case ADD COLUMN own_limits jsonb;
