// Reading a visitor's consent state from a request: their signed cookie and their browser's privacy signals.
import { type Choice, type ChoiceStatus, judgeChoice } from "./choice-encoding.ts";
import { nameConsentCookie, importConsentKey, openChoice, readCookieValues } from "./cookie.ts";
import type { ConsentSetup } from "./load-consent-setup.ts";
import type { Signal } from "../../content/ledger-vocabulary.ts";
import { readPrivacySignals } from "./privacy-signals.ts";

export type Visitor = { status: ChoiceStatus; signals: Signal[] };

/** The choice cookie's HMAC key: a secret binding (`wrangler secret put CONSENT_SECRET`, `.dev.vars` locally). */
export type ConsentSecrets = { CONSENT_SECRET?: string };

/** The signing key from the CONSENT_SECRET binding, or null (logged) when it is missing or too short. */
export async function loadConsentKey(env: Env & ConsentSecrets): Promise<CryptoKey | null> {
  try {
    return await importConsentKey(env.CONSENT_SECRET ?? "");
  } catch (error) {
    console.error(
      JSON.stringify({ event: "consent_secret_unusable", error: (error as Error).message }),
    );
    return null;
  }
}

/** Cookie values already checked, per key: a signature is a pure function of value and key, so its result is kept. */
const OPENED = new WeakMap<CryptoKey, Map<string, Choice | null>>();
const MAX_OPENED = 2048;

/** The choice a cookie value carries when its signature is ours, checked once per value and isolate. */
async function openChoiceOnce(value: string, key: CryptoKey): Promise<Choice | null> {
  let opened = OPENED.get(key);
  if (!opened) OPENED.set(key, (opened = new Map()));
  const kept = opened.get(value);
  if (kept !== undefined) return kept;
  const choice = await openChoice(value, key);
  if (opened.size >= MAX_OPENED) opened.delete(opened.keys().next().value!);
  opened.set(value, choice);
  return choice;
}

/** The visitor's choice: the first valid one among their consent cookies, else the first stale one, else none. */
export async function readVisitor(
  request: Request,
  setup: Pick<ConsentSetup, "optional" | "policyVersion">,
  env: Env,
  now = Date.now(),
): Promise<Visitor> {
  const signals = readPrivacySignals(request.headers);
  const values = readCookieValues(
    request.headers.get("Cookie"),
    nameConsentCookie(env.ENVIRONMENT),
  );
  const key = values.length > 0 ? await loadConsentKey(env) : null;
  let status: ChoiceStatus = { kind: "none" };
  for (const value of key ? values.slice(0, 4) : []) {
    const judged = judgeChoice(
      await openChoiceOnce(value, key!),
      { version: setup.policyVersion, optional: setup.optional },
      Math.floor(now / 1000),
    );
    if (judged.kind === "valid") return { status: judged, signals };
    if (status.kind === "none") status = judged;
  }
  return { status, signals };
}
