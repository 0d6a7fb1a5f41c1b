// The consent layer: a consent-neutral HTML page (freshly rendered or from the cache) made into one visitor's page.
import type { RequestScope } from "../router.ts";
import type { Locale } from "../../content/locales.ts";
import { pathFor } from "../../content/paths.ts";
import { contentSecurityPolicy } from "../http/security-headers.ts";
import { fingerprintConsentScript } from "../assets/consent-asset.ts";
import { stampConsentForms } from "./event-id.ts";
import { hashGtagBootstrap } from "./gtag.ts";
import { formReturnPath } from "./form.ts";
import { findConsentParts } from "./parts.ts";
import { planConsent, describeVariant } from "./plan.ts";
import { createConsentRewriter } from "./rewrite.ts";
import { type ConsentSetup, loadConsentSetup } from "./setup.ts";
import { type Visitor, readVisitor } from "./visitor.ts";
import { readPrivacySignals } from "./signal.ts";

/** A page as one visitor gets it; `variant` names what about the visitor changed its bytes ("" for none). */
export type ConsentedPage = { response: Response; variant: string };

export async function applyVisitorConsent(request: Request, page: Response, scope: Pick<RequestScope, "env" | "store">): Promise<ConsentedPage> {
  if (!(page.headers.get("Content-Type") ?? "").startsWith("text/html") || !page.body) return { response: page, variant: "" };
  const html = await page.text();
  const parts = findConsentParts(html);
  const setup = parts.locale && parts.slot ? await loadSetup(scope, parts.locale) : null;
  if (!parts.locale || !setup) return { response: await removeSlot(html, page), variant: "" };
  // A page answering a POST is the error page of a choice that was refused or not recorded: ask again.
  const visitor: Visitor =
    request.method === "GET" || request.method === "HEAD"
      ? await readVisitor(request, setup, scope.env)
      : { status: { kind: "none" }, signals: readPrivacySignals(request.headers) };
  const plan = planConsent(parts, setup, visitor);
  const url = new URL(request.url);
  const returnTo = request.method === "POST" ? pathFor(parts.locale, { page: "home" }) : formReturnPath(url, parts.locale);
  const rewriter = createConsentRewriter({ locale: parts.locale, setup, visitor, plan, returnTo, scriptPath: await fingerprintConsentScript() });
  const response = stampConsentForms(rewriter.transform(new Response(html, page)));
  const scriptSrc = plan.analytics ? [...plan.csp.scriptSrc, await hashGtagBootstrap(plan.analytics)] : plan.csp.scriptSrc;
  response.headers.set("Content-Security-Policy", await contentSecurityPolicy({ ...plan.csp, scriptSrc }));
  return { response, variant: describeVariant(plan, visitor, parts) };
}

async function loadSetup(scope: Pick<RequestScope, "env" | "store">, locale: Locale): Promise<ConsentSetup | null> {
  try {
    return await loadConsentSetup(scope.store, locale, scope.env);
  } catch (error) {
    // Without its configuration the layer cannot ask; the neutral page asks nothing and loads nothing third-party.
    console.error(JSON.stringify({ event: "consent_setup_unavailable", locale, error: (error as Error).message }));
    return null;
  }
}

async function removeSlot(html: string, page: Response): Promise<Response> {
  const rewriter = new HTMLRewriter().on("[data-consent-slot]", {
    element(slot) {
      slot.remove();
    },
  });
  return rewriter.transform(new Response(html, page));
}
