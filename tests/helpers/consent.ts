// Fixtures for consent tests: the real consent configuration (or an edited copy) and signed choice cookies.
import { env } from "cloudflare:workers";
import { type ConsentView, buildConsentView } from "../../content/consent-view.ts";
import type { ConsentConfig, Locale } from "../../content/schema.ts";
import type { Choice } from "../../worker/consent/choice.ts";
import { consentCookieName, importConsentKey, sealChoice } from "../../worker/consent/cookie.ts";
import { policyVersionOf, shownCategories } from "../../worker/consent/policy.ts";
import { realBundle } from "./worker.ts";

/** The real content/consent.json, validated, as a copy a test may edit. */
export function consentConfig(edit: (config: ConsentConfig) => void = () => {}): ConsentConfig {
  const config = structuredClone(realBundle().consent);
  edit(config);
  return config;
}

export function consentView(locale: Locale = "it", config: ConsentConfig = consentConfig()): ConsentView {
  return buildConsentView(config, locale, "test", realBundle().strings[locale].dates);
}

/** The policy version the Worker under test uses (no GA measurement id unless given). */
export function currentPolicyVersion(bindings: { GA_MEASUREMENT_ID?: string } = {}): Promise<string> {
  return policyVersionOf(shownCategories(consentView(), bindings));
}

/** A `Cookie` header value carrying a choice signed with the test Worker's CONSENT_SECRET. */
export async function choiceCookie(overrides: Partial<Choice> = {}, secret = (env as { CONSENT_SECRET?: string }).CONSENT_SECRET ?? ""): Promise<string> {
  const choice: Choice = {
    consentId: crypto.randomUUID(),
    policyVersion: await currentPolicyVersion(),
    granted: [],
    decidedAt: Math.floor(Date.now() / 1000),
    ...overrides,
  };
  return `${consentCookieName(env.ENVIRONMENT)}=${await sealChoice(choice, await importConsentKey(secret))}`;
}
