// Choosing the visitor's language. Pure functions on plain strings.
import { LOCALES, type Locale } from "../../content/locales.ts";

const DEFAULT_LOCALE: Locale = "it";
const MAX_HEADER_LENGTH = 512;
const MAX_RANGES = 32;

/**
 * The best supported locale for an Accept-Language header: highest q wins, the earlier entry
 * wins a tie, Italian when nothing matches. Oversized or garbled headers are read as far as they
 * make sense.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  let best: { locale: Locale; q: number } | undefined;
  for (const range of header.slice(0, MAX_HEADER_LENGTH).split(",").slice(0, MAX_RANGES)) {
    const [tag = "", ...params] = range.trim().toLowerCase().split(";");
    const locale = LOCALES.find((l) => tag === l || tag.startsWith(`${l}-`));
    if (!locale) continue;
    const q = parseQuality(params);
    if (q > 0 && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}

/** The locale a path belongs to (`/en/...` → en), if any. */
export function localeOfPath(pathname: string): Locale | undefined {
  return LOCALES.find((l) => pathname === `/${l}` || pathname.startsWith(`/${l}/`));
}

function parseQuality(params: string[]): number {
  const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
  if (!q) return 1;
  const value = Number(q.slice(2));
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : 0;
}
