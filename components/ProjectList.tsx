import type { Locale, UiStrings } from "../content/schema.ts";
import { pathFor } from "../content/paths.ts";
import type { ProjectSummary } from "../content/views.ts";
import { fill } from "./format.ts";
import { StatusBadge } from "./StatusBadge.tsx";

export type ProjectListProps = { entries: ProjectSummary[]; locale: Locale; strings: UiStrings };

/** Project cards: number, title linking to the project page, and status. */
export function ProjectList({ entries, locale, strings }: ProjectListProps) {
  return (
    <ul class="cards">
      {entries.map((entry) => (
        <li class="card" key={entry.id}>
          <span class="card-number">{fill(strings.project.number, { number: entry.number })}</span>
          <a class="card-title" href={pathFor(locale, { page: "project", slug: entry.slug })}>
            {entry.title}
          </a>
          <StatusBadge status={entry.status} strings={strings} />
        </li>
      ))}
    </ul>
  );
}
