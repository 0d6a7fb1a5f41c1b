// Validation of a whole content tree: each file against the schema, then the rules that span files.
import type { z } from "zod";
import type { ContentBundle } from "./build.ts";
import { LOCALES, Plan, Project, Strings } from "./schema.ts";

/** One problem an editor can fix: which file, which field, why. */
export type ContentProblem = { file: string; field: string; message: string };

/** A content file as read from disk: its path relative to content/ and its raw text. */
export type ContentFile = { path: string; text: string };

export type ValidationResult =
  | { ok: true; bundle: ContentBundle; problems: [] }
  | { ok: false; problems: ContentProblem[] };

export const PLAN_FILE = "plan.json";
export const STRINGS_FILE = "strings.json";
export const PROJECTS_DIR = "projects/";

/** Validates every file and the rules across them; reports all problems at once. */
export function validateContent(files: ContentFile[]): ValidationResult {
  const problems: ContentProblem[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const parseFile = <S extends z.ZodType>(path: string, schema: S): z.infer<S> | undefined => {
    const file = byPath.get(path);
    if (!file) {
      problems.push({ file: path, field: "(file)", message: "is missing" });
      return undefined;
    }
    return parseText(file, schema, problems);
  };

  const plan = parseFile(PLAN_FILE, Plan);
  const strings = parseFile(STRINGS_FILE, Strings);
  const projectFiles = files.filter((f) => f.path.startsWith(PROJECTS_DIR) && f.path.endsWith(".json"));
  if (projectFiles.length === 0) problems.push({ file: PROJECTS_DIR, field: "(folder)", message: "holds no project" });
  const projects = projectFiles.flatMap((file) => {
    const project = parseText(file, Project, problems);
    return project ? [{ file: file.path, project }] : [];
  });

  checkUnique(projects, (p) => p.project.id, "id", "id", problems);
  checkUnique(projects, (p) => String(p.project.number), "number", "number", problems);
  for (const locale of LOCALES) {
    checkUnique(projects, (p) => p.project.text[locale].slug, `text.${locale}.slug`, `${locale} slug`, problems);
  }
  if (plan) {
    const chapters = new Set(plan.chapters.map((c) => c.id));
    checkUnique(plan.chapters.map((c) => ({ file: PLAN_FILE, project: c })), (c) => c.project.id, "chapters.id", "chapter id", problems);
    for (const { file, project } of projects) {
      if (!chapters.has(project.chapter)) {
        problems.push({ file, field: "chapter", message: `"${project.chapter}" is not a chapter of plan.json` });
      }
    }
  }

  if (problems.length > 0 || !plan || !strings) return { ok: false, problems };
  return { ok: true, bundle: { plan, strings, projects: projects.map((p) => p.project) }, problems: [] };
}

/** Formats a problem the way editors read it: `file: field.path: message`. */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}

function parseText<S extends z.ZodType>(file: ContentFile, schema: S, problems: ContentProblem[]): z.infer<S> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (error) {
    problems.push({ file: file.path, field: "(json)", message: `is not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file: file.path, field: issue.path.join(".") || "(root)", message: issue.message });
  }
  return undefined;
}

function checkUnique<T extends { file: string }>(
  items: T[],
  keyOf: (item: T) => string,
  field: string,
  label: string,
  problems: ContentProblem[],
): void {
  const seen = new Map<string, string>();
  for (const item of items) {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, item.file);
    else problems.push({ file: item.file, field, message: `${label} "${key}" is already used by ${first}` });
  }
}
