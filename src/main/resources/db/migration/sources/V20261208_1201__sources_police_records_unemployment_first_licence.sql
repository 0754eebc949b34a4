-- 公安违法犯罪记录: the offences an item's law bars applicants for (网约车驾驶员 Art. 14 of the 暂行办法; passenger drivers,
-- 道路运输条例 Art. 9). A list source: no row means the authority holds no record.
CREATE TABLE sources.police_record (
    id_number   text NOT NULL,
    kind        text NOT NULL,
    recorded_on date NOT NULL,
    PRIMARY KEY (id_number, kind, recorded_on)
);

-- 失业登记 and the reason the employer reported for the end of employment (社会保险法 Art. 45(3), 50): the
-- unemployment benefit checks them instead of the applicant's word. Null: nothing on record.
ALTER TABLE sources.social_insurance ADD COLUMN unemployment_registered_on date;
ALTER TABLE sources.social_insurance ADD COLUMN separation_reason text;

-- When a licence of the kind was first issued (a driving licence's 初次领证日期, from which driving experience counts).
ALTER TABLE sources.e_licence ADD COLUMN first_issued_on date;
