// Validation of a whole content tree: each file against the schema, then the rules that span files.
import type { z } from "zod";
import type { ContentBundle } from "./build.ts";
import { HISTORY_FILE, describeForEditors, unrecordedChanges } from "./consent-history.ts";
import {
  AdminStringsFile,
  ConsentConfig,
  ConsentHistory,
  LOCALES,
  type Locale,
  Plan,
  Project,
  Strings,
} from "./schema.ts";

/** One problem an editor can fix: which file, which field, why. */
export type ContentProblem = { file: string; field: string; message: string };

/** A content file as read from disk: its path relative to content/ and its raw text. */
export type ContentFile = { path: string; text: string };

export type ValidationResult =
  | { ok: true; bundle: ContentBundle; problems: [] }
  | { ok: false; problems: ContentProblem[] };

/** `today` (YYYY-MM-DD, UTC) bounds the dates content may carry; tests pin it. */
export type ValidateOptions = { today?: string };

export const PLAN_FILE = "plan.json";
export const STRINGS_FILE = "strings.json";
export const CONSENT_FILE = "consent.json";
export const ADMIN_FILE = "admin.json";
export const PROJECTS_DIR = "projects/";

/**
 * What the rules across files need from a project file, read leniently so they run even when the
 * schema fails.
 */
type ProjectFacts = {
  file: string;
  id?: string;
  number?: number;
  chapter?: string;
  slugs: Partial<Record<Locale, string>>;
  status?: { field: string; date: string };
  dates: { field: string; date: string }[];
};

/** Validates every file and the rules across them; reports all problems at once, in file order. */
export function validateContent(
  files: ContentFile[],
  options: ValidateOptions = {},
): ValidationResult {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const problems: ContentProblem[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const parseFile = <S extends z.ZodType>(path: string, schema: S): z.infer<S> | undefined => {
    const file = byPath.get(path);
    if (!file) {
      problems.push({ file: path, field: "(file)", message: "is missing" });
      return undefined;
    }
    return parseWith(file.path, readJson(file, problems), schema, problems);
  };

  const plan = parseFile(PLAN_FILE, Plan);
  const strings = parseFile(STRINGS_FILE, Strings);
  const consent = parseFile(CONSENT_FILE, ConsentConfig);
  const history = parseFile(HISTORY_FILE, ConsentHistory);
  // The dashboard's labels ship with the Worker rather than through KV, but are checked like
  // the rest.
  parseFile(ADMIN_FILE, AdminStringsFile);
  const projectFiles = files.filter(
    (f) => f.path.startsWith(PROJECTS_DIR) && f.path.endsWith(".json"),
  );
  if (projectFiles.length === 0)
    problems.push({ file: PROJECTS_DIR, field: "(folder)", message: "holds no project" });
  const projects: Project[] = [];
  const facts: ProjectFacts[] = [];
  for (const file of projectFiles) {
    const data = readJson(file, problems);
    if (data === undefined) continue;
    facts.push(factsOf(file.path, data));
    const project = parseWith(file.path, data, Project, problems);
    if (project) projects.push(project);
  }

  const acrossFiles: ContentProblem[] = [];
  checkUnique(facts, (p) => p.id, "id", "id", acrossFiles);
  checkUnique(facts, (p) => p.number, "number", "number", acrossFiles);
  for (const locale of LOCALES) {
    checkUnique(
      facts,
      (p) => p.slugs[locale],
      `text.${locale}.slug`,
      `${locale} slug`,
      acrossFiles,
    );
  }
  for (const project of facts) {
    checkFileName(project, acrossFiles);
    checkDates(project, { today, planStart: plan?.presentedOn }, acrossFiles);
  }
  if (plan) {
    const chapters = plan.chapters.map((c) => ({ file: PLAN_FILE, id: c.id, number: c.number }));
    checkUnique(chapters, (c) => c.id, "chapters.id", "chapter id", acrossFiles);
    checkUnique(chapters, (c) => c.number, "chapters.number", "chapter number", acrossFiles);
    for (const { file, chapter } of facts) {
      if (chapter !== undefined && !chapters.some((c) => c.id === chapter)) {
        acrossFiles.push({
          file,
          field: "chapter",
          message: `"${chapter}" is not a chapter of plan.json`,
        });
      }
    }
  }
  if (strings) {
    for (const locale of LOCALES) {
      const other = LOCALES.find((l) => l !== locale)!;
      if (strings[locale].switchLanguage.ogLocale !== strings[other].ogLocale) {
        acrossFiles.push({
          file: STRINGS_FILE,
          field: `${locale}.switchLanguage.ogLocale`,
          message: `must be the ${other} ogLocale, "${strings[other].ogLocale}"`,
        });
      }
    }
  }
  if (consent && history) {
    // Without the policy in force on record, a visitor's earlier choice could not be told
    // what changed.
    const changes = unrecordedChanges(history, consent);
    if (changes.length > 0) {
      acrossFiles.push({
        file: HISTORY_FILE,
        field: "policies",
        message: `consent.json changed what visitors agree to (${describeForEditors(changes)}): publishing it asks everyone again. If that is meant, record it with npm run consent:policy -- --record`,
      });
    }
  }
  // A field the schema already rejected needs no second message.
  const rejected = new Set(problems.map((p) => `${p.file}\0${p.field}`));
  problems.push(...acrossFiles.filter((p) => !rejected.has(`${p.file}\0${p.field}`)));

  if (problems.length > 0 || !plan || !strings || !consent || !history)
    return { ok: false, problems: sortByFile(problems) };
  return {
    ok: true,
    bundle: { plan, strings, projects, consent: { ...consent, history: history.policies } },
    problems: [],
  };
}

/** Formats a problem the way editors read it: `file: field.path: message`. */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}

