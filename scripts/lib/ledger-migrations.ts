// Applies migrations/*.sql to a D1 database handed over by Miniflare, for sites served outside
// wrangler (browser tests, benchmarks). `npm start` and deploys use `wrangler d1 migrations
// apply` instead.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export const MIGRATIONS_DIR = new URL("../../migrations/", import.meta.url).pathname;

type Database = { prepare(sql: string): { run(): Promise<unknown> } };

/** Runs every migration in name order, statement by statement. */
export async function applyLedgerMigrations(db: Database, dir = MIGRATIONS_DIR): Promise<void> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  for (const file of files) {
    for (const statement of splitSql(await readFile(join(dir, file), "utf8")))
      await db.prepare(statement).run();
  }
}

/**
 * SQL statements of a migration file: split at `;` line ends, keeping trigger bodies (BEGIN …
 * END;) whole.
 */
export function splitSql(sql: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of sql.split("\n")) {
    const code = line.replace(/--.*$/, "").trimEnd();
    if (!code.trim()) continue;
    current.push(code);
    const text = current.join("\n");
    const inBody = /\bBEGIN\b/i.test(text) && !/^\s*END;$/i.test(code);
    if (code.endsWith(";") && !inBody) {
      statements.push(text);
      current = [];
    }
  }
  if (current.length > 0) statements.push(current.join("\n"));
  return statements;
}
