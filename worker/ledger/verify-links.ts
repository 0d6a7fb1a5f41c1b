// Chain-level checks on records in seq order: each record must link to the one before it.
import { type LedgerEntry, type Problem, type ProblemKind, describeEntry } from "./verify-types.ts";

/** Where the chain under check starts: genesis, a checkpoint, or (unanchored) the first record's own prevHash. */
export type ChainAnchor = { seq: number; hash: string };

/**
 * Walks the records in seq order and explains every broken link:
 * a record that does not belong (inserted), records missing (deleted), or a record re-hashed after a change.
 * `sealed` holds head hashes that valid checkpoints vouch for: such a record is never the one to blame.
 */
export function findBrokenLinks(sorted: readonly LedgerEntry[], anchor: ChainAnchor | null, sealed: ReadonlySet<string> = new Set()): Problem[] {
  const known = new Set(sorted.map((e) => e.hash));
  const problems: Problem[] = [];
  const inserted = new Set<LedgerEntry>();
  let pred: ChainAnchor | LedgerEntry | null = anchor;
  for (let i = 0; i < sorted.length; i++) {
    const cur = sorted[i]!;
    const next = sorted[i + 1];
    if (!pred || links(pred, cur)) {
      pred = cur;
      continue;
    }
    if (next && links(pred, next)) {
      // cur sits between two records that link to each other: it was inserted. Keep pred.
      inserted.add(cur);
      problems.push(at(cur, "inserted", `${describeEntry(cur)} was inserted: the record after it links to the one before it`));
      continue;
    }
    const before = sorted[i - 2];
    if (isEntry(pred) && !inserted.has(pred) && before && cur.prevHash === before.hash) {
      // pred claims cur's place (it links to `before` too): pred was inserted.
      problems.push(at(pred, "inserted", `${describeEntry(pred)} was inserted: the record after it links to the one before it`));
    } else if (known.has(cur.prevHash)) {
      problems.push(at(cur, "changed", `${describeEntry(cur)} links to another record than the one before it: its link was changed`));
    } else if (cur.seq > pred.seq + 1) {
      const missing = cur.seq - pred.seq - 1;
      const range = missing === 1 ? `seq ${pred.seq + 1} is` : `seq ${pred.seq + 1}–${cur.seq - 1} (${missing} records) are`;
      problems.push(at(cur, "deleted", `${describeEntry(cur)} follows a deletion: ${range} missing`));
    } else if (isEntry(pred) && !sealed.has(pred.hash)) {
      problems.push(at(pred, "changed", `${describeEntry(pred)} was changed and re-hashed: the next record no longer links to it`));
    } else {
      problems.push(at(cur, "changed", `${describeEntry(cur)} does not link to the signed record before it: it was changed or inserted`));
    }
    pred = cur;
  }
  return problems;
}

function links(pred: ChainAnchor | LedgerEntry, cur: LedgerEntry): boolean {
  return cur.prevHash === pred.hash && cur.seq === pred.seq + 1;
}

function isEntry(x: ChainAnchor | LedgerEntry): x is LedgerEntry {
  return "line" in x;
}

function at(e: LedgerEntry, kind: ProblemKind, message: string): Problem {
  return { kind, line: e.line, seq: e.seq, eventId: e.eventId, message };
}
