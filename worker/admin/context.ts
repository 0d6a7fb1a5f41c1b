// What every admin handler gets.
import type { Locale } from "../../content/locales.ts";
import type { AdminStrings } from "../../content/schema.ts";
import type { AdminPrincipal } from "./auth.ts";

export type AdminContext = {
  request: Request;
  url: URL;
  env: Env;
  principal: AdminPrincipal;
  /** The dashboard's language and its labels (content/admin.json). */
  locale: Locale;
  t: AdminStrings;
  /** This page in each language, for the switch. */
  languages: Record<Locale, string>;
};
