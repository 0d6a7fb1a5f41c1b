// npm run content:schema: JSON Schemas up to date, named by every file, read as VS Code reads them.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type ASTNode,
  type Diagnostic,
  type JSONDocument,
  type JSONSchema,
  TextDocument,
  getLanguageService,
} from "../tools/json-language.ts";
import {
  JSON_SCHEMAS,
  SCHEMA_DIR,
  generateJsonSchemas,
  schemaRefFor,
} from "../../content/json-schema.ts";
import { formatProblem, validateContent } from "../../content/validate.ts";
import { CONTENT_DIR, readContentFiles } from "../../scripts/lib/content-files.ts";
import { runScript } from "../helpers/editor-cli.ts";

const TODAY = "2026-12-01";
const STALE = "stale: run npm run content:schema and commit the result";

async function editorService() {
  const schemas = await Promise.all(
    JSON_SCHEMAS.map(async ({ file }) => ({
      uri: `file://${CONTENT_DIR}${SCHEMA_DIR}${file}`,
      schema: JSON.parse(await readFile(join(CONTENT_DIR, SCHEMA_DIR, file), "utf8")) as JSONSchema,
    })),
  );
  const service = getLanguageService({
    workspaceContext: {
      resolveRelativePath: (relative, resource) => new URL(relative, resource).href,
    },
    // Only the checked-in schema files, as the editor resolves the relative `$schema` of a
    // content file.
    schemaRequestService: async (uri) => {
      const found = schemas.find((s) => s.uri === uri);
      if (!found) throw new Error(`unexpected schema request ${uri}`);
      return JSON.stringify(found.schema);
    },
  });
  /** What the editor underlines in a file: each diagnostic's message and the field it is on. */
  return async (path: string, text: string): Promise<{ field: string; message: string }[]> => {
    const document = TextDocument.create(`file://${CONTENT_DIR}${path}`, "json", 1, text);
    const json = service.parseJSONDocument(document);
    const diagnostics: Diagnostic[] = await service.doValidation(document, json, {
      schemaValidation: "error",
    });
    return diagnostics.map((d) => ({
      field: fieldAt(json, document.offsetAt(d.range.start)),
      message: typeof d.message === "string" ? d.message : d.message.value,
    }));
  };
}

/** The field a diagnostic underlines, named as the validator names fields (`related.0.url`). */
function fieldAt(document: JSONDocument, offset: number): string {
  const path: (string | number)[] = [];
  let node: ASTNode | undefined = document.getNodeFromOffset(offset, true);
  // An object's own diagnostics (a missing property) start at its brace: name the object, not its
  // parent's key.
  while (node?.parent) {
    const parent: ASTNode = node.parent;
    if (parent.type === "property" && parent.valueNode === node) path.unshift(parent.keyNode.value);
    if (parent.type === "property" && parent.keyNode === node) path.unshift(parent.keyNode.value);
    if (parent.type === "array") path.unshift(parent.items.indexOf(node));
    node = parent.type === "property" ? parent.parent : parent;
  }
  return path.join(".");
}

// The JSON Schemas editors' programs check content with: up to date with content/schema.ts, named
// by every content file, and read the way VS Code reads them (its own JSON language service), with
// the validator's messages.
describe("JSON Schemas of the content files", () => {
  it("are what content/schema.ts generates today", async () => {
    for (const [file, text] of generateJsonSchemas()) {
      const onDisk = await readFile(join(CONTENT_DIR, SCHEMA_DIR, file), "utf8").catch(
        () => "(missing)",
      );
      expect(onDisk, `${SCHEMA_DIR}${file} is ${STALE}`).toBe(text);
    }
  });

  it("are named by every content file's $schema, which the validator ignores", async () => {
    const files = (await readContentFiles()).filter((f) => !f.path.startsWith(SCHEMA_DIR));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      expect(
        (JSON.parse(file.text) as { $schema?: string }).$schema,
        `${file.path}: $schema is ${STALE}`,
      ).toBe(schemaRefFor(file.path));
    }
    expect(validateContent(files, { today: TODAY }).problems).toEqual([]);
  });

  it("are associated in .vscode/settings.json with the files they check", async () => {
    const settings = JSON.parse(
      await readFile(join(CONTENT_DIR, "../.vscode/settings.json"), "utf8"),
    ) as {
      "json.schemas": { fileMatch: string[]; url: string }[];
    };
    expect(settings["json.schemas"]).toEqual(
      JSON_SCHEMAS.map(({ file, matches }) => ({
        fileMatch: matches.map((m) => `/content/${m}`),
        url: `./content/${SCHEMA_DIR}${file}`,
      })),
    );
  });

  it("raise nothing in the editor on the content as it is", async () => {
    const check = await editorService();
    for (const file of await readContentFiles()) {
      if (file.path.startsWith(SCHEMA_DIR)) continue;
      expect(
        (await check(file.path, file.text)).map((d) => d.message),
        file.path,
      ).toEqual([]);
    }
  });

  it("underline an editor's typos where the validator reports them, with the validator's words", async () => {
    const path = "projects/07-life-sciences.json";
    const project = JSON.parse(await readFile(join(CONTENT_DIR, path), "utf8"));
    project.status.date = "2015-13-45";
    project.related[0].url = "http://www.assolombarda.it/";
    project.text.it.slug = "Life Sciences";
    project.text.en.summary = "   ";
    project.number = "7";
    delete project.text.en.objective;
    project.text.en.objectve = "typo";
    const text = JSON.stringify(project, null, 2);

    const problems = validateContent(
      [...(await readContentFiles()).filter((f) => f.path !== path), { path, text }],
      { today: TODAY },
    ).problems.filter((p) => p.file === path);
    const seen = (await (await editorService())(path, text)).map((d) => `${d.field}: ${d.message}`);

    // Every field the validator names is underlined, and where a JSON Schema can say why, in the
    // same words.
    for (const field of ["status.date", "related.0.url", "text.it.slug", "text.en.summary"]) {
      const problem = problems.find((p) => p.field === field);
      expect(problem, `the validator reports ${field}`).toBeDefined();
      expect(seen, formatProblem(problem!)).toContain(`${field}: ${problem!.message}`);
    }
    expect(seen.some((s) => s.startsWith("number: ") && /integer/i.test(s))).toBe(true);
    expect(seen).toContain('text.en: Missing property "objective".');
    expect(seen).toContain("text.en.objectve: Property objectve is not allowed.");
  });

  it("are checked by npm run content:schema -- --check", async () => {
    const result = await runScript("content-schema", ["--check"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("up to date");
    expect(result.code).toBe(0);
  });
});
