// Error pages for visitors carry the banner too: a choice that was refused or not recorded is asked
// again there. Rendered for each request (never cached), with the same nonce and CSP treatment as
// any page.
import type { ConsentRender } from "../../components/consent/consent-render.ts";
import { pathFor } from "../../content/paths.ts";
import type { Locale } from "../../content/locales.ts";
import { fingerprintConsentScript } from "../assets/consent-asset.ts";
import { deliverPage } from "../cache/deliver.ts";
import { formReturnPath } from "../consent/parse-consent-form.ts";
import { issueViewNonce, nonceKey } from "../consent/nonce.ts";
import { buildConsentRender } from "../consent/build-consent-render.ts";
import { type ConsentSetup, loadConsentSetup } from "../consent/load-consent-setup.ts";
import { readPrivacySignals } from "../consent/privacy-signals.ts";
import { type Visitor, readVisitor } from "../consent/read-visitor.ts";
import { respondToError } from "../http/respond-error.ts";
import type { RequestScope } from "../request-scope.ts";
import { finishPage } from "./finish.ts";

export async function serveErrorPage(
  error: unknown,
  request: Request,
  scope: RequestScope,
): Promise<Response> {
  let shown:
    | { locale: Locale; consent: ConsentRender; setup: ConsentSetup; visitor: Visitor }
    | undefined;
  const consentFor = async (locale: Locale) => {
    const setup = await loadSetup(scope, locale);
    if (!setup) return undefined;
    const url = new URL(request.url);
    // A page answering a POST is the error page of a choice that was refused or not recorded:
    // ask again.
    const isRead = request.method === "GET" || request.method === "HEAD";
    const visitor = isRead
      ? await readVisitor(request, setup, scope.env)
      : { status: { kind: "none" as const }, signals: readPrivacySignals(request.headers) };
    const returnTo = isRead ? formReturnPath(url, locale) : pathFor(locale, { page: "home" });
    const consent = buildConsentRender({
      locale,
      setup,
      visitor,
      returnTo,
      scriptPath: await fingerprintConsentScript(),
      receipt: false,
    });
    shown = { locale, consent, setup, visitor };
    return consent;
  };
  const response = await respondToError(error, request, scope.store, scope.origin, consentFor);
  if (!shown) return response;
  const page = await finishPage(response, shown);
  const issueNonce = () => issueViewNonce(nonceKey(scope.env.CONSENT_SECRET));
  const delivered = deliverPage(page, {
    issueNonce,
    ifNoneMatch: null,
    status: response.status,
    cacheControl: response.headers.get("Cache-Control") ?? "no-store",
  });
  delivered.headers.delete("ETag");
  return delivered;
}

async function loadSetup(scope: RequestScope, locale: Locale): Promise<ConsentSetup | null> {
  try {
    return await loadConsentSetup(scope.store, locale, scope.env);
  } catch (error) {
    // Without its configuration the page cannot ask; it asks nothing and loads nothing third-party.
    console.error(
      JSON.stringify({
        event: "consent_setup_unavailable",
        locale,
        error: (error as Error).message,
      }),
    );
    return null;
  }
}
