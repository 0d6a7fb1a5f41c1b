// Turning a submitted form into the decision the ledger records. Pure.
import type { Locale } from "../../content/locales.ts";
import type { ChoiceStatus } from "./choice-encoding.ts";
import type { ConsentForm } from "./parse-consent-form.ts";
import type { Method, Signal } from "../../content/ledger-vocabulary.ts";
import type { ConsentDecision } from "../ledger/record-types.ts";
import type { ConsentSetup } from "./load-consent-setup.ts";

export type DecisionContext = {
  setup: Pick<ConsentSetup, "categories" | "optional" | "policyVersion" | "texts">;
  /** What the browser's cookie said before this decision. */
  previous: ChoiceStatus;
  signals: Signal[];
  locale: Locale;
  /** Fresh random ids: the event's, and the consent id to use when the browser has none of ours. */
  ids: { eventId: string; consentId: string };
};

/**
 * The optional categories a form grants. Saving with nothing ticked, Reject all and the X all
 * grant nothing.
 */
export function collectGrants(form: ConsentForm, optional: readonly string[]): string[] {
  if (form.action === "accept_all") return [...optional];
  if (form.action === "save") return optional.filter((c) => form.ticked.includes(c));
  return [];
}

export function decide(form: ConsentForm, context: DecisionContext): ConsentDecision {
  const { setup, previous } = context;
  const granted = collectGrants(form, setup.optional);
  const hadGranted = previous.kind === "valid" && previous.choice.granted.length > 0;
  return {
    eventId: context.ids.eventId,
    // A signed cookie, even a stale one, is ours: the same browser keeps its id, so its history
    // stays together.
    consentId: previous.kind === "none" ? context.ids.consentId : previous.choice.consentId,
    action: hadGranted && granted.length === 0 ? "withdraw" : form.action,
    categories: Object.fromEntries(
      setup.categories.map((c) => [c.id, c.required || granted.includes(c.id)]),
    ),
    method: pickMethod(form),
    signals: context.signals,
    locale: context.locale,
    policyVersion: setup.policyVersion,
    texts: setup.texts,
  };
}

function pickMethod(form: ConsentForm): Method {
  if (form.action === "close") return "banner_close";
  return form.source;
}
