// A cookie's lifetime, from the inventory's machine form (`session`, `P6M`, `P2Y`, `P30D`) to
// words. Pure.
import type { ConsentTextsView } from "../../content/consent-view.ts";
import { fill } from "../format.ts";

export type DurationLabels = ConsentTextsView["preferences"]["durations"];

const UNITS = { D: ["day", "days"], M: ["month", "months"], Y: ["year", "years"] } as const;

/** "6 mesi", "1 year", "Until the browser is closed"; anything unexpected is shown as written. */
export function formatMaxAge(maxAge: string, labels: DurationLabels): string {
  if (maxAge === "session") return labels.session;
  const match = /^P([1-9][0-9]*)([DMY])$/.exec(maxAge);
  if (!match) return maxAge;
  const n = Number(match[1]);
  const [one, many] = UNITS[match[2] as keyof typeof UNITS];
  return n === 1 ? labels[one] : fill(labels[many], { n });
}
