-- 主动公开: documents published proactively into the categories of Art. 20. A document keeps a stable id (its public
-- address); replacing it adds a version, withdrawing it keeps every version: history is never rewritten.
CREATE SEQUENCE disclosure.public_document_number;

CREATE TABLE disclosure.public_document (
    id               text PRIMARY KEY,
    category         text        NOT NULL,
    department       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    withdrawn_on     date,
    withdrawn_reason text,
    withdrawn_by     text
);
CREATE INDEX public_document_category ON disclosure.public_document (category) WHERE withdrawn_on IS NULL;

-- One version of a document. formed_on: the day the information was formed or changed; due_on: 20 working days
-- later (Art. 26); late: published after due_on. words: the title and text cut into words by Lucene's smartcn
-- analyser (lower-cased, stop words removed), for full-text search: a search finds the versions holding all its
-- words.
CREATE TABLE disclosure.public_version (
    document_id     text        NOT NULL REFERENCES disclosure.public_document (id),
    version         int         NOT NULL CHECK (version >= 1),
    title           text        NOT NULL,
    document_number text,
    body            text        NOT NULL,
    formed_on       date        NOT NULL,
    published_on    date        NOT NULL,
    due_on          date        NOT NULL,
    late            boolean     NOT NULL,
    change_note     text,
    published_at    timestamptz NOT NULL,
    published_by    text        NOT NULL,
    words           text[]      NOT NULL,
    PRIMARY KEY (document_id, version)
);
CREATE INDEX public_version_words ON disclosure.public_version USING gin (words);
CREATE INDEX public_version_late ON disclosure.public_version (published_on) WHERE late;
