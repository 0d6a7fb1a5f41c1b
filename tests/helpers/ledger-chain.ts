// In-memory ledgers for verifier tests: a chain of records, signed checkpoints, and the entries an export yields.
import { hashRecord } from "../../worker/ledger/canonical.ts";
import { buildChain } from "../../worker/ledger/chain.ts";
import type { Checkpoint, StoredRecord } from "../../worker/ledger/record.ts";
import { type LedgerSigner, generateKeyPair, importPublicKeys, importSigner } from "../../worker/ledger/signing.ts";
import type { CheckpointEntry, LedgerEntry } from "../../worker/ledger/verify-types.ts";
import { decision } from "./ledger.ts";

export type TestKeys = { signer: LedgerSigner; publicKey: string };

export async function testKeys(): Promise<TestKeys> {
  const pair = await generateKeyPair();
  return { signer: await importSigner(pair.privateJwk), publicKey: pair.publicKey };
}

/** `n` chained records, one second apart from 2026-01-01, and a checkpoint after every `every` records. */
export async function testChain(n: number, signer: LedgerSigner, every = 5): Promise<{ records: StoredRecord[]; checkpoints: Checkpoint[] }> {
  const records: StoredRecord[] = [];
  for (let i = 0; i < n; i++) {
    const { texts: _texts, ...d } = decision({ signals: [] });
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    records.push(...(await buildChain(records[i - 1] ?? null, at, [{ ...d, signals: [], textsHash: "ab".repeat(32) }])));
  }
  const checkpoints: Checkpoint[] = [];
  for (const r of records) {
    if (r.seq % every === 0) checkpoints.push(await signer.sign({ seq: r.seq, headHash: r.hash, signedAt: r.recordedAt }));
  }
  return { records, checkpoints };
}

/** Records as lines 2.. of an export, then the checkpoints (line 1 is the header). */
export function entriesOf(records: readonly StoredRecord[], checkpoints: readonly Checkpoint[] = []): { entries: LedgerEntry[]; checkpoints: CheckpointEntry[] } {
  return {
    entries: records.map((record, i) => ({ line: i + 2, seq: record.seq, eventId: record.eventId, prevHash: record.prevHash, hash: record.hash, record })),
    checkpoints: checkpoints.map((checkpoint, i) => ({ line: records.length + 2 + i, checkpoint })),
  };
}

/** The record with its hash recomputed, as a careful forger would leave it. */
export async function rehashed(record: Omit<StoredRecord, "hash">): Promise<StoredRecord> {
  return { ...record, hash: await hashRecord(record.prevHash, record) };
}

export const publicKeysOf = (keys: TestKeys) => importPublicKeys([keys.publicKey]);
