// The admin access log: every call to /admin, allowed or refused, written to D1 before the answer goes out.
export type AccessKind = "view" | "export" | "seal" | "erase" | "refused";

export type AccessLogEntry = {
  principal: string;
  auth: "access" | "token" | "cli" | "none";
  method: string;
  path: string;
  query: string;
  status: number;
  kind: AccessKind;
};

export type AccessLogRow = AccessLogEntry & { id: number; at: string };

const MAX_FIELD = 512;

export async function logAdminAccess(db: D1Database, entry: AccessLogEntry, now = new Date()): Promise<void> {
  await db
    .prepare("INSERT INTO admin_access (at, principal, auth, method, path, query, status, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
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

export async function recentAdminAccess(db: D1Database, limit: number): Promise<AccessLogRow[]> {
  const { results } = await db.prepare("SELECT * FROM admin_access ORDER BY id DESC LIMIT ?1").bind(limit).all<AccessLogRow>();
  return results;
}
