// The admin access log: every call to /admin by a known caller, written to D1 before the answer
// goes out; refused calls (nobody known) are counted per hour and reason instead, so anonymous
// traffic cannot bury or grow the log.
import type {
  AccessAuth,
  AccessKind,
  RefusalReason,
  UNCLASSIFIED_REFUSAL,
} from "../../content/ledger-vocabulary.ts";
import { HttpError } from "../http/errors.ts";

export type { AccessKind, RefusalReason } from "../../content/ledger-vocabulary.ts";

export type AccessLogEntry = {
  principal: string;
  auth: AccessAuth;
  method: string;
  path: string;
  query: string;
  status: number;
  kind: AccessKind;
};

export type AccessLogRow = AccessLogEntry & { id: number; at: string };

export type RefusalRow = {
  hour: string;
  reason: RefusalReason | typeof UNCLASSIFIED_REFUSAL;
  status: number;
  count: number;
  first_at: string;
  last_at: string;
};

const MAX_FIELD = 512;

export async function logAdminAccess(
  db: D1Database,
  entry: AccessLogEntry,
  now = new Date(),
): Promise<void> {
  await db
    .prepare(
      "INSERT INTO admin_access (at, principal, auth, method, path, query, status, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )
    .bind(
      now.toISOString(),
      entry.principal.slice(0, MAX_FIELD),
      entry.auth,
      entry.method,
      entry.path.slice(0, MAX_FIELD),
      entry.query.slice(0, MAX_FIELD),
      entry.status,
      entry.kind,
    )
    .run();
}

/**
 * Adds one refusal to its hour's count (one row per hour, reason and status, however
 * many requests).
 */
export async function countAdminRefusal(
  db: D1Database,
  reason: RefusalReason,
  status: number,
  now = new Date(),
): Promise<void> {
  const at = now.toISOString();
  await db
    .prepare(
      `INSERT INTO admin_refusals (hour, reason, status, count, first_at, last_at) VALUES (?1, ?2, ?3, 1, ?4, ?4)
       ON CONFLICT (hour, reason, status) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
    )
    .bind(at.slice(0, 13), reason, status, at)
    .run();
}

/** The reason of a refusal, from what authentication threw (see auth.ts). Pure. */
export function classifyRefusal(error: unknown): RefusalReason {
  if (!(error instanceof HttpError)) return "other";
  const { status, message } = error;
  if (status === 403 && message.startsWith("Admin is closed")) return "admin_closed";
  if (status === 401 && message === "Authentication required") return "no_credentials";
  if (status === 401 && message === "Invalid token") return "wrong_token";
  if (status === 401 && message.startsWith("Invalid Access token")) return "invalid_access_token";
  if (status === 503) return "access_unverifiable";
  return "other";
}

export async function recentAdminAccess(db: D1Database, limit: number): Promise<AccessLogRow[]> {
  const { results } = await db
    .prepare("SELECT * FROM admin_access ORDER BY id DESC LIMIT ?1")
    .bind(limit)
    .all<AccessLogRow>();
  return results;
}
