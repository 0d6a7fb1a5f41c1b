// Fixtures for consent tests: the real consent configuration (or an edited copy) and signed
// choice cookies.
import { env } from "cloudflare:workers";
import { type ConsentView, buildConsentView } from "../../content/consent-view.ts";
import type { ConsentBundle, Locale } from "../../content/schema.ts";
import type { Choice, ChoiceStatus } from "../../worker/consent/choice-encoding.ts";
import { nameConsentCookie, importConsentKey, sealChoice } from "../../worker/consent/cookie.ts";
import { computePolicyVersion, listShownCategories } from "../../worker/consent/policy-version.ts";
import { ORIGIN, realBundle, req } from "./worker.ts";

/** The real content/consent.json, validated, as a copy a test may edit. */
export function consentConfig(edit: (config: ConsentBundle) => void = () => {}): ConsentBundle {
  const config = structuredClone(realBundle().consent);
  edit(config);
  return config;
}

export function consentView(
  locale: Locale = "it",
  config: ConsentBundle = consentConfig(),
): ConsentView {
  return buildConsentView(config, locale, "test", realBundle().strings[locale].dates);
}

/** The binding of a deployment that runs Google Analytics 4. */
export const GA = { GA_MEASUREMENT_ID: "G-TEST12345" };

/**
 * What deciding a form and planning a page read: the Italian view's categories with GA4 on, a
 * policy, no texts.
 */
export function consentSetup() {
  return {
    categories: listShownCategories(consentView(), GA),
    optional: ["analytics", "media"],
    policyVersion: "0123456789ab",
    texts: "{}",
  };
}

/** A valid earlier choice granting `granted`, under the policy of consentSetup(). */
export const validChoice = (granted: string[]): ChoiceStatus => ({
  kind: "valid",
  choice: { consentId: "earlier-consent-id", policyVersion: "0123456789ab", granted, decidedAt: 1 },
});

/** The policy version the Worker under test uses (no GA measurement id unless given). */
export function currentPolicyVersion(
  bindings: { GA_MEASUREMENT_ID?: string } = {},
): Promise<string> {
  return computePolicyVersion(listShownCategories(consentView(), bindings));
}

/** A `Cookie` header value carrying a choice signed with the test Worker's CONSENT_SECRET. */
export async function choiceCookie(
  overrides: Partial<Choice> = {},
  secret = (env as { CONSENT_SECRET?: string }).CONSENT_SECRET ?? "",
): Promise<string> {
  const choice: Choice = {
    consentId: crypto.randomUUID(),
    policyVersion: await currentPolicyVersion(),
    granted: [],
    decidedAt: Math.floor(Date.now() / 1000),
    ...overrides,
  };
  return `${nameConsentCookie(env.ENVIRONMENT)}=${await sealChoice(choice, await importConsentKey(secret))}`;
}

/** `POST /consent` as a browser's form would send it (same origin, form-encoded). */
export function postConsent(
  body: string,
  init: { headers?: Record<string, string>; requester?: typeof req } = {},
): Promise<Response> {
  const send = init.requester ?? req;
  // Browsers send the page a form was on as the Referer (same origin, full URL).
  const from = new URLSearchParams(body).get("return")?.split("#")[0] ?? "/";
  const headers = {
    "Content-Type": "application/x-www-form-urlencoded",
    Origin: ORIGIN,
    "Sec-Fetch-Site": "same-origin",
    Referer: ORIGIN + from,
  };
  return send("POST /consent", { method: "POST", headers: { ...headers, ...init.headers }, body });
}

/**
 * The `name=value` pair of the consent cookie a response sets, for the next request's
 * Cookie header.
 */
export function cookieSet(response: Response): string {
  const line = response.headers
    .getSetCookie()
    .find((l) => l.startsWith(nameConsentCookie(env.ENVIRONMENT)));
  if (!line) throw new Error(`no consent cookie in ${response.status} response`);
  return line.split(";")[0]!;
}

export type Found = { attrs: Record<string, string>; text: string };

const VOID_ELEMENTS = new Set([
  "input",
  "img",
  "br",
  "hr",
  "meta",
  "link",
  "source",
  "area",
  "base",
  "col",
  "embed",
  "track",
  "wbr",
]);

/** The elements of an HTML document that match a selector, with their attributes and text. */
export async function elements(html: string, selector: string): Promise<Found[]> {
  const found: Found[] = [];
  const open: Found[] = [];
  await new HTMLRewriter()
    .on(selector, {
      element(element) {
        const item = {
          attrs: Object.fromEntries(element.attributes as unknown as Iterable<[string, string]>),
          text: "",
        };
        found.push(item);
        if (VOID_ELEMENTS.has(element.tagName)) return;
        open.push(item);
        element.onEndTag(() => void open.splice(open.indexOf(item), 1));
      },
      text(chunk) {
        for (const item of open) item.text += decodeEntities(chunk.text);
      },
    })
    .transform(new Response(html))
    .text();
  return found;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] !== "#") return named[code.toLowerCase()] ?? whole;
    return String.fromCodePoint(
      code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : Number(code.slice(1)),
    );
  });
}
