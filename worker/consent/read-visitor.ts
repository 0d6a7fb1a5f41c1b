// Reading a visitor's consent state from a request: their signed cookie and their browser's
// privacy signals.
import { type Choice, type ChoiceStatus, judgeChoice } from "./choice-encoding.ts";
import {
  heldConsentKey,
  importConsentKey,
  nameConsentCookie,
  openChoice,
  readCookieValues,
} from "./cookie.ts";
import type { ConsentSetup } from "./load-consent-setup.ts";
import type { Signal } from "../../content/ledger-vocabulary.ts";
import { readPrivacySignals } from "./privacy-signals.ts";

export type Visitor = { status: ChoiceStatus; signals: Signal[] };

/**
 * The choice cookie's HMAC key: a secret binding (`wrangler secret put CONSENT_SECRET`,
 * `.dev.vars` locally).
 */
export type ConsentSecrets = { CONSENT_SECRET?: string };

/**
 * The signing key from the CONSENT_SECRET binding, or null (logged) when it is missing or
 * too short.
 */
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

/**
 * Cookie values already checked, per key: a signature is a pure function of value and key, so its
 * result is kept.
 */
const OPENED = new WeakMap<CryptoKey, Map<string, Choice | null>>();
const MAX_OPENED = 2048;

/**
 * The choice a cookie value carries when its signature is ours, checked once per value and isolate.
 */
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

/**
 * The visitor's choice: the first valid one among their consent cookies, else the first stale one,
 * else none.
 */
export async function readVisitor(
  request: Request,
  setup: Pick<ConsentSetup, "optional" | "policyVersion">,
  env: Env,
  now = Date.now(),
): Promise<Visitor> {
  const signals = readPrivacySignals(request.headers);
  const values = readConsentCookies(request, env);
  const key = values.length > 0 ? await loadConsentKey(env) : null;
  const opened: (Choice | null)[] = [];
  for (const value of key ? values : []) opened.push(await openChoiceOnce(value, key!));
  return { status: judgeCookies(opened, setup, now), signals };
}

/**
 * The same answer as readVisitor without waiting, when nothing is left to check: no consent cookie,
 * or cookies whose signatures this isolate checked already (a returning visitor's every page after
 * the first). Else undefined.
 */
export function readHeldVisitor(
  request: Request,
  setup: Pick<ConsentSetup, "optional" | "policyVersion">,
  env: Env & ConsentSecrets,
  now = Date.now(),
): Visitor | undefined {
  const values = readConsentCookies(request, env);
  const opened: (Choice | null)[] = [];
  if (values.length > 0) {
    const key = heldConsentKey(env.CONSENT_SECRET ?? "");
    const checked = key && OPENED.get(key);
    if (!checked) return undefined;
    for (const value of values) {
      const choice = checked.get(value);
      if (choice === undefined) return undefined;
      opened.push(choice);
    }
  }
  return { status: judgeCookies(opened, setup, now), signals: readPrivacySignals(request.headers) };
}

/**
 * The values of the request's consent cookies, the first four (a browser sends one; more are not
 * worth checking).
 */
function readConsentCookies(request: Request, env: Env): string[] {
  return readCookieValues(request.headers.get("Cookie"), nameConsentCookie(env.ENVIRONMENT)).slice(
    0,
    4,
  );
}

/** The first valid choice among the opened cookies, else the first that is not "none". */
function judgeCookies(
  opened: (Choice | null)[],
  setup: Pick<ConsentSetup, "optional" | "policyVersion">,
  now: number,
): ChoiceStatus {
  let status: ChoiceStatus = { kind: "none" };
  for (const choice of opened) {
    const judged = judgeChoice(
      choice,
      { version: setup.policyVersion, optional: setup.optional },
      Math.floor(now / 1000),
    );
    if (judged.kind === "valid") return judged;
    if (status.kind === "none") status = judged;
  }
  return status;
}
