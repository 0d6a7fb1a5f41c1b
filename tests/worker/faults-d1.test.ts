// D1 slow, or failing some of the time, under simultaneous decisions (ledger-consent.test.ts covers D1 down
// altogether): every visitor with a cookie has a record under its consent id, every refused one has neither,
// the ledger holds exactly as many records as there were cookies, and its chain still verifies.
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyLedger } from "../../worker/ledger/verify.ts";
import { postConsent } from "../helpers/consent.ts";
import { clearLedger } from "../helpers/ledger.ts";
import { readLedgerEntries } from "../helpers/ledger-read.ts";
import { freshWorker, seed } from "../helpers/worker.ts";

beforeAll(async () => {
  await seed();
});
beforeEach(() => clearLedger(env.LEDGER));

/** D1 whose batches take `delayMs`, then fail when `fails(n)` says so for the n-th (a commit reads, then writes). */
function degradedD1(delayMs: number, fails: (n: number) => boolean = () => false): D1Database {
  let batches = 0;
  return new Proxy(env.LEDGER, {
    get(target, property, receiver) {
      if (property === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          const n = ++batches;
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          if (fails(n)) throw new Error("D1_ERROR: simulated fault");
          return target.batch(statements);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

type Outcome = { status: number; consentId: string | null };

/** `waves` of `n` simultaneous decisions, one wave after the other; each outcome with its cookie's consent id. */
async function decideAtOnce(db: D1Database, n: number, waves = 1): Promise<Outcome[]> {
  const get = await freshWorker({ LEDGER: db });
  const outcomes: Outcome[] = [];
  for (let wave = 0; wave < waves; wave++) outcomes.push(...(await decideWave(get, n)));
  return outcomes;
}

function decideWave(get: Awaited<ReturnType<typeof freshWorker>>, n: number): Promise<Outcome[]> {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const res = await postConsent(`action=${["accept_all", "reject_all", "close"][i % 3]}&return=/it/`, { requester: get });
      await res.arrayBuffer();
      const cookie = res.headers.getSetCookie().find((line) => /^(__Host-)?fvm_consent=/.test(line));
      return { status: res.status, consentId: cookie ? cookie.split("=")[1]!.split(".")[1]! : null };
    }),
  );
}

async function expectLedgerMatches(outcomes: Outcome[]): Promise<void> {
  for (const { status, consentId } of outcomes) {
    expect([303, 503]).toContain(status);
    expect(consentId !== null, `status ${status}`).toBe(status === 303);
  }
  const { entries, checkpoints } = await readLedgerEntries(env.LEDGER);
  const recorded = entries.map((e) => e.record?.consentId).sort();
  const cookied = outcomes.flatMap((o) => (o.consentId ? [o.consentId] : [])).sort();
  expect(recorded).toEqual(cookied);
  const report = await verifyLedger({ entries, checkpoints, scope: "complete", keys: null });
  expect(report.problems).toEqual([]);
}

describe("D1 slow or flaky under simultaneous decisions", () => {
  it("slow (300 ms a D1 batch): every decision is recorded before its cookie, exactly once, chained", async () => {
    const outcomes = await decideAtOnce(degradedD1(300), 30);
    expect(outcomes.every((o) => o.status === 303)).toBe(true);
    await expectLedgerMatches(outcomes);
  });

  it("failing every other commit's write, after a delay: 503 and no cookie for those, a record for each cookie", async () => {
    // Each commit is a read batch then a write batch: the 2nd, 6th, 10th… batch is the write of every other commit.
    // Waves, so that several commits happen.
    const outcomes = await decideAtOnce(degradedD1(50, (n) => n % 4 === 2), 10, 4);
    const statuses = outcomes.map((o) => o.status);
    expect(statuses, "some refused").toContain(503);
    expect(statuses, "some recorded").toContain(303);
    await expectLedgerMatches(outcomes);
  });

  it("failing every write: nothing recorded, no cookie at all", async () => {
    const outcomes = await decideAtOnce(degradedD1(20, () => true), 10);
    expect(outcomes.map((o) => o.status)).toEqual(Array(10).fill(503));
    await expectLedgerMatches(outcomes);
  });
});
