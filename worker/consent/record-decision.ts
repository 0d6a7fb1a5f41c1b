// The one door every consent decision goes through. Nothing sets a consent cookie unless
// `recordDecision` resolved, that is, unless the decision is committed to the consent log (its
// Durable Object writes D1, worker/ledger/).
import { appendConsentRecord } from "../ledger/append.ts";
import type { ConsentDecision } from "../ledger/record-types.ts";

/** What the ledger answers once the record is stored. */
export type RecordedDecision = { eventId: string; consentId: string; recordedAt: string };

/**
 * Stores a decision before anyone gets a cookie for it; resolves only after the D1 commit, rejects
 * when it cannot be stored. A post with a stored eventId is that record only while nothing was
 * decided since for its consent id and it says the same; otherwise it is a new record (the cookie
 * follows the record returned).
 */
export async function recordDecision(
  env: Env,
  decision: ConsentDecision,
): Promise<RecordedDecision> {
  const record = await appendConsentRecord(env, decision);
  return { eventId: record.eventId, consentId: record.consentId, recordedAt: record.recordedAt };
}
