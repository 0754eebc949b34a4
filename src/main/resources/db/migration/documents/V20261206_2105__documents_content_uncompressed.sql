-- Documents are PDFs and images whose streams are compressed already: PostgreSQL's own compression of the column
-- (pglz) would read each new document through for a few per cent at best. EXTERNAL keeps large values out of line
-- (TOAST) without trying to compress them. Only rows stored from now on are affected; nothing is rewritten.
ALTER TABLE documents.document ALTER COLUMN content SET STORAGE EXTERNAL;
