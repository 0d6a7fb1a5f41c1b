// Credentials a browser attaches by itself (remembered Basic credentials, the Access cookie) must
// not let another site's page (an <img>, a link, a form) read an export or an admin page: such
// requests must come from /admin itself.
import { HttpError } from "../http/errors.ts";

/** Sec-Fetch-Site values of a request this site's own pages made, or the admin typed/bookmarked. */
const ALLOWED = new Set(["same-origin", "none"]);

/**
 * Throws 403 for a cross-site or same-site request carrying browser-held credentials. A browser
 * that sends no Fetch Metadata (Safari before 16.4) is judged by Origin and Referer instead:
 * refused when either names another origin.
 */
export function requireSameOrigin(request: Request, origin: string): void {
  const site = request.headers.get("Sec-Fetch-Site");
  if (site !== null) {
    if (ALLOWED.has(site)) return;
    throw new HttpError(
      403,
      `Cross-site request refused (Sec-Fetch-Site: ${site}): open ${new URL(request.url).pathname} from the dashboard or type its address`,
    );
  }
  for (const header of ["Origin", "Referer"]) {
    const value = request.headers.get(header);
    if (value && value !== "null" && originOf(value) !== origin)
      throw new HttpError(403, `Cross-site request refused (${header} is another site)`);
    if (value === "null") throw new HttpError(403, "Cross-site request refused (opaque origin)");
  }
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}
