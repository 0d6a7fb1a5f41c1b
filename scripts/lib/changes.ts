// What a publish or a rollback changes, from the manifests of the two versions. Pure.
import type { Manifest } from "../../content/build.ts";

export type Changes = { added: string[]; changed: string[]; removed: string[]; shared: boolean };

/**
 * Projects added, changed and removed going from `before` (null: nothing live yet) to `after`, and
 * whether the rest changed.
 */
export function diffManifests(before: Manifest | null, after: Manifest): Changes {
  const old = before?.projects ?? {};
  const ids = Object.keys(after.projects);
  return {
    added: ids.filter((id) => !(id in old)),
    changed: ids.filter((id) => id in old && old[id] !== after.projects[id]),
    removed: Object.keys(old).filter((id) => !(id in after.projects)),
    shared: before?.shared === undefined || before.shared !== after.shared,
  };
}

const SHOWN = 10;

/** Lines for the terminal: one per kind of change, naming up to ten projects. */
export function describeChanges(changes: Changes): string[] {
  const line = (label: string, ids: string[]) => {
    const names =
      ids.slice(0, SHOWN).join(", ") + (ids.length > SHOWN ? `, … ${ids.length - SHOWN} more` : "");
    const count = `${ids.length} project${ids.length === 1 ? "" : "s"}`;
    return `  ${label.padEnd(8)} ${count}${names ? `: ${names}` : ""}`;
  };
  return [
    line("added", changes.added),
    line("changed", changes.changed),
    line("removed", changes.removed),
    `  plan and labels ${changes.shared ? "changed" : "unchanged"}`,
  ];
}

/**
 * One field that differs between two versions: its path as the validator names fields, and
 * both values.
 */
export type FieldChange = { field: string; locale?: "it" | "en"; before: unknown; after: unknown };

/**
 * Every leaf that differs between two JSON values, in document order (`undefined`: absent on
 * that side).
 */
export function diffFields(
  before: unknown,
  after: unknown,
  path: (string | number)[] = [],
): FieldChange[] {
  if (isDeepEqual(before, after)) return [];
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  const bothObjects = isPlainObject(before) && isPlainObject(after);
  if (!bothArrays && !bothObjects) {
    const field = path.join(".") || "(root)";
    const locale = path.find((key): key is "it" | "en" => key === "it" || key === "en");
    return [{ field, ...(locale ? { locale } : {}), before, after }];
  }
  const keys = bothArrays
    ? Array.from(
        { length: Math.max((before as unknown[]).length, (after as unknown[]).length) },
        (_, i) => i,
      )
    : [...new Set([...Object.keys(before as object), ...Object.keys(after as object)])];
  return keys.flatMap((key) =>
    diffFields(
      (before as Record<string | number, unknown>)[key],
      (after as Record<string | number, unknown>)[key],
      [...path, key],
    ),
  );
}

/**
 * Characters of unchanged text kept on each side of a change, and the most of a changed run shown.
 */
const CONTEXT = 24;
const RUN = 60;

/**
 * Both sides of a text change, cut to the change and a little around it; other values as JSON, cut
 * to length.
 */
export function shortenChange(before: unknown, after: unknown): [string, string] {
  if (typeof before !== "string" || typeof after !== "string")
    return [showValue(before), showValue(after)];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before.at(-1 - end) === after.at(-1 - end)
  )
    end++;
  const cut = (text: string) => {
    const from = Math.max(0, start - CONTEXT);
    const to = Math.min(text.length, text.length - end + CONTEXT);
    const changed = text.slice(start, text.length - end);
    const middle =
      changed.length > RUN ? `${changed.slice(0, RUN / 2)}…${changed.slice(-RUN / 2)}` : changed;
    return JSON.stringify(
      `${from > 0 ? "…" : ""}${text.slice(from, start)}${middle}${text.slice(text.length - end, to)}${to < text.length ? "…" : ""}`,
    );
  };
  return [cut(before), cut(after)];
}

const FIELDS_SHOWN = 12;

/**
 * Lines for the terminal: per item (a project id, "labels (it)"), each changed field, old → new.
 */
export function describeFieldChanges(
  items: { name: string; fields: FieldChange[] | null }[],
): string[] {
  return items.flatMap(({ name, fields }) => {
    if (fields === null)
      return [`    ${name}: its fields could not be compared (the version before is not readable)`];
    const lines = fields.slice(0, FIELDS_SHOWN).map(({ field, locale, before, after }) => {
      const [from, to] = shortenChange(before, after);
      return `      ${field}${locale ? ` (${locale})` : ""}: ${from} → ${to}`;
    });
    const more =
      fields.length > FIELDS_SHOWN ? [`      … ${fields.length - FIELDS_SHOWN} more fields`] : [];
    return [
      `    ${name}: ${fields.length} field${fields.length === 1 ? "" : "s"}`,
      ...lines,
      ...more,
    ];
  });
}

function showValue(value: unknown): string {
  if (value === undefined) return "(none)";
  const text = JSON.stringify(value);
  return text.length > RUN + 2 * CONTEXT ? `${text.slice(0, RUN + 2 * CONTEXT)}…` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
