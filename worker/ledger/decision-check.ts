// Validating a decision before it is appended, without zod (it runs in the Durable Object and on
// POST /consent).
import { ACTIONS, METHODS, SIGNALS, type Signal } from "../../content/ledger-vocabulary.ts";
import { LOCALES } from "../../content/locales.ts";
import {
  CATEGORY_NAME,
  type ConsentDecision,
  type DecisionInput,
  LEDGER_ID,
  MAX_TEXTS_BYTES,
  POLICY_VERSION,
} from "./record-types.ts";

/** The decision with defaults applied, or the first problem as "field: why". */
export function checkDecision(
  raw: unknown,
): { ok: true; value: ConsentDecision } | { ok: false; problem: string } {
  const d = (raw ?? {}) as Record<string, unknown>;
  const fail = (problem: string) => ({ ok: false as const, problem });
  if (!isText(d.eventId, LEDGER_ID)) return fail("eventId: must be 8-64 letters, digits, - or _");
  if (!isText(d.consentId, LEDGER_ID))
    return fail("consentId: must be 8-64 letters, digits, - or _");
  if (!ACTIONS.includes(d.action as never))
    return fail(`action: must be one of ${ACTIONS.join(", ")}`);
  if (!METHODS.includes(d.method as never))
    return fail(`method: must be one of ${METHODS.join(", ")}`);
  if (!LOCALES.includes(d.locale as never))
    return fail(`locale: must be one of ${LOCALES.join(", ")}`);
  if (!isText(d.policyVersion, POLICY_VERSION))
    return fail("policyVersion: must be 1-32 letters, digits, . - or _");
  const categories = d.categories as Record<string, unknown> | null;
  if (typeof categories !== "object" || categories === null || Array.isArray(categories))
    return fail("categories: must be an object");
  const names = Object.keys(categories);
  if (names.length < 1 || names.length > 16)
    return fail("categories: must name 1 to 16 categories");
  for (const name of names) {
    if (!CATEGORY_NAME.test(name))
      return fail(`categories.${name.slice(0, 40)}: must be a lowercase category name`);
    if (typeof categories[name] !== "boolean")
      return fail(`categories.${name}: must be true or false`);
  }
  const signals = d.signals ?? [];
  if (
    !Array.isArray(signals) ||
    signals.length > SIGNALS.length ||
    !signals.every((s) => SIGNALS.includes(s as never)) ||
    new Set(signals).size !== signals.length
  ) {
    return fail(`signals: must list distinct values of ${SIGNALS.join(", ")}`);
  }
  if (typeof d.texts !== "string" || d.texts.length < 1 || d.texts.length > MAX_TEXTS_BYTES)
    return fail("texts: must be 1 to 262144 characters");
  if (
    d.shownHash !== undefined &&
    !(typeof d.shownHash === "string" && /^[0-9a-f]{64}$/.test(d.shownHash))
  )
    return fail("shownHash: must be a SHA-256 hex digest");
  return {
    ok: true,
    value: {
      ...(d as DecisionInput),
      categories: categories as Record<string, boolean>,
      signals: signals as Signal[],
      texts: d.texts,
    },
  };
}

function isText(value: unknown, pattern: RegExp): value is string {
  return typeof value === "string" && pattern.test(value);
}
