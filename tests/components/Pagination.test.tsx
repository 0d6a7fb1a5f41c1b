// Pagination links only what exists: nothing for one page, the neighbours of a middle page.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { Pagination } from "../../components/Pagination.tsx";
import { buildVersion } from "../../content/build.ts";
import { kvKeys, type SiteView } from "../../content/views.ts";
import { realBundle } from "../helpers/worker.ts";

const bundle = realBundle();
const built = await buildVersion(bundle);
const siteView = (locale: "it" | "en") =>
  JSON.parse(built.entries.get(kvKeys.site(built.version, locale))!) as SiteView;

describe("Pagination", () => {
  const strings = siteView("en").strings;
  it("renders nothing for a single page", () => {
    expect(
      renderToString(
        <Pagination page={1} pages={1} hrefFor={(n) => `?page=${n}`} strings={strings} />,
      ),
    ).toBe("");
  });

  it("links the neighbours of a middle page", () => {
    const html = renderToString(
      <Pagination page={2} pages={3} hrefFor={(n) => `/en/?page=${n}`} strings={strings} />,
    );
    expect(html).toContain('href="/en/?page=1" rel="prev"');
    expect(html).toContain('href="/en/?page=3" rel="next"');
    expect(html).toContain("Page 2 of 3");
  });
});
