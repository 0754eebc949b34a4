-- Open311 API keys get an id to name them by (the key itself is never stored: the id is the start of its SM3 hash),
-- an expiry, a revocation and a rate of POSTs per minute. Keys issued before expire a year after they were issued.
ALTER TABLE dispatch.api_key ADD COLUMN id text;
UPDATE dispatch.api_key SET id = substr(key_hash, 1, 16);
ALTER TABLE dispatch.api_key ALTER COLUMN id SET NOT NULL, ADD CONSTRAINT api_key_id_unique UNIQUE (id);
ALTER TABLE dispatch.api_key ADD COLUMN expires_at timestamptz;
UPDATE dispatch.api_key SET expires_at = created_at + interval '365 days';
ALTER TABLE dispatch.api_key ALTER COLUMN expires_at SET NOT NULL;
ALTER TABLE dispatch.api_key
    ADD COLUMN requests_per_minute int NOT NULL DEFAULT 60 CHECK (requests_per_minute > 0),
    ADD COLUMN revoked_at timestamptz,
    ADD COLUMN revoked_by text,
    ADD COLUMN revocation_reason text;

-- The photos of an event an officer has released for publication, by their position in the event's list. Open311
-- publishes no photo that is not here.
CREATE TABLE dispatch.photo_release (
    reference   text        NOT NULL REFERENCES dispatch.event (reference),
    photo       int         NOT NULL CHECK (photo >= 0),
    released_by text        NOT NULL,
    released_at timestamptz NOT NULL,
    PRIMARY KEY (reference, photo)
);

-- What happened to an event, for Open311's servicerequestupdates: each step of its case (step = the transition:
-- dispatch, take-on, reply, close, ...; note = the reply's text) and each note an Open311 client posted to a request
-- it posted itself (step = 'client'; the client's own id and status). Notes are masked when published.
CREATE TABLE dispatch.request_update (
    id               bigserial PRIMARY KEY,
    reference        text        NOT NULL REFERENCES dispatch.event (reference),
    at               timestamptz NOT NULL,
    step             text        NOT NULL,
    state            text        NOT NULL,
    closed           boolean     NOT NULL,
    note             text,
    client           text,
    client_update_id text,
    client_status    text,
    CONSTRAINT request_update_client_unique UNIQUE (client, reference, client_update_id)
);
CREATE INDEX request_update_at ON dispatch.request_update (at, id);
