import { beforeAll, describe, expect, it } from "vitest";
import type { Checkpoint, StoredRecord } from "../../worker/ledger/record.ts";
import type { PublicKeys } from "../../worker/ledger/signing.ts";
import { verifyLedger } from "../../worker/ledger/verify.ts";
import type { ExportScope } from "../../worker/ledger/verify-types.ts";
import { type TestKeys, entriesOf, publicKeysOf, rehashed, testChain, testKeys } from "../helpers/ledger-chain.ts";

let keys: TestKeys;
let publicKeys: PublicKeys;
let records: StoredRecord[];
let checkpoints: Checkpoint[];

beforeAll(async () => {
  keys = await testKeys();
  publicKeys = await publicKeysOf(keys);
  ({ records, checkpoints } = await testChain(20, keys.signer));
});

async function verify(rs: StoredRecord[], cps: Checkpoint[] = checkpoints, scope: ExportScope = "complete") {
  return verifyLedger({ ...entriesOf(rs, cps), scope, keys: publicKeys });
}

/** The first problem: which record, what kind. */
async function firstProblem(rs: StoredRecord[], cps: Checkpoint[] = checkpoints, scope: ExportScope = "complete") {
  const report = await verify(rs, cps, scope);
  expect(report.ok).toBe(false);
  const [first] = report.problems;
  return { kind: first!.kind, seq: first!.seq, message: first!.message };
}

const at = (seq: number) => records[seq - 1]!;

describe("an untouched ledger", () => {
  it("verifies, sealed through its last checkpoint", async () => {
    const report = await verify(records);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, records: 20, checkpoints: 4, sealedThrough: 20 });
  });

  it("verifies from the retention checkpoint after a purge of the first 10 records", async () => {
    const report = await verify(records.slice(10), checkpoints.slice(1));
    expect(report.problems).toEqual([]);
    expect(report.notes.join(" ")).toContain("starts after checkpoint seq 10");
  });
});

describe("each kind of tampering is caught, naming the first bad record", () => {
  it("a changed field", async () => {
    const tampered = records.map((r) => (r.seq === 7 ? { ...r, action: "reject_all" as const } : r));
    expect(await firstProblem(tampered)).toMatchObject({ kind: "changed", seq: 7 });
  });

  it("a changed field whose record was re-hashed", async () => {
    const forged = await rehashed({ ...at(7), categories: { ...at(7).categories, analytics: false } });
    expect(await firstProblem(records.map((r) => (r.seq === 7 ? forged : r)))).toMatchObject({ kind: "changed", seq: 7 });
  });

  it("a change re-hashed all the way to the end is caught by the signed checkpoint", async () => {
    const rewritten: StoredRecord[] = [...records.slice(0, 11)];
    for (const r of records.slice(11)) {
      const prev = rewritten[rewritten.length - 1]!;
      rewritten.push(await rehashed({ ...r, prevHash: prev.hash, ...(r.seq === 12 ? { action: "reject_all" as const } : {}) }));
    }
    expect(await firstProblem(rewritten)).toMatchObject({ kind: "checkpoint_mismatch", seq: 15 });
  });

  it("a deleted record", async () => {
    const problem = await firstProblem(records.filter((r) => r.seq !== 9));
    expect(problem).toMatchObject({ kind: "deleted", seq: 10 });
    expect(problem.message).toContain("seq 9 is missing");
  });

  it("deleted records at the start of the chain", async () => {
    expect(await firstProblem(records.slice(2))).toMatchObject({ kind: "deleted", seq: 3 });
  });

  it("an inserted record, linked carefully to its predecessor", async () => {
    const fake = await rehashed({ ...at(8), eventId: "forged-event-0001", prevHash: at(7).hash });
    const tampered = [...records.slice(0, 7), fake, ...records.slice(7)];
    expect(await firstProblem(tampered)).toMatchObject({ kind: "inserted", seq: 8 });
    expect((await verify(tampered)).problems[0]!.message).toContain("forged-event-0001");
  });

  it("an inserted record with made-up hashes", async () => {
    const fake = { ...at(8), eventId: "forged-event-0002", prevHash: "1".repeat(64), hash: "2".repeat(64) };
    const tampered = [...records.slice(0, 8), fake, ...records.slice(8)];
    const report = await verify(tampered);
    expect(report.problems[0]).toMatchObject({ kind: "inserted", eventId: "forged-event-0002" });
  });

  it("reordered records", async () => {
    const tampered = [...records];
    [tampered[11], tampered[12]] = [tampered[12]!, tampered[11]!];
    const problem = await firstProblem(tampered);
    expect(problem.kind).toBe("reordered");
    expect([12, 13]).toContain(problem.seq);
  });

  it("a record moved to the front is the one named", async () => {
    const tampered = [at(17), ...records.filter((r) => r.seq !== 17)];
    expect(await firstProblem(tampered)).toMatchObject({ kind: "reordered", seq: 17 });
  });

  it("a forged checkpoint: changed head, or signed by another key", async () => {
    const edited = checkpoints.map((c) => (c.seq === 10 ? { ...c, headHash: at(9).hash } : c));
    expect(await firstProblem(records, edited)).toMatchObject({ kind: "forged_checkpoint", seq: 10 });
    const other = await testKeys();
    const foreign = await other.signer.sign({ seq: 20, headHash: at(20).hash, signedAt: at(20).recordedAt });
    const problem = await firstProblem(records, [...checkpoints.slice(0, 3), foreign]);
    expect(problem).toMatchObject({ kind: "forged_checkpoint", seq: 20 });
    expect(problem.message).toContain("unknown key");
  });
});

describe("scopes", () => {
  it("a date range starting mid-chain verifies and says its start is not anchored", async () => {
    const report = await verify(records.slice(6, 14), checkpoints.filter((c) => c.seq >= 6 && c.seq <= 14), "range");
    expect(report.problems).toEqual([]);
    expect(report.sealedThrough).toBe(10);
    expect(report.notes.join(" ")).toMatch(/not anchored/);
  });

  it("a filtered export checks each record alone: a changed field is still caught", async () => {
    const picked = [at(3), at(9), { ...at(14), locale: "en" as const }];
    const report = await verify(picked, [], "filtered");
    expect(report.problems.map((p) => [p.kind, p.seq])).toEqual([["changed", 14]]);
  });

  it("without public keys the chain is checked and the report says signatures were not", async () => {
    const report = await verifyLedger({ ...entriesOf(records, checkpoints), scope: "complete", keys: null });
    expect(report.ok).toBe(true);
    expect(report.notes.join(" ")).toContain("NOT checked");
  });
});
