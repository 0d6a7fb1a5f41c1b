// The one door every consent decision goes through. Nothing sets a consent cookie unless `recordDecision`
// resolved, that is, unless the decision is committed to the consent log (its Durable Object writes D1, worker/ledger/).
import type { Locale } from "../../content/locales.ts";
import { appendConsentRecord } from "../ledger/append.ts";
import type { FormAction } from "./parse-consent-form.ts";
import type { PrivacySignal } from "./privacy-signals.ts";

/** Where the decision was taken: the banner, its X (or Esc), the preferences page, a video's "allow and play". */
export type DecisionMethod = "banner" | "banner_close" | "preferences" | "embed";

/** One decision, as the ledger stores it. No IP address, no user agent, no URL history. */
export type ConsentDecision = {
  /** Random per decision: the idempotency key of the write. */
  eventId: string;
  /** The browser's pseudonymous id: kept across decisions while its signed cookie lasts. */
  consentId: string;
  /** `withdraw` when a valid earlier grant is taken back entirely. */
  action: FormAction | "withdraw";
  /** Every category shown, the technical one included (always true). */
  categories: Record<string, boolean>;
  method: DecisionMethod;
  /** Privacy signals the browser sent with the decision. */
  signals: PrivacySignal[];
  locale: Locale;
  policyVersion: string;
  /** The exact consent texts shown (serialized as shown); the ledger archives them and records their hash. */
  texts: string;
  /** D24: the hash of the banner and preferences markup, stylesheet and script served for this locale and policy. */
  shownHash?: string;
};

/** What the ledger answers once the record is stored. */
export type RecordedDecision = { eventId: string; consentId: string; recordedAt: string };

/**
 * Stores a decision before anyone gets a cookie for it; resolves only after the D1 commit, rejects when it cannot
 * be stored. A post with a stored eventId is that record only while nothing was decided since for its consent id
 * and it says the same; otherwise it is a new record (the cookie follows the record returned).
 */
export async function recordDecision(
  env: Env,
  decision: ConsentDecision,
): Promise<RecordedDecision> {
  const record = await appendConsentRecord(env, decision);
  return { eventId: record.eventId, consentId: record.consentId, recordedAt: record.recordedAt };
}
