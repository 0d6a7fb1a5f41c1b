// A page for one visitor: their consent state from the cookie, then that state's finished page from
// the cache, or rendered now and kept. A cached hit renders nothing and rewrites nothing: it copies
// bytes and writes a nonce.
import { type ParsedPath, parsePath } from "../../content/paths.ts";
import type { SiteView } from "../../content/views.ts";
import { fingerprintConsentScript } from "../assets/consent-asset.ts";
import { deliverPage } from "../cache/deliver.ts";
import type { StoredPage } from "../cache/memory.ts";
import {
  CACHE_STATUS,
  type PageCache,
  type PageKey,
  createPageCache,
  pageCacheEnabled,
} from "../cache/page-cache.ts";
import { formReturnPath } from "../consent/parse-consent-form.ts";
import { issueViewNonce, nonceKey } from "../consent/nonce.ts";
import { buildConsentRender } from "../consent/build-consent-render.ts";
import {
  type ConsentSetup,
  heldConsentSetup,
  loadConsentSetup,
} from "../consent/load-consent-setup.ts";
import { pickConsentState } from "../consent/pick-consent-state.ts";
import { type Visitor, readHeldVisitor, readVisitor } from "../consent/read-visitor.ts";
import { readPrivacySignals } from "../consent/privacy-signals.ts";
import { createContentStore, readPointerTtl } from "../content/store.ts";
import { readPlainUrl, resolveSiteOrigin } from "../http/canonical-url.ts";
import { HttpError } from "../http/errors.ts";
import type { RequestScope } from "../request-scope.ts";
import { finishPage } from "./finish.ts";
import { renderPage } from "./render-page.ts";
import type { RenderedPage } from "./respond.ts";

/**
 * GET (and HEAD) of a page `parsed` from `url`: 200 or 304, a last good render when KV fails,
 * nothing for an unknown page.
 */
export function servePage(
  request: Request,
  scope: RequestScope,
  url: URL,
  parsed: ParsedPath,
): Response | Promise<Response | undefined> {
  const path = url.pathname + url.search;
  // A page is served on the site's origin only (any other is redirected there first): the
  // request's own.
  const pages = createPageCache({ origin: scope.origin, env: scope.env, ctx: scope.ctx });
  const held = findHeldParts(request, scope, parsed, path);
  return (
    deliverRemembered(request, scope, pages, held) ??
    serveAnyPage(request, scope, url, parsed, path, pages, held)
  );
}

/**
 * A GET of a page on the site's origin, with no query, that this isolate can answer from what it
 * holds, before the URL is even parsed (the router's checks all pass for such a path: right
 * method, right origin, canonical, not a preview); anything else: undefined, and the whole request
 * path runs.
 */
export function serveHeldRequest(
  request: Request,
  env: Env,
  ctx: ExecutionContext,
): Response | undefined {
  if (request.method !== "GET" || !pageCacheEnabled(env)) return undefined;
  const plain = readPlainUrl(request.url);
  if (!plain) return undefined;
  const origin = resolveSiteOrigin(env, plain.origin);
  const parsed = origin === plain.origin ? parsePath(plain.pathname) : null;
  if (!parsed) return undefined;
  const store = createContentStore(env.CONTENT, { pointerTtlSeconds: readPointerTtl(env) });
  const scope = { env, ctx, store, origin };
  const held = findHeldParts(request, scope, parsed, plain.pathname);
  return deliverRemembered(request, scope, createPageCache({ origin, env, ctx }), held);
}

/** The page of the held parts' state when this isolate's memory has it (never a personal page). */
function deliverRemembered(
  request: Request,
  scope: RequestScope,
  pages: PageCache,
  held: HeldParts | undefined,
): Response | undefined {
  const page = held && !held.state.personal ? pages.remembered(held.key) : undefined;
  return page && deliver(request, scope, page, CACHE_STATUS.memory);
}

/**
 * What a page's answer depends on, all of it held by the isolate: derived without a single await.
 */
type HeldParts = {
  site: SiteView;
  setup: ConsentSetup;
  visitor: Visitor;
  state: ReturnType<typeof pickConsentState>;
  key: PageKey;
};

/**
 * The usual request's parts, when this isolate holds the live version's views, the consent setup
 * derived from them and the verdict on the visitor's cookie; anything not held: undefined, and
 * serveAnyPage reads it (same steps, same answer). With the parts, a hit is delivered without an
 * await, and a miss renders without reading them again.
 */
