// Record-level checks: each record against its own hash, and the file order against the chain order.
import { hashRecord } from "./canonical.ts";
import { type LedgerEntry, type Problem, describeEntry } from "./verify-types.ts";

/** Hashes computed at once; WebCrypto runs them concurrently, several times faster than one by one. */
const HASH_BATCH = 512;

/** Records whose content no longer matches their hash, or that do not parse. */
export async function findChangedRecords(entries: readonly LedgerEntry[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (let i = 0; i < entries.length; i += HASH_BATCH) {
    const batch = entries.slice(i, i + HASH_BATCH);
    const hashes = await Promise.all(batch.map((e) => (e.record ? hashRecord(e.record.prevHash, e.record) : null)));
    batch.forEach((e, j) => {
      if (!e.record) problems.push(problem(e, `${describeEntry(e)} is malformed (${e.issue ?? "unreadable"}): it was changed`));
      else if (hashes[j] !== e.record.hash) problems.push(problem(e, `${describeEntry(e)} does not match its hash: a field was changed`));
    });
  }
  return problems;
}

/**
 * Records out of seq order in the file. The records that stay in order form the longest increasing run of seqs;
 * every other record was moved.
 */
export function findReorderedRecords(entries: readonly LedgerEntry[]): Problem[] {
  const kept = longestIncreasingRun(entries.map((e) => e.seq));
  const count = new Map<number, number>();
  for (const e of entries) count.set(e.seq, (count.get(e.seq) ?? 0) + 1);
  // A repeated seq is an insertion, which the link check names more precisely.
  return entries.flatMap((e, i) =>
    kept.has(i) || !Number.isFinite(e.seq) || count.get(e.seq)! > 1
      ? []
      : [{ kind: "reordered" as const, line: e.line, seq: e.seq, eventId: e.eventId, message: `${describeEntry(e)} is out of order: records were reordered` }],
  );
}

function problem(e: LedgerEntry, message: string): Problem {
  return { kind: "changed", line: e.line, seq: e.seq, eventId: e.eventId, message };
}

/** Indices of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const run = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i]!) run.add(i);
  return run;
}
