import type { ProjectStatus, UiStrings } from "../content/schema.ts";
import { fill, formatDate } from "./format.ts";

export type StatusBadgeProps = { status: ProjectStatus; strings: UiStrings; long?: boolean };

/** The project's status: "achieved on <date>" in full on a project page, a short label in lists. */
export function StatusBadge({ status, strings, long = false }: StatusBadgeProps) {
  const { dates } = strings;
  if (status.state === "achieved") {
    const date = formatDate(status.date, dates);
    return (
      <span class="badge badge-achieved">
        {long
          ? fill(strings.status.achievedOn, { date })
          : `${strings.status.achievedShort} · ${date}`}
      </span>
    );
  }
  return (
    <span class="badge badge-progress">
      {strings.status.inProgress}
      {long && status.updated
        ? ` · ${fill(strings.status.updatedOn, { date: formatDate(status.updated, dates) })}`
        : ""}
    </span>
  );
}
