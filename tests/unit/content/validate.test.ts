// The real content/ matches the public record, and validation names the file, field and reason.
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../../content/schema.ts";
import { type ContentFile, validateContent } from "../../../content/validate.ts";
import { CONTENT_FILES } from "../../helpers/content.ts";
import { realBundle } from "../../helpers/worker.ts";

/** content/ with one file's JSON replaced by `edit(json)`. */
function withEdit(path: string, edit: (json: any) => void): ContentFile[] {
  return CONTENT_FILES.map((file) => {
    if (file.path !== path) return file;
    const json = JSON.parse(file.text);
    edit(json);
    return { path, text: JSON.stringify(json) };
  });
}

const problemsOf = (files: ContentFile[]) => {
  const result = validateContent(files);
  return result.ok ? [] : result.problems;
};

// The real content/ matches the public record (50 projects, 21 achieved), and validation names the
// file, field and reason an editor must fix.
describe("the real content", () => {
  const bundle = realBundle();

  it("has the plan's 50 projects in its four chapters, numbered 1 to 50", () => {
    expect(bundle.projects).toHaveLength(50);
    expect(bundle.projects.map((p) => p.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    const chapters = bundle.plan.chapters.map((c) => c.id);
    for (const chapter of chapters)
      expect(bundle.projects.some((p) => p.chapter === chapter)).toBe(true);
  });

  it("documents only Life Sciences in full and marks every other project illustrative", () => {
    const documented = bundle.projects.filter((p) => !p.illustrative);
    expect(documented.map((p) => p.id)).toEqual(["life-sciences"]);
    const lifeSciences = documented[0]!;
    expect(lifeSciences.status).toEqual({ state: "achieved", date: "2015-12-31" });
    expect(lifeSciences.responsible).toBe("Rosario Bifulco");
    expect(lifeSciences.related.length).toBeGreaterThanOrEqual(2);
    expect(lifeSciences.media).toHaveLength(1);
  });

  it("matches the public record: 21 projects achieved by February 2016", () => {
    const achieved = bundle.projects.filter(
      (p) => p.status.state === "achieved" && p.status.date <= "2016-02-29",
    );
    expect(achieved).toHaveLength(21);
  });

  it("has every project's text in both languages with distinct slugs", () => {
    for (const locale of LOCALES) {
      const slugs = bundle.projects.map((p) => p.text[locale].slug);
      expect(new Set(slugs).size).toBe(50);
    }
  });
});

describe("validation reports what an editor must fix: file, field, why", () => {
  it("a UI string missing in one locale", () => {
    const files = withEdit("strings.json", (json) => delete json.en.project.objective);
    expect(problemsOf(files)).toContainEqual({
      file: "strings.json",
      field: "en.project.objective",
      message: expect.stringMatching(/expected string/),
    });
  });

  it("a project missing its English text", () => {
    const files = withEdit("projects/07-life-sciences.json", (json) => delete json.text.en);
    expect(problemsOf(files)).toContainEqual(
      expect.objectContaining({ file: "projects/07-life-sciences.json", field: "text.en" }),
    );
  });

  it("a slug used twice in the same locale", () => {
    const files = withEdit("projects/02-burocrazia-semplice.json", (json) => {
      json.text.it.slug = "milano-citta-della-life-sciences";
    });
    expect(problemsOf(files)).toContainEqual({
      file: "projects/07-life-sciences.json",
      field: "text.it.slug",
      message:
        'it slug "milano-citta-della-life-sciences" is already used by projects/02-burocrazia-semplice.json',
    });
  });

  it("an impossible date, a plain-http link and a chapter that does not exist, all at once", () => {
    const files = withEdit("projects/07-life-sciences.json", (json) => {
      json.status.date = "2015-02-30";
      json.related[0].url = "http://www.assolombarda.it/";
      json.chapter = "sport";
    });
    const fields = problemsOf(files).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(["status.date", "related.0.url", "chapter"]));
  });

  it("a file that is not JSON", () => {
    const files = CONTENT_FILES.map((f) => (f.path === "plan.json" ? { ...f, text: "{ oops" } : f));
    expect(problemsOf(files)).toContainEqual(
      expect.objectContaining({ file: "plan.json", field: "(json)" }),
    );
  });
});
