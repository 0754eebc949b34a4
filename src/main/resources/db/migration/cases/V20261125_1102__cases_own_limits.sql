-- A case may carry its own limits (a service item's statutory and promised working days), overriding its type's.
ALTER TABLE cases.case ADD COLUMN statutory_days int CHECK (statutory_days > 0);
ALTER TABLE cases.case ADD COLUMN promised_days int CHECK (promised_days > 0);
