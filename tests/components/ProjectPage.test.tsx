// ProjectPage shows a project's facts, labels illustrative ones and escapes editors' markup.
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { PageMeta } from "../../components/Layout.tsx";
import { ProjectPage } from "../../components/ProjectPage.tsx";
import { buildVersion } from "../../content/build.ts";
import { kvKeys, type SiteView } from "../../content/views.ts";
import { realBundle } from "../helpers/worker.ts";

const bundle = realBundle();
const built = await buildVersion(bundle);
const siteView = (locale: "it" | "en") =>
  JSON.parse(built.entries.get(kvKeys.site(built.version, locale))!) as SiteView;
const project = (id: string) => bundle.projects.find((p) => p.id === id)!;
const meta: PageMeta = {
  title: "t",
  description: "d",
  canonical: "https://x.test/it/",
  alternates: { it: "https://x.test/it/", en: "https://x.test/en/" },
};

describe("ProjectPage", () => {
  it("shows Life Sciences with its date, responsible person, related items and a video placeholder", () => {
    const html = renderToString(
      <ProjectPage site={siteView("it")} project={project("life-sciences")} meta={meta} />,
    );
    expect(html).toContain("Obiettivo raggiunto il 31/12/2015");
    expect(html).toContain("<strong>Rosario Bifulco</strong>");
    expect(html).toContain("Meet in Italy for Life Sciences 2015");
    expect(html).toContain('data-embed-provider="youtube"');
    expect(html).not.toMatch(/<iframe|youtube\.com|ytimg|googlevideo/);
    expect(html).not.toContain("Testo illustrativo");
  });

  it("labels an illustrative project as such", () => {
    const html = renderToString(
      <ProjectPage site={siteView("en")} project={project("startup-town")} meta={meta} />,
    );
    expect(html).toContain("Illustrative text");
  });

  it("escapes markup that an editor typed into a text field", () => {
    const hostile = { ...project("startup-town") };
    hostile.text = {
      ...hostile.text,
      en: { ...hostile.text.en, title: '<script>alert("x")</script>' },
    };
    const html = renderToString(
      <ProjectPage site={siteView("en")} project={hostile} meta={meta} />,
    );
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script>alert");
  });
});
