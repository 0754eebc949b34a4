-- Module sources owns schema sources: the embedded stand-ins for the data-sharing platform's sources
-- (column names are the CSV upload contract, see docs/demo-data.md), the outage switch and the synthetic city marker.
CREATE SCHEMA IF NOT EXISTS sources;

-- 人口库
CREATE TABLE sources.population (
    id_number                 text PRIMARY KEY,
    name                      text    NOT NULL,
    sex                       text    NOT NULL GENERATED ALWAYS AS
        (CASE WHEN substr(id_number, 17, 1)::int % 2 = 1 THEN 'male' ELSE 'female' END) STORED,
    birth_date                date    NOT NULL,
    hukou_division            text    NOT NULL,
    alive                     boolean NOT NULL,
    residence_permit_division text,
    residence_permit_expiry   date
);

-- 婚姻登记: the current status
CREATE TABLE sources.marriage (
    id_number        text PRIMARY KEY,
    status           text NOT NULL,
    spouse_id_number text,
    registered_on    date
);

-- 学历: the highest degree
CREATE TABLE sources.education (
    id_number    text PRIMARY KEY,
    level        text NOT NULL,
    institution  text NOT NULL,
    graduated_on date NOT NULL
);

-- 社保
CREATE TABLE sources.social_insurance (
    id_number            text PRIMARY KEY,
    pension_insured      boolean NOT NULL,
    medical_insured      boolean NOT NULL,
    unemployment_insured boolean NOT NULL,
    contribution_months  int     NOT NULL,
    employer_credit_code text,
    city_division        text    NOT NULL
);

-- 法人库
CREATE TABLE sources.enterprise (
    credit_code             text PRIMARY KEY,
    name                    text          NOT NULL,
    legal_representative_id text          NOT NULL,
    type                    text          NOT NULL,
    address                 text          NOT NULL,
    registered_capital      numeric(18,2) NOT NULL,
    established_on          date          NOT NULL,
    status                  text          NOT NULL,
    division                text          NOT NULL
);

-- 电子证照库
CREATE TABLE sources.e_licence (
    number       text PRIMARY KEY,
    holder_id    text NOT NULL,
    licence_type text NOT NULL,
    valid_from   date NOT NULL,
    valid_until  date,
    status       text NOT NULL
);
CREATE INDEX e_licence_holder_idx ON sources.e_licence (holder_id);

-- 民政/社保 payments already received
CREATE TABLE sources.benefits (
    id_number text NOT NULL,
    benefit   text NOT NULL,
    since     date NOT NULL,
    status    text NOT NULL,
    PRIMARY KEY (id_number, benefit)
);

-- 不动产登记
CREATE TABLE sources.real_estate (
    certificate_number text PRIMARY KEY,
    owner_id           text          NOT NULL,
    address            text          NOT NULL,
    area_m2            numeric(10,2) NOT NULL,
    division           text          NOT NULL
);
CREATE INDEX real_estate_owner_idx ON sources.real_estate (owner_id);

-- 失信名单
CREATE TABLE sources.credit (
    subject_id text NOT NULL,
    list       text NOT NULL,
    listed_on  date NOT NULL,
    reason     text NOT NULL,
    PRIMARY KEY (subject_id, list)
);

-- The outage switch (PUT /api/v1/sources/{source}/availability): a row with available = false makes every instance
-- answer UNAVAILABLE for that source. No row: available.
CREATE TABLE sources.availability (
    source     text PRIMARY KEY,
    available  boolean     NOT NULL,
    changed_at timestamptz NOT NULL,
    changed_by text        NOT NULL
);

-- One row once the demo's synthetic city is loaded; written in the loading transaction.
CREATE TABLE sources.synthetic_city (
    seed       bigint PRIMARY KEY,
    residents  int         NOT NULL,
    loaded_at  timestamptz NOT NULL,
    millis     int         NOT NULL
);
