-- The consent ledger becomes a Merkle log (RFC 9162; see worker/ledger/ and the README's Compliance section).
-- Record bodies stay in consent_records (what the dashboard and exports query); the tree lives in ledger_nodes
-- (every perfect subtree, leaves at level 0); signed tree heads in ledger_heads. Erasure and retention delete
-- bodies and keep leaves, noted in ledger_redactions, so every proof still holds.
--
-- The v1 hash chain cannot be re-hashed in SQL. This migration refuses to run on a ledger that holds v1 records:
-- export and verify them with the v1 tools first (git tag of the last v1 release), keep that export, then empty
-- consent_records and run it again.
CREATE TABLE ledger_v2_guard (v1_records INTEGER NOT NULL CHECK (v1_records = 0));
INSERT INTO ledger_v2_guard SELECT COUNT(*) FROM consent_records;
DROP TABLE ledger_v2_guard;

DROP TRIGGER consent_records_append_only;
DROP TRIGGER ledger_checkpoints_write_once;
DROP TABLE consent_records;
DROP TABLE ledger_checkpoints;

CREATE TABLE consent_records (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),           -- position in the log: leaf index seq - 1
  event_id TEXT NOT NULL UNIQUE,                      -- idempotency key: a retried decision finds its record
  consent_id TEXT NOT NULL,                           -- pseudonymous id kept in the visitor's cookie
  recorded_at TEXT NOT NULL,                          -- server time, UTC, ISO 8601 with milliseconds; never decreases along seq
  action TEXT NOT NULL CHECK (action IN ('accept_all', 'reject_all', 'save', 'close', 'withdraw')),
  method TEXT NOT NULL,                               -- banner, banner_close, preferences, footer, embed
  signals TEXT NOT NULL,                              -- JSON array of browser privacy signals present (gpc, dnt)
  categories TEXT NOT NULL,                           -- canonical JSON object: category -> granted
  locale TEXT NOT NULL,
  policy_version TEXT NOT NULL,
  texts_hash TEXT NOT NULL,
  FOREIGN KEY (texts_hash, policy_version) REFERENCES consent_texts (texts_hash, policy_version)
);
CREATE INDEX consent_records_consent ON consent_records (consent_id, seq);
CREATE INDEX consent_records_time ON consent_records (recorded_at);

-- Every perfect subtree of the log: (level, idx) covers leaves [idx * 2^level, (idx + 1) * 2^level).
CREATE TABLE ledger_nodes (
  level INTEGER NOT NULL CHECK (level >= 0 AND level < 64),
  idx INTEGER NOT NULL CHECK (idx >= 0),
  hash TEXT NOT NULL CHECK (length(hash) = 64),
  PRIMARY KEY (level, idx)
) WITHOUT ROWID;

-- Signed tree heads, written with each batch (and by the hourly job when idle).
CREATE TABLE ledger_heads (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tree_size INTEGER NOT NULL CHECK (tree_size >= 0),
  root TEXT NOT NULL CHECK (length(root) = 64),
  signed_at TEXT NOT NULL,
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL
);
CREATE INDEX ledger_heads_size ON ledger_heads (tree_size);

-- Leaves whose record body was deleted: by an erasure request (art. 17) or by the retention job.
-- consent_id_hash (SHA-256 of the consent id, erasures only) lets the receipt route tell the subject what went.
CREATE TABLE ledger_redactions (
  seq INTEGER PRIMARY KEY,
  recorded_at TEXT NOT NULL,
  redacted_at TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('erasure', 'retention')),
  consent_id_hash TEXT
);
CREATE INDEX ledger_redactions_subject ON ledger_redactions (consent_id_hash);
CREATE INDEX ledger_redactions_time ON ledger_redactions (recorded_at);

-- Append-only, enforced by the database as well as by the code: a body is deleted (redacted), never changed;
-- a node or head is never changed or deleted; leaves are appended without gaps.
CREATE TRIGGER consent_records_append_only BEFORE UPDATE ON consent_records
BEGIN
  SELECT RAISE(ABORT, 'consent_records is append-only');
END;
CREATE TRIGGER ledger_nodes_write_once BEFORE UPDATE ON ledger_nodes
BEGIN
  SELECT RAISE(ABORT, 'ledger_nodes is write-once');
END;
CREATE TRIGGER ledger_nodes_kept BEFORE DELETE ON ledger_nodes
BEGIN
  SELECT RAISE(ABORT, 'ledger_nodes is never deleted');
END;
CREATE TRIGGER ledger_leaves_contiguous BEFORE INSERT ON ledger_nodes
WHEN NEW.level = 0 AND NEW.idx > 0 AND NOT EXISTS (SELECT 1 FROM ledger_nodes WHERE level = 0 AND idx = NEW.idx - 1)
BEGIN
  SELECT RAISE(ABORT, 'ledger_nodes: leaves must be appended without gaps');
END;
CREATE TRIGGER ledger_heads_write_once BEFORE UPDATE ON ledger_heads
BEGIN
  SELECT RAISE(ABORT, 'ledger_heads is write-once');
END;
CREATE TRIGGER ledger_redactions_write_once BEFORE UPDATE ON ledger_redactions
BEGIN
  SELECT RAISE(ABORT, 'ledger_redactions is write-once');
END;
