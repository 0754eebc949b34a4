-- Who closed the case: "system" when the rules decided it (秒批), else the officer's username. Null while open and for
-- cases closed before this column existed.
ALTER TABLE cases.case ADD COLUMN closed_by text;
CREATE INDEX case_created_at_idx ON cases.case (created_at);
