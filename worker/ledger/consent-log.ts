// The one writer of the consent log: a Durable Object (SQLite-backed, one instance by name) that
// orders every append. Decisions that arrive while a batch commits wait for the next one; each
// batch is planned in memory (leaves, frontier, signed head) and committed to D1 in one atomic
// db.batch, so it is wholly stored or wholly absent. Callers await only their own call; nothing
// here is shared with a request.
import { DurableObject } from "cloudflare:workers";
import { sha256Hex } from "../../lib/bytes.ts";
import { ledgerSigner } from "./ledger-config.ts";
import { checkDecision } from "./decision-check.ts";
import { type LogState, type PendingDecision, planBatch } from "./log-batch.ts";
import {
  type TextsToArchive,
  batchStatements,
  headStatement,
  readKnownEvents,
  readLatestHead,
  readLogState,
} from "./log-store.ts";
import { rootOfFrontier } from "./merkle-tree.ts";
import type { RecordBody, TreeHead } from "./record-types.ts";

/** Decisions per batch: one D1 batch each (its JSON parameters stay well under D1's limits). */
const MAX_BATCH = 200;

export type AppendResult =
  | { ok: true; record: RecordBody }
  | {
      ok: false;
      status: 400 | 503;
      message: string;
      /** Why a 503: the storage error, for the one log line the caller writes. */
      detail?: string;
    };

type Waiting = { pending: PendingDecision; resolve: (result: AppendResult) => void };

export class ConsentLog extends DurableObject<Env> {
  /** D1 as this object writes it; a test may wrap it to inject faults. */
  db: D1Database;
  /** The time records get; a test may set it. */
  clock: () => Date = () => new Date();
  /**
   * Null until read from D1, and again after any failed commit: D1 is the truth, memory only
   * a copy.
   */
  private state: LogState | null = null;
  private queue: Waiting[] = [];
  private running = false;

  constructor(objectState: DurableObjectState, env: Env) {
    super(objectState, env);
    this.db = env.LEDGER;
  }

  /** Appends one decision; resolves once its batch is committed to D1 (or failed). */
  async append(raw: unknown): Promise<AppendResult> {
    const checked = checkDecision(raw);
    if (!checked.ok)
      return { ok: false, status: 400, message: `Invalid consent decision: ${checked.problem}` };
    const pending = { decision: checked.value, textsHash: await sha256Hex(checked.value.texts) };
    const result = new Promise<AppendResult>((resolve) => this.queue.push({ pending, resolve }));
    if (!this.running) void this.drain();
    return result;
  }

  /**
   * Signs a head of the log as D1 holds it (the cron's idle heads, "Seal now"); null without a key.
   */
  async signHead(now = this.clock()): Promise<TreeHead | null> {
    const signer = await ledgerSigner(this.env);
    if (!signer) return null;
    // Read from D1, not memory: a head must describe what is stored. A batch committing meanwhile
    // is either wholly in this read or wholly after it; if its head is already there, that one is
    // newer than ours would be.
    const [state, latest] = await Promise.all([readLogState(this.db), readLatestHead(this.db)]);
    if (latest && latest.size > state.size) return latest;
    // A clock behind the last head would make the log look older than it is: heads never go back
    // in time.
    const at = new Date(Math.max(now.getTime(), latest ? Date.parse(latest.timestamp) : 0));
    const head = await signer.signHead({
      size: state.size,
      root: await rootOfFrontier(state.frontier),
      timestamp: at.toISOString(),
    });
    await headStatement(this.db, head).run();
    return head;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        const results = await this.commitWithReload(batch.map((w) => w.pending));
        batch.forEach((w, i) => w.resolve(results[i]!));
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * Commits; if D1 disagrees with memory (another writer, a restore, a crash mid-commit), reloads
   * and tries once more.
   */
  private async commitWithReload(pending: PendingDecision[]): Promise<AppendResult[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const records = await this.commit(pending);
        return records.map((record) => ({ ok: true as const, record }));
      } catch (error) {
        this.state = null;
        if (attempt >= 2) {
          const detail = error instanceof Error ? error.message : String(error);
          return pending.map(() => ({
            ok: false as const,
            status: 503 as const,
            message: "Your choice could not be recorded",
            detail,
          }));
        }
      }
    }
  }

  private async commit(pending: PendingDecision[]): Promise<RecordBody[]> {
    const state = (this.state ??= await readLogState(this.db));
    const known = await readKnownEvents(this.db, [
      ...new Set(pending.map((p) => p.decision.eventId)),
    ]);
    const plan = await planBatch(state, pending, known, this.clock());
    if (plan.fresh.length === 0) return plan.outcomes;
    const signer = await ledgerSigner(this.env);
    const head = signer
      ? await signer.signHead({ size: plan.state.size, root: plan.root, timestamp: plan.at })
      : null;
    const texts = new Map<string, TextsToArchive>();
    for (const { decision: d, textsHash } of pending)
      texts.set(`${textsHash} ${d.policyVersion}`, {
        hash: textsHash,
        policyVersion: d.policyVersion,
        locale: d.locale,
        texts: d.texts,
      });
    await this.db.batch(
      batchStatements(this.db, plan.fresh, [...texts.values()], plan.nodes, head),
    );
    this.state = plan.state;
    return plan.outcomes;
  }
}
