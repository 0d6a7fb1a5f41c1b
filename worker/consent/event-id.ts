// Idempotent retries. Every consent form a visitor is shown carries a random nonce; the ledger's event id is
// derived from that nonce, the choice posted and the choice the browser held before. The same submission sent
// twice (a network retry, a double click, a resubmitted page) is one record; any other decision is a new one.
import { sha256Hex } from "../ledger/canonical.ts";
import type { ChoiceStatus } from "./choice.ts";
import type { ConsentForm } from "./form.ts";

export const NONCE_FIELD = "event";
/** The same alphabet and bounds as the ledger's ids. */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Adds a fresh nonce to every consent form of a page, including those the consent layer just inserted. */
export function stampConsentForms(page: Response, nonce: string = crypto.randomUUID()): Response {
  return new HTMLRewriter()
    .on('form[action="/consent"]', {
      element(form) {
        form.prepend(`<input type="hidden" name="${NONCE_FIELD}" value="${nonce}">`, { html: true });
      },
    })
    .transform(page);
}

/** The event id of a decision: derived when the form carried a nonce, random otherwise (e.g. a hand-made post). */
export async function deriveEventId(form: ConsentForm, previous: ChoiceStatus): Promise<string> {
  if (!form.nonce) return crypto.randomUUID();
  const before = previous.kind === "none" ? "none" : `${previous.kind}:${previous.choice.consentId}:${previous.choice.decidedAt}`;
  const material = [form.nonce, form.action, form.source, form.ticked.join(","), before].join("|");
  return `e${(await sha256Hex(material)).slice(0, 32)}`;
}
