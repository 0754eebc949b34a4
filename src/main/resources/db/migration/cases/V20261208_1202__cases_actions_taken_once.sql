-- The actions the law allows a case once that it has taken (a request to supplement the materials is made once and
-- in full, 行政许可法 Art. 32(1)(4)): a second one is refused.
ALTER TABLE cases.case ADD COLUMN once_taken jsonb NOT NULL DEFAULT '[]';
