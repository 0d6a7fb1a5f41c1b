// Idempotent retries. Every consent form a visitor is shown carries a signed, expiring nonce
// (nonce.ts); the ledger's event id is derived from that nonce, the choice posted and the choice
// the browser held before, so the same submission sent twice (a network retry, a double click) is
// one record. A post without a nonce that verifies gets a random event id: it is a new decision,
// never the replay of an old one.
import { sha256Hex } from "../../lib/bytes.ts";
import type { ChoiceStatus } from "./choice-encoding.ts";
import type { ConsentForm } from "./parse-consent-form.ts";

/**
 * The event id of a decision: derived when the form's nonce verified (`signedNonce`),
 * random otherwise.
 */
export async function deriveEventId(
  form: ConsentForm,
  previous: ChoiceStatus,
  signedNonce: boolean,
): Promise<string> {
  if (!form.nonce || !signedNonce) return crypto.randomUUID();
  const before =
    previous.kind === "none"
      ? "none"
      : `${previous.kind}:${previous.choice.consentId}:${previous.choice.decidedAt}`;
  const material = [form.nonce, form.action, form.source, form.ticked.join(","), before].join("|");
  return `e${(await sha256Hex(material)).slice(0, 32)}`;
}
