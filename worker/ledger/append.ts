// Appending consent decisions: validated, idempotent by event id, chained, stored before anyone gets a cookie.
// D1 has no interactive transactions, so each isolate queues appends and commits them in groups (one atomic
// db.batch per group); the seq primary key makes a group that raced another isolate fail whole, and it retries.
import { HttpError } from "../http/errors.ts";
import { sha256Hex } from "./canonical.ts";
import { buildChain } from "./chain.ts";
import { ConsentRecordInput, type ParsedRecordInput, type StoredRecord, describeIssue } from "./record.ts";
import { type TextsToArchive, appendStatements, readHeadAndEvents } from "./store.ts";

export type { ConsentRecordInput, StoredRecord };

export type LedgerWriterOptions = {
  /** Records per group commit (one D1 batch). */
  maxBatch?: number;
  /** Attempts per group when another isolate appended first. */
  maxAttempts?: number;
  now?: () => Date;
};

export type LedgerWriter = { append(input: ConsentRecordInput): Promise<StoredRecord> };

type Pending = { input: ParsedRecordInput; textsHash: string; done?: { record: StoredRecord } | { error: unknown } };

const RETRY_AFTER_SECONDS = "5";
const writers = new WeakMap<D1Database, LedgerWriter>();

/**
 * Stores one consent decision and returns its record; a retry with the same event id returns the first record.
 * Rejects with a 400 HttpError for invalid input and a 503 HttpError when the record cannot be stored.
 */
export function appendConsentRecord(db: D1Database, input: ConsentRecordInput): Promise<StoredRecord> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = createLedgerWriter(db)));
  return writer.append(input);
}

/** A writer with its own queue: one per isolate in production (see appendConsentRecord); tests make several. */
export function createLedgerWriter(db: D1Database, options: LedgerWriterOptions = {}): LedgerWriter {
  const { maxBatch = 100, maxAttempts = 12, now = () => new Date() } = options;
  const queue: Pending[] = [];
  let running: Promise<void> | null = null;

  async function flush(): Promise<void> {
    const group = queue.splice(0, maxBatch);
    try {
      const stored = await commitWithRetry(db, group, now, maxAttempts);
      for (const p of group) p.done = { record: stored.get(p.input.eventId)! };
    } catch (error) {
      for (const p of group) p.done = { error };
    }
  }

  return {
    async append(raw) {
      const parsed = ConsentRecordInput.safeParse(raw);
      if (!parsed.success) throw new HttpError(400, `Invalid consent decision: ${describeIssue(parsed.error)}`);
      const pending: Pending = { input: parsed.data, textsHash: await sha256Hex(parsed.data.texts) };
      queue.push(pending);
      // Whoever finds no commit running starts one, in its own request context; the others wait for it.
      while (!pending.done) {
        running ??= flush().finally(() => (running = null));
        await running;
      }
      if ("error" in pending.done) throw unavailable(pending.done.error);
      return pending.done.record;
    },
  };
}

/** Commits a group; returns the stored record of every event id in it (new or found). */
async function commitWithRetry(db: D1Database, group: readonly Pending[], now: () => Date, maxAttempts: number): Promise<Map<string, StoredRecord>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await commit(db, group, now);
    } catch (error) {
      if (!isRace(error) || attempt >= maxAttempts) throw error;
      await sleep(Math.min(200, 5 * 2 ** attempt) * Math.random());
    }
  }
}

async function commit(db: D1Database, group: readonly Pending[], now: () => Date): Promise<Map<string, StoredRecord>> {
  const { head, existing } = await readHeadAndEvents(db, [...new Set(group.map((p) => p.input.eventId))]);
  const stored = new Map(existing.map((r) => [r.eventId, r]));
  const fresh = [...new Map(group.filter((p) => !stored.has(p.input.eventId)).map((p) => [p.input.eventId, p])).values()];
  if (fresh.length === 0) return stored;
  // Time never goes backwards along the chain, so a date range is always a contiguous run of seqs.
  const at = new Date(Math.max(now().getTime(), head ? Date.parse(head.at) : 0)).toISOString();
  const records = await buildChain(head, at, fresh.map((p) => ({ ...p.input, textsHash: p.textsHash })));
  const texts = [...new Map(fresh.map((p) => [`${p.textsHash} ${p.input.policyVersion}`, archived(p)])).values()];
  await db.batch(appendStatements(db, records, texts));
  for (const r of records) stored.set(r.eventId, r);
  return stored;
}

function archived(p: Pending): TextsToArchive {
  return { hash: p.textsHash, policyVersion: p.input.policyVersion, locale: p.input.locale, texts: p.input.texts };
}

/** Another writer took the seq (or the event id) first: read the head again and retry. */
function isRace(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed/.test(`${error.message} ${String(error.cause ?? "")}`);
}

function unavailable(cause: unknown): HttpError {
  if (cause instanceof HttpError) return cause;
  console.error(JSON.stringify({ event: "ledger_append_failed", error: cause instanceof Error ? cause.message : String(cause) }));
  return new HttpError(503, "Your choice could not be recorded", { cause, headers: { "Retry-After": RETRY_AFTER_SECONDS } });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
