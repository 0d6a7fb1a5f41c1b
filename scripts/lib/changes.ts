// What a publish or a rollback changes, from the manifests of the two versions. Pure.
import type { Manifest } from "../../content/build.ts";

export type Changes = { added: string[]; changed: string[]; removed: string[]; shared: boolean };

/** Projects added, changed and removed going from `before` (null: nothing live yet) to `after`, and whether the rest changed. */
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
    const names = ids.slice(0, SHOWN).join(", ") + (ids.length > SHOWN ? `, … ${ids.length - SHOWN} more` : "");
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