/** Where a project's file belongs: `projects/<number, two digits or more>-<id>.json`. */
export function projectFileName(project: Pick<Project, "id" | "number">): string {
  return `${String(project.number).padStart(2, "0")}-${project.id}.json`;
}

function readJson(file: ContentFile, problems: ContentProblem[]): unknown {
  try {
    return withoutSchemaRef(JSON.parse(file.text));
  } catch (error) {
    problems.push({
      file: file.path,
      field: "(json)",
      message: `is not valid JSON: ${(error as Error).message}`,
    });
    return undefined;
  }
}

/** `$schema` tells the editor's program which JSON Schema checks the file; it is not content. */
function withoutSchemaRef(data: unknown): unknown {
  if (typeof data !== "object" || data === null || Array.isArray(data) || !("$schema" in data))
    return data;
  const { $schema, ...rest } = data as Record<string, unknown>;
  return typeof $schema === "string" ? rest : data;
}

function parseWith<S extends z.ZodType>(
  file: string,
  data: unknown,
  schema: S,
  problems: ContentProblem[],
): z.infer<S> | undefined {
  if (data === undefined) return undefined;
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file, field: issue.path.join(".") || "(root)", message: describeIssue(issue) });
  }
  return undefined;
}

/**
 * zod says "expected string, received undefined" for an absent field; editors read "is
 * missing" first.
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.message.endsWith("received undefined"))
    return `is missing (expected ${issue.expected})`;
  return issue.message;
}

function factsOf(file: string, data: unknown): ProjectFacts {
  const at = (...path: (string | number)[]): unknown =>
    path.reduce<unknown>(
      (value, key) =>
        typeof value === "object" && value !== null
          ? (value as Record<string, unknown>)[key]
          : undefined,
      data,
    );
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const date = (field: string, value: unknown) => {
    const iso = text(value);
    return iso !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? [{ field, date: iso }] : [];
  };
  const list = (key: string) => (Array.isArray(at(key)) ? (at(key) as unknown[]) : []);
  const achieved = at("status", "state") === "achieved";
  const statusField = achieved ? "status.date" : "status.updated";
  const [status] = date(statusField, at("status", achieved ? "date" : "updated"));
  return {
    file,
    id: text(at("id")),
    number: typeof at("number") === "number" ? (at("number") as number) : undefined,
    chapter: text(at("chapter")),
    slugs: Object.fromEntries(LOCALES.map((l) => [l, text(at("text", l, "slug"))])),
    status,
    dates: [
      ...(status ? [status] : []),
      ...list("related").flatMap((_, i) => date(`related.${i}.date`, at("related", i, "date"))),
      ...list("media").flatMap((_, i) => date(`media.${i}.date`, at("media", i, "date"))),
    ],
  };
}

function checkFileName({ file, id, number }: ProjectFacts, problems: ContentProblem[]): void {
  if (id === undefined || number === undefined) return;
  const expected = PROJECTS_DIR + projectFileName({ id, number });
  if (file !== expected) {
    problems.push({
      file,
      field: "(file name)",
      message: `project ${number} "${id}" belongs in ${expected}`,
    });
  }
}

function checkDates(
  { file, status, dates }: ProjectFacts,
  bounds: { today: string; planStart: string | undefined },
  problems: ContentProblem[],
): void {
  if (status && bounds.planStart && status.date < bounds.planStart) {
    problems.push({
      file,
      field: status.field,
      message: `${status.date} is before the plan was presented (${bounds.planStart})`,
    });
  }
  for (const { field, date } of dates) {
    if (date > bounds.today) problems.push({ file, field, message: `${date} is in the future` });
  }
}

/** Problems grouped by file, the files in path order, each file's problems in the order found. */
function sortByFile(problems: ContentProblem[]): ContentProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.file.localeCompare(b.p.file) || a.i - b.i)
    .map(({ p }) => p);
}

function checkUnique<T extends { file: string }>(
  items: T[],
  keyOf: (item: T) => string | number | undefined,
  field: string,
  label: string,
  problems: ContentProblem[],
): void {
  const seen = new Map<string | number, string>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, item.file);
    else
      problems.push({
        file: item.file,
        field,
        message: `${label} "${key}" is already used by ${first}`,
      });
  }
}
