// Building the next links of the chain: pure, given the head and the decisions in order.
import { GENESIS_HASH, hashRecord, sortedCategories } from "./canonical.ts";
import type { ParsedRecordInput, RecordBody, StoredRecord } from "./record.ts";

export type ChainLink = { seq: number; hash: string };
export type Decision = Omit<ParsedRecordInput, "texts"> & { textsHash: string };

/** Records for `decisions`, numbered and hashed after `head` (genesis when null), all stamped `recordedAt`. */
export async function buildChain(head: ChainLink | null, recordedAt: string, decisions: readonly Decision[]): Promise<StoredRecord[]> {
  const records: StoredRecord[] = [];
  let prev: ChainLink = head ?? { seq: 0, hash: GENESIS_HASH };
  for (const d of decisions) {
    const body: RecordBody = {
      seq: prev.seq + 1,
      recordedAt,
      eventId: d.eventId,
      consentId: d.consentId,
      action: d.action,
      method: d.method,
      signals: [...d.signals].sort(),
      categories: sortedCategories(d.categories),
      locale: d.locale,
      policyVersion: d.policyVersion,
      textsHash: d.textsHash,
    };
    const record = { ...body, prevHash: prev.hash, hash: await hashRecord(prev.hash, body) };
    records.push(record);
    prev = record;
  }
  return records;
}
