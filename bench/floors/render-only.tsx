// The render-only floor: the project page as a visitor without a choice receives it (banner
// included), rendered with preact-render-to-string on every request from views held in memory: no
// KV, no cache, no ETag, no CSP of its own, no nonce. bench/lib/floors.ts bundles it with the views
// of content/ and the cached page's headers; bench/lib/throughput.ts checks that it sends the
// site's bytes (but for the nonce) before measuring anything.
import { renderToString } from "preact-render-to-string";
import { ProjectPage } from "../../components/ProjectPage.tsx";
import type { ConsentView } from "../../content/consent-view.ts";
import type { ProjectView, SiteView } from "../../content/views.ts";
import type { ContentStore } from "../../worker/content/store.ts";
import { fingerprintConsentScript } from "../../worker/assets/consent-asset.ts";
import { buildConsentRender } from "../../worker/consent/build-consent-render.ts";
import { type ConsentSetup, loadConsentSetup } from "../../worker/consent/load-consent-setup.ts";
import { projectMeta } from "../../worker/pages/project.ts";

export type RenderOnlyInputs = {
  site: SiteView;
  view: ProjectView;
  consent: ConsentView;
  /** The site's origin, which the page's absolute links carry. */
  origin: string;
  /** The path the banner's forms come back to, as the site gives it. */
  returnTo: string;
  headers: [string, string][];
};

type Prepared = { setup: ConsentSetup; scriptPath: string };

export function createRenderOnlyWorker({
  site,
  view,
  consent,
  origin,
  returnTo,
  headers,
}: RenderOnlyInputs) {
  // Derived once (the policy's version and the script's fingerprint are hashes), then held
  // as values.
  let prepared: Prepared | undefined;
  const prepare = async (): Promise<Prepared> => {
    const store = { consent: async () => consent } as unknown as ContentStore;
    const setup = await loadConsentSetup(store, "it", {} as Env);
    return { setup, scriptPath: await fingerprintConsentScript() };
  };
  return {
    async fetch(): Promise<Response> {
      prepared ??= await prepare();
      const consentState = buildConsentRender({
        locale: "it",
        setup: prepared.setup,
        visitor: { status: { kind: "none" }, signals: [] },
        returnTo,
        scriptPath: prepared.scriptPath,
        receipt: false,
      });
      const meta = projectMeta({ origin, locale: "it", site }, view.project);
      const page = (
        <ProjectPage site={site} project={view.project} meta={meta} consentState={consentState} />
      );
      return new Response(`<!doctype html>${renderToString(page)}`, { headers });
    },
  };
}
