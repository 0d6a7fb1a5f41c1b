// Mozilla's HTTP Observatory rules (@mdn/mdn-http-observatory) and the cookie jar its scanner uses,
// from the test-tools package. Installed without install scripts: the HSTS preload list its
// postinstall downloads is absent.
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

export { ALL_TESTS } from "@mdn/mdn-http-observatory/src/constants.js";
export { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from "@mdn/mdn-http-observatory/src/grader/charts.js";
export { getGradeForScore, getScoreModifier } from "@mdn/mdn-http-observatory/src/grader/grader.js";
export { parseHttpEquivHeaders } from "@mdn/mdn-http-observatory/src/retriever/utils.js";
export { Requests } from "@mdn/mdn-http-observatory/src/types.js";
export { CookieJar } from "tough-cookie";

/**
 * Writes an empty HSTS preload list where the package looks for one, if it has none. It grades the
 * same: a new deployment's host is not on the list, and the scan never assumes it is.
 */
export function ensurePreloadList(): void {
  const file = createRequire(import.meta.url)
    .resolve("@mdn/mdn-http-observatory/package.json")
    .replace(/package\.json$/, "conf/hsts-preload.json");
  if (!existsSync(file)) writeFileSync(file, "{}");
}
