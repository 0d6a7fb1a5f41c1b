-- The consent ledger: append-only, hash-chained records of every consent decision (see worker/ledger/).
-- Records are never updated; the only delete is the retention purge of a whole prefix up to a checkpoint.

CREATE TABLE consent_records (
  seq INTEGER PRIMARY KEY CHECK (seq >= 1),           -- position in the chain; the PK serializes appends across isolates
  event_id TEXT NOT NULL UNIQUE,                      -- idempotency key: a retried decision finds its first record
  consent_id TEXT NOT NULL,                           -- pseudonymous id kept in the visitor's cookie
  recorded_at TEXT NOT NULL,                          -- server time, UTC, ISO 8601 with milliseconds; never decreases along seq
  action TEXT NOT NULL CHECK (action IN ('accept_all', 'reject_all', 'save', 'close', 'withdraw')),
  method TEXT NOT NULL,                               -- where the decision was made: banner, banner_close, preferences, footer, embed
  signals TEXT NOT NULL,                              -- JSON array of browser privacy signals present (gpc, dnt)
  categories TEXT NOT NULL,                           -- canonical JSON object: category -> granted
  locale TEXT NOT NULL,
  policy_version TEXT NOT NULL,
  texts_hash TEXT NOT NULL,
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
  FOREIGN KEY (texts_hash, policy_version) REFERENCES consent_texts (texts_hash, policy_version)
);
CREATE INDEX consent_records_consent ON consent_records (consent_id, seq);
CREATE INDEX consent_records_time ON consent_records (recorded_at);

-- The exact consent texts shown under each policy version: written once, with the first record that references them.
CREATE TABLE consent_texts (
  texts_hash TEXT NOT NULL CHECK (length(texts_hash) = 64),
  policy_version TEXT NOT NULL,
  locale TEXT NOT NULL,
  texts TEXT NOT NULL,
  first_recorded_at TEXT NOT NULL,
  PRIMARY KEY (texts_hash, policy_version)
);

-- Signed statements "the chain up to seq had this head hash", written by the cron job.
CREATE TABLE ledger_checkpoints (
  seq INTEGER PRIMARY KEY,
  head_hash TEXT NOT NULL CHECK (length(head_hash) = 64),
  signed_at TEXT NOT NULL,
  key_id TEXT NOT NULL,
  signature TEXT NOT NULL
);

-- What the retention job deleted, so a gap at the start of the chain is explained.
CREATE TABLE ledger_purges (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  purged_at TEXT NOT NULL,
  through_seq INTEGER NOT NULL,
  records INTEGER NOT NULL,
  cutoff TEXT NOT NULL
);

-- Every access to /admin, including refused ones and exports.
CREATE TABLE admin_access (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  principal TEXT NOT NULL,                            -- Access e-mail, "token" for the bearer token, "anonymous" when refused
  auth TEXT NOT NULL,                                 -- access | token | cli | none
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  query TEXT NOT NULL,
  status INTEGER NOT NULL,
  kind TEXT NOT NULL                                  -- view | export | seal | refused
);
CREATE INDEX admin_access_at ON admin_access (at);

-- Append-only, enforced by the database as well as by the code.
CREATE TRIGGER consent_records_append_only BEFORE UPDATE ON consent_records
BEGIN
  SELECT RAISE(ABORT, 'consent_records is append-only');
END;
CREATE TRIGGER consent_texts_write_once BEFORE UPDATE ON consent_texts
BEGIN
  SELECT RAISE(ABORT, 'consent_texts is write-once');
END;
CREATE TRIGGER ledger_checkpoints_write_once BEFORE UPDATE ON ledger_checkpoints
BEGIN
  SELECT RAISE(ABORT, 'ledger_checkpoints is write-once');
END;
