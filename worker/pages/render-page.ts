// Which handler renders a page, from its parsed path: one dispatch for visitors' pages and
// editors' previews.
import type { PageRef } from "../../content/paths.ts";
import { serveAchieved } from "./achieved.ts";
import { serveCookies } from "./cookies.ts";
import { serveHome } from "./home.ts";
import { serveProject } from "./project.ts";
import type { PageContext, RenderedPage } from "./respond.ts";

/**
 * The page `ref` names, rendered with `input` (its store, consent state and origin); nothing for
 * "not found".
 */
export function renderPage(
  input: PageContext,
  ref: PageRef,
  env: Env,
): Promise<RenderedPage | undefined> {
  const number = Number(input.url.searchParams.get("page") ?? "1");
  switch (ref.page) {
    case "home":
      return serveHome(input, number);
    case "achieved":
      return serveAchieved(input, number);
    case "project":
      return serveProject(input, ref.slug);
    case "cookies":
      return serveCookies(input, env);
  }
}
