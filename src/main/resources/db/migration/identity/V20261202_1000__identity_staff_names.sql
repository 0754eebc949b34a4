-- The names of staff who signed in to the pages through the province's identity platform (production), so that a
-- case's timeline can show an officer by name rather than by the platform's subject id. Residents are not kept here.
CREATE TABLE identity.staff_name (
    username     text PRIMARY KEY,
    display_name text        NOT NULL,
    seen_at      timestamptz NOT NULL
);
