// One batch of appends, planned without I/O: which decisions are retries of a stored record, the
// new records with their leaves, the tree's new frontier and root. The Durable Object runs it; D1
// then stores the result.
import { leafHashOf, sortedCategories } from "./canonical-record.ts";
import type { ConsentDecision } from "./record-types.ts";
import { type TreeNode, appendToFrontier, rootOfFrontier } from "./merkle-tree.ts";
import type { LogRecord, RecordBody } from "./record-types.ts";

/** What the writer knows of the log: its size, frontier and the latest record time. */
export type LogState = { size: number; frontier: TreeNode[]; lastRecordedAt: string | null };

/** A stored record found by event id, and whether it is still the latest of its consent id. */
export type KnownRecord = { record: RecordBody; latest: boolean };

export type PendingDecision = { decision: ConsentDecision; textsHash: string };

export type BatchPlan = {
  /** For each pending decision, in order: the record it is (new, or the stored one it retries). */
  outcomes: RecordBody[];
  fresh: LogRecord[];
  nodes: TreeNode[];
  state: LogState;
  root: string;
  at: string;
};

/**
 * Plans a batch. A decision whose event id is stored is that record only if the record is still the
 * latest of its consent id and says the same (action, categories, locale, signals); otherwise it is
 * a new decision with a fresh random event id, under the consent id the caller gave (a fresh one
 * for a browser without a cookie).
 */
export async function planBatch(
  state: LogState,
  pending: readonly PendingDecision[],
  known: ReadonlyMap<string, KnownRecord>,
  now: Date,
  newEventId = () => crypto.randomUUID(),
): Promise<BatchPlan> {
  // Time never goes backwards along the log, so a date range is a contiguous run of leaves.
  const at = new Date(
    Math.max(now.getTime(), state.lastRecordedAt ? Date.parse(state.lastRecordedAt) : 0),
  ).toISOString();
  const byEvent = new Map<string, RecordBody>();
  const latest = new Map<string, number>();
  for (const [eventId, k] of known) {
    byEvent.set(eventId, k.record);
    if (k.latest) latest.set(k.record.consentId, k.record.seq);
  }
  const bodies: RecordBody[] = [];
  const outcomes: RecordBody[] = [];
  for (const { decision: d, textsHash } of pending) {
    const stored = byEvent.get(d.eventId);
    if (stored && latest.get(stored.consentId) === stored.seq && sameChoice(stored, d)) {
      outcomes.push(stored);
      continue;
    }
    const body: RecordBody = {
      seq: state.size + bodies.length + 1,
      recordedAt: at,
      eventId: stored ? newEventId() : d.eventId,
      consentId: d.consentId,
      action: d.action,
      method: d.method,
      signals: [...d.signals].sort(),
      categories: sortedCategories(d.categories),
      locale: d.locale,
      policyVersion: d.policyVersion,
      textsHash,
      ...(d.shownHash ? { shownHash: d.shownHash } : {}),
    };
    bodies.push(body);
    outcomes.push(body);
    byEvent.set(body.eventId, body);
    byEvent.set(d.eventId, body);
    latest.set(body.consentId, body.seq);
  }
  const leaves = await Promise.all(bodies.map(leafHashOf));
  const { frontier, nodes } = await appendToFrontier(state.frontier, leaves);
  const fresh = bodies.map((b, i) => ({ ...b, leafHash: leaves[i]! }));
  const size = state.size + bodies.length;
  return {
    outcomes,
    fresh,
    nodes,
    root: await rootOfFrontier(frontier),
    at,
    state: { size, frontier, lastRecordedAt: bodies.length ? at : state.lastRecordedAt },
  };
}

function sameChoice(r: RecordBody, d: ConsentDecision): boolean {
  return (
    r.action === d.action &&
    r.locale === d.locale &&
    JSON.stringify(sortedCategories(r.categories)) ===
      JSON.stringify(sortedCategories(d.categories)) &&
    [...r.signals].sort().join() === [...d.signals].sort().join()
  );
}
