// The render-only floor: the project page rendered with preact-render-to-string on every request, from a site view
// and a project view held in memory (no KV, no consent layer, no cache). bench/lib/floors.ts bundles it with the
// views of content/ and the cached page's headers; an uncached project page should come within 0.9x of it.
import { renderToString } from "preact-render-to-string";
import { ProjectPage } from "../../components/ProjectPage.tsx";
import type { PageMeta } from "../../components/Layout.tsx";
import type { ProjectView, SiteView } from "../../content/views.ts";

export type RenderOnlyInputs = {
  site: SiteView;
  view: ProjectView;
  meta: PageMeta;
  headers: [string, string][];
};

export function createRenderOnlyWorker({ site, view, meta, headers }: RenderOnlyInputs) {
  return {
    fetch(): Response {
      const html = `<!doctype html>${renderToString(<ProjectPage site={site} project={view.project} meta={meta} />)}`;
      return new Response(html, { headers });
    },
  };
}