function findHeldParts(
  request: Request,
  scope: RequestScope,
  parsed: ParsedPath,
  path: string,
): HeldParts | undefined {
  const site = scope.store.heldSite(parsed.locale);
  const view = site && scope.store.heldConsent(parsed.locale);
  const setup = view && heldConsentSetup(view, parsed.locale, scope.env);
  const visitor = setup && readHeldVisitor(request, setup, scope.env);
  if (!site || !setup || !visitor) return undefined;
  const state = pickConsentState(visitor, { preferences: parsed.ref.page === "cookies" });
  return { site, setup, visitor, state, key: pageKeyOf(site, setup, state.key, path) };
}

async function serveAnyPage(
  request: Request,
  scope: RequestScope,
  url: URL,
  parsed: ParsedPath,
  path: string,
  pages: PageCache,
  held: HeldParts | undefined,
): Promise<Response | undefined> {
  let site: SiteView;
  let setup: ConsentSetup;
  try {
    site = held?.site ?? (await scope.store.site(parsed.locale));
    setup = held?.setup ?? (await loadConsentSetup(scope.store, parsed.locale, scope.env));
  } catch (error) {
    const asked: Visitor = {
      status: { kind: "none" },
      signals: readPrivacySignals(request.headers),
    };
    return serveLastGood(request, scope, error, () =>
      pages.findLastGood({ state: pickConsentState(asked, { preferences: false }).key, path }),
    );
  }
  const visitor = held?.visitor ?? (await readVisitor(request, setup, scope.env));
  const state =
    held?.state ?? pickConsentState(visitor, { preferences: parsed.ref.page === "cookies" });
  const key = held?.key ?? pageKeyOf(site, setup, state.key, path);
  const found = state.personal || !pages.enabled ? undefined : await pages.find(key);
  if (found) return deliver(request, scope, found.page, found.status);

  const consent = buildConsentRender({
    locale: parsed.locale,
    setup,
    visitor,
    returnTo: formReturnPath(url, parsed.locale),
    scriptPath: await fingerprintConsentScript(),
    receipt: state.personal,
  });
  let rendered: RenderedPage | undefined;
  try {
    rendered = await renderPage(
      {
        url,
        locale: parsed.locale,
        origin: scope.origin,
        store: scope.store,
        site,
        consentState: consent,
      },
      parsed.ref,
      scope.env,
    );
  } catch (error) {
    return serveLastGood(request, scope, error, async () =>
      state.personal ? undefined : pages.findLastGood({ state: state.key, path }),
    );
  }
  if (!rendered) return undefined;
  const page = await finishPage(rendered, { locale: parsed.locale, consent, setup, visitor });
  if (state.personal) return deliver(request, scope, page, CACHE_STATUS.personal);
  pages.keep(key, page);
  return deliver(request, scope, page, pages.enabled ? CACHE_STATUS.miss : CACHE_STATUS.off);
}

/**
 * A page's cache key: the content version, the consent policy (its version and the analytics id it
 * names), the state, the path.
 */
function pageKeyOf(site: SiteView, setup: ConsentSetup, state: string, path: string): PageKey {
  return {
    version: site.version,
    policy: `${setup.policyVersion}.${setup.measurementId ?? ""}`,
    state,
    path,
  };
}

/**
 * KV failed (a 503): the newest render of the path in the visitor's state, if this deploy kept one.
 * When the consent policy itself cannot be read, a cookie cannot be judged, so the visitor is asked
 * again (their answer waits for KV).
 */
async function serveLastGood(
  request: Request,
  scope: RequestScope,
  error: unknown,
  find: () => Promise<StoredPage | undefined>,
) {
  if (!(error instanceof HttpError && error.status === 503)) throw error;
  const kept = await find();
  if (!kept) throw error;
  console.warn(
    JSON.stringify({ event: "page_cache_last_good", path: new URL(request.url).pathname }),
  );
  return deliver(request, scope, kept, CACHE_STATUS.fallback);
}

function deliver(
  request: Request,
  scope: RequestScope,
  page: StoredPage,
  cacheStatus: string,
  status = 200,
): Response {
  const issueNonce = () => issueViewNonce(nonceKey(scope.env.CONSENT_SECRET));
  return deliverPage(page, {
    cacheStatus,
    issueNonce,
    ifNoneMatch: request.headers.get("If-None-Match"),
    status,
  });
}
