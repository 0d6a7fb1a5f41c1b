// Fixture factories for ledger tests: decisions, the log's Durable Object and its key, faults
// injected into it.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { consentLog } from "../../worker/ledger/append.ts";
import type { ConsentLog } from "../../worker/ledger/consent-log.ts";
import type { ExportFormat } from "../../worker/ledger/export-format.ts";
import { parseExport } from "../../worker/ledger/export-parse.ts";
import { type ExportOptions, exportChunks } from "../../worker/ledger/export-chunks.ts";
import type { RecordFilter } from "../../worker/ledger/filter.ts";
import { d1Runner } from "../../worker/ledger/query-runner.ts";
import type { DecisionInput } from "../../worker/ledger/record-types.ts";
import { importPublicKeys, importSigner } from "../../worker/ledger/signing.ts";
import { verifyExport } from "../../worker/ledger/verify.ts";
import type { VerifyReport } from "../../worker/ledger/verify-types.ts";
import { ACCEPT_ALL } from "./decisions.ts";

export const TEXTS_IT = JSON.stringify({
  locale: "it",
  banner: "Usiamo cookie tecnici e, con il tuo consenso, statistiche e video.",
});
export const TEXTS_EN = JSON.stringify({
  locale: "en",
  banner: "We use technical cookies and, with your consent, statistics and videos.",
});

let counter = 0;

/** A valid decision; each call gets fresh ids unless overridden. */
export function decision(overrides: Partial<DecisionInput> = {}): DecisionInput {
  counter++;
  return {
    eventId: `event-${counter}-${crypto.randomUUID()}`,
    consentId: `consent-${crypto.randomUUID()}`,
    ...ACCEPT_ALL,
    texts: TEXTS_IT,
    ...overrides,
  };
}

/**
 * `SELECT COUNT(*)` of a ledger table (and an optional WHERE with its bound values), through the
 * D1 binding.
 */
export async function countRows(table: string, where = "", ...values: unknown[]): Promise<number> {
  const sql = `SELECT COUNT(*) AS n FROM ${table}${where ? ` WHERE ${where}` : ""}`;
  return (
    (await env.LEDGER.prepare(sql)
      .bind(...values)
      .first<number>("n")) ?? 0
  );
}

/** The rows a query of the ledger's D1 returns (with its bound values). */
export async function selectRows(
  sql: string,
  ...values: unknown[]
): Promise<Record<string, unknown>[]> {
  return (
    await env.LEDGER.prepare(sql)
      .bind(...values)
      .all()
  ).results;
}

/** How many consent records the ledger holds. */
export const countRecords = (): Promise<number> => countRows("consent_records");

/** The public key (base64url) of the signing key the log's Durable Object has in this test run. */
export function logPublicKey(): string {
  return (
    JSON.parse((env as unknown as { LEDGER_SIGNING_KEY: string }).LEDGER_SIGNING_KEY) as {
      x: string;
    }
  ).x;
}

/** The log's one writer, as the Worker reaches it. */
export const logStub = () => consentLog(env);

/** Runs `fn` inside the log's Durable Object (the same instance the Worker appends through). */
export async function insideLog<T>(fn: (log: ConsentLog) => T | Promise<T>): Promise<T> {
  try {
    return await runInDurableObject(logStub(), (instance: ConsentLog) => fn(instance));
  } catch (error) {
    // freshWorker() reloads worker/index.ts, which resets the object; the runtime asks for a retry,
    // as a deploy would.
    if (
      !(error as { retryable?: boolean }).retryable &&
      !/invalidating this Durable Object/.test(String(error))
    )
      throw error;
    return runInDurableObject(logStub(), (instance: ConsentLog) => fn(instance));
  }
}

/**
 * Replaces the D1 the log writes through (a fault injected) until the returned function
 * restores it.
 */
export async function degradeLog(
  wrap: (db: D1Database) => D1Database,
): Promise<() => Promise<void>> {
  const original = await insideLog((log) => {
    const db = log.db;
    log.db = wrap(db);
    return db;
  });
  return () => insideLog((log) => void (log.db = original));
}

/** A D1 binding whose writes (batch) or every call fail, as an outage would. */
export function failingD1(db: D1Database, mode: "writes" | "all" = "all"): D1Database {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (
        property === "batch" ||
        (mode === "all" && (property === "prepare" || property === "exec"))
      ) {
        return () => {
          if (property === "prepare") throw new Error("D1_ERROR: simulated outage");
          return Promise.reject(new Error("D1_ERROR: simulated outage"));
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const TABLES = [
  "consent_records",
  "ledger_nodes",
  "ledger_heads",
  "ledger_redactions",
  "ledger_purges",
  "admin_access",
  "admin_refusals",
  "consent_texts",
];

/**
 * Empties the ledger between tests of one file, as a fresh database (the tree's guard is lifted
 * for it).
 */
export async function clearLedger(db: D1Database = env.LEDGER): Promise<void> {
  await db.batch([
    db.prepare("DROP TRIGGER ledger_nodes_kept"),
    ...TABLES.map((t) => db.prepare(`DELETE FROM ${t}`)),
    db.prepare(
      "CREATE TRIGGER ledger_nodes_kept BEFORE DELETE ON ledger_nodes BEGIN SELECT RAISE(ABORT, 'ledger_nodes is never deleted'); END",
    ),
  ]);
}

/** Appends through the log as if decided at `at` (ISO): the object's clock is set for the call. */
export async function appendAt(at: string, input: DecisionInput = decision()) {
  return insideLog(async (log) => {
    log.clock = () => new Date(at);
    try {
      const result = await log.append(input);
      if (!result.ok) throw new Error(result.message);
      return result.record;
    } finally {
      log.clock = () => new Date();
    }
  });
}

/**
 * An export of the stored log (NDJSON unless told), as the admin API writes it, with the
 * manifest signed.
 */
export async function exportLog(
  filter: RecordFilter = {},
  format: ExportFormat = "ndjson",
  options: ExportOptions = {},
): Promise<string> {
  const signer = await importSigner(
    (env as unknown as { LEDGER_SIGNING_KEY: string }).LEDGER_SIGNING_KEY,
  );
  let text = "";
  for await (const chunk of exportChunks(d1Runner(env.LEDGER), filter, format, {
    signer,
    ...options,
  }))
    text += chunk;
  return text;
}

/** The offline verifier's report on an export of the stored log, with the log's public key. */
export async function verifyLog(filter: RecordFilter = {}): Promise<VerifyReport> {
  return verifyExport({
    parsed: parseExport(await exportLog(filter)),
    keys: await importPublicKeys([logPublicKey()]),
  });
}
