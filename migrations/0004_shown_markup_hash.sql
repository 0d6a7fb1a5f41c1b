-- D24: each record carries the hash of the exact banner and preferences markup, stylesheet and script served for
-- its locale and policy version (worker/consent/shown-markup.ts). The hash is in the record's canonical form, so
-- the Merkle proof covers it. Records written before this migration have none (NULL) and verify as before: their
-- canonical form omits the field.
ALTER TABLE consent_records ADD COLUMN shown_hash TEXT CHECK (shown_hash IS NULL OR length(shown_hash) = 64);
