// Fixture factories for ledger tests: decisions, and D1 bindings that fail on purpose.
import { createLedgerWriter } from "../../worker/ledger/append.ts";
import type { ConsentRecordInput, StoredRecord } from "../../worker/ledger/record.ts";

export const TEXTS_IT = JSON.stringify({ locale: "it", banner: "Usiamo cookie tecnici e, con il tuo consenso, statistiche e video." });
export const TEXTS_EN = JSON.stringify({ locale: "en", banner: "We use technical cookies and, with your consent, statistics and videos." });

let counter = 0;

/** A valid decision; each call gets fresh ids unless overridden. */
export function decision(overrides: Partial<ConsentRecordInput> = {}): ConsentRecordInput {
  counter++;
  return {
    eventId: `event-${counter}-${crypto.randomUUID()}`,
    consentId: `consent-${crypto.randomUUID()}`,
    action: "accept_all",
    categories: { necessary: true, analytics: true, media: true },
    method: "banner",
    signals: [],
    locale: "it",
    policyVersion: "a1b2c3d4e5f6",
    texts: TEXTS_IT,
    ...overrides,
  };
}

/** A D1 binding whose writes (batch) or every call fail, as an outage would. */
export function failingD1(db: D1Database, mode: "writes" | "all" = "all"): D1Database {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === "batch" || (mode === "all" && (property === "prepare" || property === "exec"))) {
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

/** Clears the ledger's tables between tests of one file. */
export async function clearLedger(db: D1Database): Promise<void> {
  await db.batch(
    ["consent_records", "ledger_checkpoints", "ledger_purges", "admin_access", "admin_refusals", "consent_texts"].map((t) => db.prepare(`DELETE FROM ${t}`)),
  );
}

/** A D1 binding where another isolate appends `competitor` just before our first batch: our batch must lose and retry. */
export function racingD1(db: D1Database, competitor: () => Promise<unknown>): D1Database {
  let raced = false;
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          if (!raced && statements.length === 2) {
            raced = true;
            await competitor();
          }
          return target.batch(statements);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Appends `input` as if decided at `at` (ISO), through a writer whose clock says so. */
export async function appendAt(db: D1Database, at: string, input: ConsentRecordInput = decision()): Promise<StoredRecord> {
  return createLedgerWriter(db, { now: () => new Date(at) }).append(input);
}
