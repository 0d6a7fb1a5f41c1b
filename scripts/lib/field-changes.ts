// Reads what a publish replaces from KV, to say field by field what changed: the projects, the
// labels and plan, the cookie texts.
import type { BuiltVersion, Manifest } from "../../content/build.ts";
import { LOCALES } from "../../content/locales.ts";
import { kvKeys, parseJson } from "../../content/views.ts";
import { type Changes, type FieldChange, diffFields } from "./changes.ts";
import type { KvClient } from "./kv-client.ts";

export type ChangedItem = { name: string; fields: FieldChange[] | null };

/**
 * The changed projects (by id) and, when the rest changed, each locale's labels and plan and cookie
 * texts. One KV read.
 */
export function readFieldChanges(
  kv: KvClient,
  before: Manifest,
  built: BuiltVersion,
  changes: Changes,
): ChangedItem[] {
  const after = built.manifest;
  const pairs: {
    name: string;
    oldKey: string;
    newKey: string;
    pick: (view: unknown) => unknown;
  }[] = [];
  const project = (view: unknown) => (view as { project?: unknown } | undefined)?.project;
  for (const id of changes.changed) {
    const newSlug = after.slugs?.[id];
    if (!newSlug) continue;
    // A version built before slugs were indexed: its project most likely kept its slug.
    const oldSlug = before.slugs?.[id] ?? newSlug;
    pairs.push({
      name: id,
      oldKey: kvKeys.project(before.version, "it", oldSlug),
      newKey: kvKeys.project(after.version, "it", newSlug),
      pick: project,
    });
  }
  if (changes.shared) {
    // The version id differs by definition, and the page counts follow from the projects: neither
    // is an editor's change.
    const site = (view: unknown) => {
      const { version: _version, pages: _pages, ...rest } = (view ?? {}) as Record<string, unknown>;
      return rest;
    };
    const consent = (view: unknown) => {
      const { version: _version, ...rest } = (view ?? {}) as Record<string, unknown>;
      return rest;
    };
    for (const locale of LOCALES) {
      pairs.push({
        name: `plan and labels (${locale})`,
        oldKey: kvKeys.site(before.version, locale),
        newKey: kvKeys.site(after.version, locale),
        pick: site,
      });
      pairs.push({
        name: `cookie texts (${locale})`,
        oldKey: kvKeys.consent(before.version, locale),
        newKey: kvKeys.consent(after.version, locale),
        pick: consent,
      });
    }
  }
  if (pairs.length === 0) return [];
  const old = kv.get(pairs.map((p) => p.oldKey));
  return pairs.flatMap(({ name, oldKey, newKey, pick }): ChangedItem[] => {
    const previous = parseJson(old.get(oldKey) ?? null);
    if (previous === undefined) return [{ name, fields: null }];
    const fields = diffFields(pick(previous), pick(parseJson(built.entries.get(newKey) ?? null)));
    return fields.length > 0 ? [{ name, fields }] : [];
  });
}
