// A freshly rendered page made into what the page cache keeps: its bytes, the offsets of its nonce
// placeholders, the CSP of the consent parts the render placed, and its strong ETag.
import type { ConsentRender } from "../../components/consent/consent-render.ts";
import { pageEtag } from "../cache/etag.ts";
import type { StoredPage } from "../cache/memory.ts";
import { hashGtagBootstrap } from "../consent/gtag.ts";
import { NONCE_FIELD, NONCE_PLACEHOLDER } from "../consent/nonce.ts";
import { planConsent } from "../consent/plan-consent.ts";
import type { ConsentSetup } from "../consent/load-consent-setup.ts";
import type { Visitor } from "../consent/read-visitor.ts";
import type { Locale } from "../../content/locales.ts";
import { contentSecurityPolicy } from "../http/security-headers.ts";
import { type RenderedPage, pageHeaders } from "./respond.ts";

/**
 * How NonceField renders: an attribute value no escaped text can end in, so only our fields match.
 */
const PREFIX = `name="${NONCE_FIELD}" value="`;
const NEEDLE = new TextEncoder().encode(`${PREFIX}${NONCE_PLACEHOLDER}"`);

export type FinishInput = {
  locale: Locale;
  consent: ConsentRender;
  setup: ConsentSetup;
  visitor: Visitor;
};

const ENCODER = new TextEncoder();

/**
 * A visitor's page comes as its HTML (encoded once, no Response made); an error page as the
 * Response it already is.
 */
export async function finishPage(
  rendered: RenderedPage | Response,
  { locale, consent, setup, visitor }: FinishInput,
): Promise<StoredPage> {
  const { body, headers } =
    rendered instanceof Response
      ? await readResponse(rendered)
      : { body: ENCODER.encode(rendered.html), headers: pageHeaders(rendered.headers) };
  headers["content-security-policy"] = await buildConsentCsp(locale, consent, setup, visitor);
  return { body, headers, etag: await pageEtag(body), nonceAt: findPlaceholders(body) };
}

async function readResponse(rendered: Response) {
  const body = new Uint8Array(await rendered.arrayBuffer());
  const headers: Record<string, string> = {};
  // The cache policy and the tag are the delivery's: each view sets them.
  rendered.headers.forEach((value, name) => {
    if (name !== "cache-control" && name !== "etag") headers[name] = value;
  });
  return { body, headers };
}

/**
 * The CSP for exactly what the render placed: the script where a banner or a waiting embed needs
 * it, embeds' frames, analytics.
 */
async function buildConsentCsp(
  locale: Locale,
  consent: ConsentRender,
  setup: ConsentSetup,
  visitor: Visitor,
): Promise<string> {
  const { placed } = consent;
  const parts = {
    locale,
    slot: placed.banner,
    embeds: placed.embeds.length > 0,
    preferences: placed.preferences,
  };
  const plan = planConsent(parts, setup, visitor);
  const scriptSrc = plan.analytics
    ? [...plan.csp.scriptSrc, await hashGtagBootstrap(plan.analytics)]
    : plan.csp.scriptSrc;
  return contentSecurityPolicy({ ...plan.csp, scriptSrc });
}

/**
 * Byte offsets of every nonce placeholder in a nonce field. The search runs on the placeholder's
 * "~", which HTML text hardly holds (escaped text and URLs may, so each hit is checked against the
 * whole field), not on the field's first letter, which is everywhere.
 */
function findPlaceholders(body: Uint8Array): number[] {
  const offsets: number[] = [];
  const tilde = NEEDLE[PREFIX.length]!;
  for (let at = body.indexOf(tilde, PREFIX.length); at >= 0; at = body.indexOf(tilde, at + 1)) {
    const start = at - PREFIX.length;
    if (start + NEEDLE.length > body.length) break;
    let match = true;
    for (let i = 0; i < NEEDLE.length && match; i++) match = body[start + i] === NEEDLE[i];
    if (match) {
      offsets.push(at);
      at += NONCE_PLACEHOLDER.length;
    }
  }
  return offsets;
}
