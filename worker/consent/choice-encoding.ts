// The visitor's choice as the consent cookie carries it: encoded as short plain text, read back
// strictly. Pure.

/**
 * What a signed consent cookie holds. Technical cookies are always on, so only optional grants
 * are listed.
 */
export type Choice = {
  /**
   * Random, pseudonymous: the key of this browser's records in the ledger and the code on
   * the receipt.
   */
  consentId: string;
  policyVersion: string;
  /** Optional categories granted, in a stable order. */
  granted: string[];
  /** When the choice was made, in whole seconds since the epoch (server time). */
  decidedAt: number;
};

/** Six months, whichever six: a choice lasts at least this long, then the banner asks again. */
export const CHOICE_MAX_AGE_SECONDS = 184 * 24 * 60 * 60;
/** Clocks drift: a choice "from the future" by more than this is not ours. */
const CLOCK_SKEW_SECONDS = 300;

const FORMAT = "1";
const CONSENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const POLICY_VERSION = /^[0-9a-f]{12}$/;
const CATEGORY = /^[a-z][a-z0-9]{0,31}$/;
const SECONDS = /^[1-9][0-9]{0,10}$/;
const MAX_CATEGORIES = 16;

/**
 * The text that gets signed: `1.<consent id>.<policy version>.<granted, joined by ->.<seconds>`.
 */
export function encodeChoice(choice: Choice): string {
  return [
    FORMAT,
    choice.consentId,
    choice.policyVersion,
    [...choice.granted].sort().join("-"),
    choice.decidedAt,
  ].join(".");
}

/** The choice in a payload, or null for anything that is not exactly what `encodeChoice` writes. */
export function decodeChoice(payload: string): Choice | null {
  const parts = payload.split(".");
  if (parts.length !== 5) return null;
  const [format, consentId = "", policyVersion = "", granted = "", seconds = ""] = parts;
  if (
    format !== FORMAT ||
    !CONSENT_ID.test(consentId) ||
    !POLICY_VERSION.test(policyVersion) ||
    !SECONDS.test(seconds)
  )
    return null;
  const categories = granted === "" ? [] : granted.split("-");
  if (categories.length > MAX_CATEGORIES || !categories.every((c) => CATEGORY.test(c))) return null;
  if (
    new Set(categories).size !== categories.length ||
    categories.join("-") !== [...categories].sort().join("-")
  )
    return null;
  return { consentId, policyVersion, granted: categories, decidedAt: Number(seconds) };
}

export type ChoiceStatus =
  | { kind: "none" }
  | { kind: "valid"; choice: Choice }
  /** Signed by us but no longer binding: expired, or made under another policy version. */
  | { kind: "stale"; choice: Choice; reason: "expired" | "policy" };

/** Whether a signed choice still holds for the current policy at `now` (seconds). */
export function judgeChoice(
  choice: Choice | null,
  policy: { version: string; optional: readonly string[] },
  now: number,
): ChoiceStatus {
  if (!choice) return { kind: "none" };
  if (
    choice.decidedAt > now + CLOCK_SKEW_SECONDS ||
    now - choice.decidedAt >= CHOICE_MAX_AGE_SECONDS
  ) {
    return { kind: "stale", choice, reason: "expired" };
  }
  if (
    choice.policyVersion !== policy.version ||
    !choice.granted.every((c) => policy.optional.includes(c))
  ) {
    return { kind: "stale", choice, reason: "policy" };
  }
  return { kind: "valid", choice };
}

/** The optional categories a visitor has granted: none unless their choice is valid. */
export function readGranted(status: ChoiceStatus): readonly string[] {
  return status.kind === "valid" ? status.choice.granted : [];
}
