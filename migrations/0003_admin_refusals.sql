-- Refused admin requests (no or wrong credentials, admin not configured) counted per hour and reason instead of a row
-- each: anonymous traffic can neither push real accesses off the dashboard nor grow the log (issue 15, finding 4).
CREATE TABLE admin_refusals (
  hour TEXT NOT NULL,                                 -- UTC, YYYY-MM-DDTHH
  reason TEXT NOT NULL,                               -- no_credentials | wrong_token | invalid_access_token | admin_closed | access_unverifiable | other | unclassified
  status INTEGER NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 1),
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  PRIMARY KEY (hour, reason, status)
);

-- Refusals logged one row each before this migration, folded into the counts (their reason was not recorded).
INSERT INTO admin_refusals (hour, reason, status, count, first_at, last_at)
  SELECT substr(at, 1, 13), 'unclassified', status, COUNT(*), MIN(at), MAX(at) FROM admin_access WHERE kind = 'refused'
  GROUP BY substr(at, 1, 13), status;
DELETE FROM admin_access WHERE kind = 'refused';
