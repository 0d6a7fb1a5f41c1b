// Text helpers for components: fill `{name}` placeholders and write dates the way each locale does.
import type { UiStrings } from "../content/schema.ts";

/** Replaces each `{name}` in a content template with its value. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Writes an ISO date (YYYY-MM-DD) with the locale's format and month names from content. */
export function formatDate(iso: string, dates: UiStrings["dates"]): string {
  const [year = "", month = "", day = ""] = iso.split("-");
  return fill(dates.format, {
    yyyy: year,
    mm: month,
    month: dates.months[Number(month) - 1] ?? month,
    dd: day,
    d: String(Number(day)),
  });
}
