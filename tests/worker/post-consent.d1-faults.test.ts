// POST /consent with D1 slow or flaky under simultaneous decisions: a record for every cookie.
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { postConsent } from "../helpers/consent.ts";
import { clearLedger, degradeLog, verifyLog } from "../helpers/ledger.ts";
import { req, seed } from "../helpers/worker.ts";

beforeAll(async () => {
  await seed();
});
beforeEach(() => clearLedger(env.LEDGER));

/**
 * D1 whose batches take `delayMs`; the n-th write batch (a commit) fails when `fails(n)` says so.
 */
function degradedD1(
  db: D1Database,
  delayMs: number,
  fails: (n: number) => boolean = () => false,
): D1Database {
  let writes = 0;
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          // The writer's reads batch two statements; a commit writes three or four.
          const n = statements.length > 2 ? ++writes : 0;
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          if (n > 0 && fails(n)) throw new Error("D1_ERROR: simulated fault");
          return target.batch(statements);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

type Outcome = { status: number; consentId: string | null };

/**
 * `waves` of `n` simultaneous decisions, one wave after the other, through a degraded log; each
 * outcome with its cookie's consent id.
 */
async function decideAtOnce(
  wrap: (db: D1Database) => D1Database,
  n: number,
  waves = 1,
): Promise<Outcome[]> {
  const restore = await degradeLog(wrap);
  const outcomes: Outcome[] = [];
  try {
    for (let wave = 0; wave < waves; wave++) outcomes.push(...(await decideWave(req, n)));
  } finally {
    await restore();
  }
  return outcomes;
}

function decideWave(get: typeof req, n: number): Promise<Outcome[]> {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const res = await postConsent(
        `action=${["accept_all", "reject_all", "close"][i % 3]}&return=/it/`,
        { requester: get },
      );
      await res.arrayBuffer();
      const cookie = res.headers
        .getSetCookie()
        .find((line) => /^(__Host-)?fvm_consent=/.test(line));
      return {
        status: res.status,
        consentId: cookie ? cookie.split("=")[1]!.split(".")[1]! : null,
      };
    }),
  );
}

async function expectLedgerMatches(outcomes: Outcome[]): Promise<void> {
  for (const { status, consentId } of outcomes) {
    expect([303, 503]).toContain(status);
    expect(consentId !== null, `status ${status}`).toBe(status === 303);
  }
  const recorded = (
    await env.LEDGER.prepare("SELECT consent_id FROM consent_records").all<{ consent_id: string }>()
  ).results
    .map((r) => r.consent_id)
    .sort();
  const cookied = outcomes.flatMap((o) => (o.consentId ? [o.consentId] : [])).sort();
  expect(recorded).toEqual(cookied);
  if (recorded.length === 0) return;
  const report = await verifyLog();
  expect(report.problems).toEqual([]);
  expect(report.verdict).toBe("valid");
}

// D1 slow, or failing some of the time, under the log's writer while decisions arrive at once
// (post-consent.test.ts covers D1 down altogether): every visitor with a cookie has a record under
// its consent id, every refused one has neither, the log holds exactly as many records as there
// were cookies, and its exports still prove themselves.
describe("D1 slow or flaky under simultaneous decisions", () => {
  it("slow (300 ms a D1 batch): every decision is recorded before its cookie, exactly once, in a tree that verifies", async () => {
    const outcomes = await decideAtOnce((db) => degradedD1(db, 300), 30);
    expect(outcomes.every((o) => o.status === 303)).toBe(true);
    await expectLedgerMatches(outcomes);
  });

  it("failing some commits, after a delay: 503 and no cookie for those, a record for each cookie", async () => {
    // The writer retries a failed commit once (after re-reading D1): writes 1–2, 5–6, 9–10… fail,
    // so every other commit fails twice and is refused. Waves, so that several commits happen.
    const outcomes = await decideAtOnce(
      (db) => degradedD1(db, 50, (n) => n % 4 === 1 || n % 4 === 2),
      10,
      4,
    );
    const statuses = outcomes.map((o) => o.status);
    expect(statuses, "some refused").toContain(503);
    expect(statuses, "some recorded").toContain(303);
    await expectLedgerMatches(outcomes);
  });

  it("failing every write: nothing recorded, no cookie at all", async () => {
    const outcomes = await decideAtOnce((db) => degradedD1(db, 20, () => true), 10);
    expect(outcomes.map((o) => o.status)).toEqual(Array(10).fill(503));
    await expectLedgerMatches(outcomes);
  });
});
