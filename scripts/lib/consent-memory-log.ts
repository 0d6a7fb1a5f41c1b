// A consent log in memory, for the verifier's tests and the benchmark's offline part: node:sqlite
// behind the few D1 calls the log uses, the real migrations, and appends planned and stored by the
// same code the Durable Object runs.
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { sha256Hex } from "../../lib/bytes.ts";
import { checkDecision } from "../../worker/ledger/decision-check.ts";
import { planBatch } from "../../worker/ledger/log-batch.ts";
import { batchStatements, readKnownEvents, readLogState } from "../../worker/ledger/log-store.ts";
import type { QueryRunner } from "../../worker/ledger/query-runner.ts";
import type { DecisionInput, RecordBody } from "../../worker/ledger/record-types.ts";
import type { LedgerSigner } from "../../worker/ledger/signing.ts";
import { applyLedgerMigrations } from "./ledger-migrations.ts";

type Param = string | number | null;

class MemoryStatement {
  constructor(
    private readonly stmt: StatementSync,
    private readonly params: Param[] = [],
  ) {}
  bind(...params: Param[]) {
    return new MemoryStatement(this.stmt, params);
  }
  async all<T>() {
    return { results: this.stmt.all(...this.params) as T[] };
  }
  async first<T>(column?: string) {
    const row = this.stmt.get(...this.params) as Record<string, unknown> | undefined;
    return (row === undefined ? null : column ? row[column] : row) as T | null;
  }
  async run() {
    return this.stmt.run(...this.params);
  }
  rows() {
    return this.stmt.all(...this.params);
  }
}

/**
 * The subset of D1Database the log's code calls, over node:sqlite; `batch` is one transaction, as
 * in D1.
 */
export function memoryD1(db = new DatabaseSync(":memory:")): D1Database {
  const shim = {
    prepare: (sql: string) => new MemoryStatement(db.prepare(sql)),
    async batch(statements: MemoryStatement[]) {
      db.exec("BEGIN");
      try {
        const results = statements.map((s) => ({ results: s.rows() }));
        db.exec("COMMIT");
        return results;
      } catch (error) {
        db.exec("ROLLBACK");
        throw error;
      }
    },
  };
  return shim as unknown as D1Database;
}

export type MemoryLog = {
  db: D1Database;
  run: QueryRunner;
  append(decisions: DecisionInput[], at: string): Promise<RecordBody[]>;
};

/** An empty, migrated log; each append is one batch with a head signed by `signer`. */
export async function memoryLog(signer: LedgerSigner): Promise<MemoryLog> {
  const db = memoryD1();
  await applyLedgerMigrations(db);
  const run: QueryRunner = async <T>(sql: string, params: (string | number)[]) =>
    (
      await db
        .prepare(sql)
        .bind(...params)
        .all<T>()
    ).results;
  return {
    db,
    run,
    async append(decisions, at) {
      const pending = await Promise.all(
        decisions.map(async (d) => {
          const checked = checkDecision(d);
          if (!checked.ok) throw new Error(checked.problem);
          return { decision: checked.value, textsHash: await sha256Hex(d.texts) };
        }),
      );
      const plan = await planBatch(
        await readLogState(db),
        pending,
        await readKnownEvents(
          db,
          pending.map((p) => p.decision.eventId),
        ),
        new Date(at),
      );
      const head = await signer.signHead({
        size: plan.state.size,
        root: plan.root,
        timestamp: plan.at,
      });
      const texts = [
        ...new Map(
          pending.map((p) => [
            p.textsHash,
            {
              hash: p.textsHash,
              policyVersion: p.decision.policyVersion,
              locale: p.decision.locale,
              texts: p.decision.texts,
            },
          ]),
        ).values(),
      ];
      await db.batch(batchStatements(db, plan.fresh, texts, plan.nodes, head));
      return plan.outcomes;
    },
  };
}
