-- Module calendar owns schema calendar.
CREATE SCHEMA IF NOT EXISTS calendar;

-- A year's State Council notice loaded by an administrator while Youfu runs (holiday-cn format). It replaces the
-- file shipped for that year, if any; every instance reads it.
CREATE TABLE calendar.year_schedule (
    year       int PRIMARY KEY CHECK (year BETWEEN 1949 AND 2199),
    document   text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);
