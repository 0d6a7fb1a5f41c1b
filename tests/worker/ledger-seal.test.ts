// Sealing (signed checkpoints on the cron), retention purge, and the chain verifying from the kept checkpoint.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import worker from "../../worker/index.ts";
import { appendConsentRecord } from "../../worker/ledger/append.ts";
import { runLedgerMaintenance } from "../../worker/ledger/scheduled.ts";
import { sealLedger } from "../../worker/ledger/seal.ts";
import { type LedgerSigner, generateKeyPair, importPublicKeys, importSigner, verifyCheckpointSignature } from "../../worker/ledger/signing.ts";
import { verifyLedger } from "../../worker/ledger/verify.ts";
import { appendAt, clearLedger, decision } from "../helpers/ledger.ts";
import { readLedgerEntries } from "../helpers/ledger-read.ts";

const db = env.LEDGER;
let pair: Awaited<ReturnType<typeof generateKeyPair>>;
let signer: LedgerSigner;
const signedEnv = () => ({ ...env, LEDGER_SIGNING_KEY: pair.privateJwk, LEDGER_RETENTION_DAYS: "30" }) as unknown as Env;
const seqs = async () => (await db.prepare("SELECT seq FROM consent_records ORDER BY seq").all<{ seq: number }>()).results.map((r) => r.seq);

async function verifyStored() {
  const { entries, checkpoints } = await readLedgerEntries(db);
  return verifyLedger({ entries, checkpoints, scope: "complete", keys: await importPublicKeys([pair.publicKey]) });
}

beforeAll(async () => {
  pair = await generateKeyPair();
  signer = await importSigner(pair.privateJwk);
});
beforeEach(() => clearLedger(db));

describe("sealing", () => {
  it("signs the head once per change, with a signature the public key alone verifies", async () => {
    expect(await sealLedger(db, signer)).toBeNull();
    for (let i = 0; i < 3; i++) await appendConsentRecord(db, decision());
    const checkpoint = (await sealLedger(db, signer))!;
    expect(checkpoint.seq).toBe(3);
    expect(await verifyCheckpointSignature(await importPublicKeys([pair.publicKey]), checkpoint)).toBe(true);
    expect(await sealLedger(db, signer)).toBeNull();
    expect((await verifyStored()).sealedThrough).toBe(3);
  });

  it("refuses to sign a chain that does not verify", async () => {
    await appendConsentRecord(db, decision());
    await appendConsentRecord(db, decision());
    // Someone with database access drops the guard and edits a record.
    await db.prepare("DROP TRIGGER consent_records_append_only").run();
    await db.prepare("UPDATE consent_records SET action = 'reject_all' WHERE seq = 1").run();
    await expect(sealLedger(db, signer)).rejects.toThrow(/does not verify.*seq 1/);
    expect(await db.prepare("SELECT COUNT(*) AS n FROM ledger_checkpoints").first("n")).toBe(0);
    await db.prepare("CREATE TRIGGER consent_records_append_only BEFORE UPDATE ON consent_records BEGIN SELECT RAISE(ABORT, 'consent_records is append-only'); END").run();
  });

  it("the cron trigger seals through the Worker's scheduled handler", async () => {
    await appendConsentRecord(db, decision());
    const ctx = createExecutionContext();
    worker.scheduled!(createScheduledController({ cron: "7 * * * *", scheduledTime: Date.now() }), signedEnv(), ctx);
    await waitOnExecutionContext(ctx);
    expect(await db.prepare("SELECT seq FROM ledger_checkpoints").first("seq")).toBe(1);
  });
});

describe("retention", () => {
  const DAY = 86_400_000;
  const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * DAY).toISOString();

  it("purges whole prefixes up to a checkpoint past retention; the rest verifies from that checkpoint", async () => {
    for (const day of [0, 1, 2]) await appendAt(db, at(day), decision());
    await sealLedger(db, signer, new Date(at(2)));
    for (const day of [3, 40]) await appendAt(db, at(day), decision());
    await sealLedger(db, signer, new Date(at(40)));
    await appendAt(db, at(41), decision());
    // 30 days' retention, on day 45: records of days 0–3 are past it, but only 1–3 end at a checkpoint.
    await runLedgerMaintenance(signedEnv(), new Date(at(45)));
    expect(await seqs()).toEqual([4, 5, 6]);
    expect(await db.prepare("SELECT through_seq, records FROM ledger_purges").first()).toEqual({ through_seq: 3, records: 3 });
    const report = await verifyStored();
    expect(report.problems).toEqual([]);
    expect(report.notes.join(" ")).toContain("starts after checkpoint seq 3");
    // The maintenance run sealed seq 6 before purging.
    expect(report.sealedThrough).toBe(6);
  });

  it("keeps numbering after everything was purged, so the chain continues from the last checkpoint", async () => {
    await appendAt(db, at(0), decision());
    await appendAt(db, at(1), decision());
    await runLedgerMaintenance(signedEnv(), new Date(at(100)));
    expect(await seqs()).toEqual([]);
    const next = await appendConsentRecord(db, decision());
    expect(next.seq).toBe(3);
    expect((await verifyStored()).problems).toEqual([]);
  });

  it("purges nothing without a checkpoint to anchor the rest (no signing key)", async () => {
    await appendAt(db, at(0), decision());
    await runLedgerMaintenance({ ...env, LEDGER_RETENTION_DAYS: "30" } as unknown as Env, new Date(at(100)));
    expect(await seqs()).toEqual([1]);
  });

  it("also forgets admin access entries past retention", async () => {
    await db.prepare("INSERT INTO admin_access (at, principal, auth, method, path, query, status, kind) VALUES (?1, 'x', 'token', 'GET', '/admin/', '', 200, 'view')").bind(at(0)).run();
    await runLedgerMaintenance(signedEnv(), new Date(at(100)));
    expect(await db.prepare("SELECT COUNT(*) AS n FROM admin_access").first("n")).toBe(0);
  });
});
