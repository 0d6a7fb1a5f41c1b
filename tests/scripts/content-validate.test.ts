// The rules across files that content:validate adds to the schema: each names file and field.
import { beforeAll, describe, expect, it } from "vitest";
import { type ContentFile, validateContent } from "../../content/validate.ts";
import { readContentFiles } from "../../scripts/lib/content-files.ts";

const TODAY = "2026-11-25";
let files: ContentFile[];

beforeAll(async () => {
  files = await readContentFiles();
});

/**
 * content/ with one file changed by `edit`, or renamed to `rename`; the problems the
 * validator reports.
 */
function problemsAfter(path: string, edit: (json: any) => void = () => {}, rename = path) {
  const changed = files.map((file) => {
    if (file.path !== path) return file;
    const json = JSON.parse(file.text);
    edit(json);
    return { path: rename, text: JSON.stringify(json) };
  });
  const result = validateContent(changed, { today: TODAY });
  return result.ok ? [] : result.problems;
}

const LIFE_SCIENCES = "projects/07-life-sciences.json";

// The rules across files that content:validate adds to the schema: each problem names the file and
// the field.
describe("rules across files", () => {
  it("content/ as committed has no problem", () => {
    expect(validateContent(files, { today: TODAY }).problems).toEqual([]);
  });

  it("a date in the future", () => {
    expect(problemsAfter(LIFE_SCIENCES, (json) => (json.related[1].date = "2027-01-31"))).toEqual([
      { file: LIFE_SCIENCES, field: "related.1.date", message: "2027-01-31 is in the future" },
    ]);
  });

  it("a project achieved before the plan was presented", () => {
    expect(problemsAfter(LIFE_SCIENCES, (json) => (json.status.date = "2013-01-31"))).toEqual([
      {
        file: LIFE_SCIENCES,
        field: "status.date",
        message: "2013-01-31 is before the plan was presented (2013-12-18)",
      },
    ]);
  });

  it("a file whose name does not match the project's number and id", () => {
    expect(problemsAfter(LIFE_SCIENCES, undefined, "projects/7-scienze.json")).toEqual([
      {
        file: "projects/7-scienze.json",
        field: "(file name)",
        message: 'project 7 "life-sciences" belongs in projects/07-life-sciences.json',
      },
    ]);
  });

  it("a duplicate slug is reported even when the file has other, schema problems", () => {
    const problems = problemsAfter("projects/02-burocrazia-semplice.json", (json) => {
      json.text.en.slug = "milan-city-of-life-sciences";
      json.text.en.title = "";
    });
    expect(problems).toEqual([
      {
        file: "projects/02-burocrazia-semplice.json",
        field: "text.en.title",
        message: "must not be empty",
      },
      {
        file: LIFE_SCIENCES,
        field: "text.en.slug",
        message:
          'en slug "milan-city-of-life-sciences" is already used by projects/02-burocrazia-semplice.json',
      },
    ]);
  });

  it("a field the schema rejected gets one message, not a second from the rules across files", () => {
    expect(
      problemsAfter(LIFE_SCIENCES, (json) => (json.chapter = "sport")).map((p) => p.field),
    ).toEqual(["chapter"]);
  });
});
