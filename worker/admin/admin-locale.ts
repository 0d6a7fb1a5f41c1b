// The dashboard's language: the switch (?lang=, remembered in a cookie scoped to /admin), else the
// admin's Accept-Language, else Italian. Labels come from content/admin.json, bundled.
import bundled from "../../content/admin.json";
import type { Locale } from "../../content/locales.ts";
import type { AdminStrings } from "../../content/schema.ts";
import { negotiateLocale } from "../http/locale.ts";

export const ADMIN_STRINGS = bundled as Record<Locale, AdminStrings>;
const COOKIE = "fvm_admin_lang";
const YEAR_SECONDS = 365 * 86_400;

export type AdminLocale = {
  locale: Locale;
  t: AdminStrings /** Set when ?lang= asked for it: remember the choice. */;
  setCookie: string | null;
};

export function chooseAdminLocale(request: Request, url: URL): AdminLocale {
  const asked = url.searchParams.get("lang");
  if (asked === "it" || asked === "en") {
    const secure = url.protocol === "https:" ? "; Secure" : "";
    return {
      locale: asked,
      t: ADMIN_STRINGS[asked],
      setCookie: `${COOKIE}=${asked}; Path=/admin; Max-Age=${YEAR_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
    };
  }
  const remembered = /(?:^|;\s*)fvm_admin_lang=(it|en)(?:;|$)/.exec(
    request.headers.get("Cookie") ?? "",
  )?.[1] as Locale | undefined;
  const locale = remembered ?? negotiateLocale(request.headers.get("Accept-Language"));
  return { locale, t: ADMIN_STRINGS[locale], setCookie: null };
}

/** The current admin URL in each language, for the switch. */
export function languageLinks(url: URL): Record<Locale, string> {
  const link = (locale: Locale) => {
    const params = new URLSearchParams(url.search);
    params.set("lang", locale);
    return `${url.pathname}?${params}`;
  };
  return { it: link("it"), en: link("en") };
}
