// Mozilla's HTTP Observatory rules, run locally on real responses of the production bundle.
import {
  ALL_TESTS,
  CookieJar,
  MINIMUM_SCORE_FOR_EXTRA_CREDIT,
  Requests,
  ensurePreloadList,
  getGradeForScore,
  getScoreModifier,
  parseHttpEquivHeaders,
} from "../tools/observatory.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServedSite } from "../../scripts/lib/serve-bundle.ts";
import { postChoice, serveBuilt } from "../helpers/site.ts";

/**
 * The public name the scan is graded for: not on the HSTS preload list, as a new deployment
 * would be.
 */
const HOST = "farvolare.example";
const PUBLIC = `https://${HOST}`;

let site: ServedSite;

beforeAll(async () => {
  ensurePreloadList();
  // Production settings: the consent cookie is `__Host-fvm_consent`, as deployed.
  site = await serveBuilt({ bindings: { ENVIRONMENT: "production" } });
});
afterAll(() => site?.close());

type Scanned = {
  score: number;
  grade: string;
  tests: Record<string, { pass: boolean | null; result: string | null }>;
};

/**
 * An axios-shaped response, as the analyzer reads one: lower-case header names, Set-Cookie as
 * a list.
 */
async function asAxios(response: Response) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  return { status: response.status, headers, data: await response.text(), verified: true };
}

async function fetchLocal(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(site.url + path, {
    redirect: "manual",
    ...init,
    headers: { Accept: "text/html,application/xhtml+xml,*/*;q=0.8", ...init.headers },
  });
}

// Only the transport is ours: the scanner's retriever needs a public host, so the `Requests` it
// would build is built here from the Worker's answers, over a session whose cookie jar holds what
// the site set.
/**
 * Scores `path` as the scanner would: the page, its robots.txt visit (for cookies), a CORS
 * preflight, and the http:// visit. Locally there is no http:// listener on the public name:
 * Cloudflare's "Always Use HTTPS" answers it with a 301 to https before the Worker runs, and that
 * one hop is what the redirection test is given.
 */
async function scan(path: string, cookies: string[] = [], alwaysUseHttps = true): Promise<Scanned> {
  const jar = new CookieJar();
  for (const line of cookies) jar.setCookieSync(line, `${PUBLIC}/`);
  const cookie = jar.getCookieStringSync(`${PUBLIC}${path}`);
  const page = await asAxios(await fetchLocal(path, { headers: cookie ? { Cookie: cookie } : {} }));
  for (const line of ([] as string[]).concat(page.headers["set-cookie"] ?? []))
    jar.setCookieSync(line, `${PUBLIC}${path}`);
  const robots = await asAxios(await fetchLocal("/robots.txt"));
  for (const line of ([] as string[]).concat(robots.headers["set-cookie"] ?? []))
    jar.setCookieSync(line, `${PUBLIC}/`);
  const cors = await asAxios(
    await fetchLocal(path, {
      method: "OPTIONS",
      headers: {
        "Access-Control-Request-Method": "GET",
        Origin: "https://http-observatory.security.mozilla.org",
      },
    }),
  );

  const requests = new Requests(HOST);
  requests.responses.auto = {
    ...page,
    httpEquiv: parseHttpEquivHeaders(page.data, `${PUBLIC}${path}`),
  };
  requests.responses.https = page;
  // Without the edge's redirect, http:// would reach the Worker itself, which answers the page.
  requests.responses.http = alwaysUseHttps
    ? { status: 301, headers: { location: `${PUBLIC}${path}` }, data: "", verified: true }
    : page;
  requests.responses.httpRedirects = [
    { url: new URL(`http://${HOST}${path}`), status: alwaysUseHttps ? 301 : page.status },
    ...(alwaysUseHttps ? [{ url: new URL(`${PUBLIC}${path}`), status: page.status }] : []),
  ];
  requests.responses.cors = cors;
  requests.resources.path = page.data;
  requests.session = {
    jar,
    url: new URL(`${PUBLIC}${path}`),
    redirectHistory: requests.responses.httpRedirects,
  };
  return grade(ALL_TESTS.map((test) => test(requests)));
}

/**
 * The scanner's arithmetic, unchanged: extra credit only once the uncurved score is already an A.
 */
function grade(
  results: { pass: boolean | null; result: string | null; constructor: { name: string } }[],
): Scanned {
  let withCredit = 100;
  let uncurved = 100;
  for (const result of results) {
    if (!result.result) continue;
    const modifier = getScoreModifier(result.result);
    withCredit += modifier;
    if (modifier < 0) uncurved += modifier;
  }
  const final = getGradeForScore(
    uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withCredit : uncurved,
  );
  const tests = Object.fromEntries(
    results.map((r) => [r.constructor.name, { pass: r.pass, result: r.result }]),
  );
  return { score: final.score, grade: final.grade, tests };
}

function failing(scanned: Scanned): string[] {
  return Object.entries(scanned.tests)
    .filter(([, t]) => !t.pass)
    .map(([name, t]) => `${name}: ${t.result}`);
}

// Mozilla's HTTP Observatory rules (@mdn/mdn-http-observatory), run locally on real responses of
// the production bundle served in workerd: its analyzer tests and grader, fed as its scanner feeds
// them (src/scanner/index.js).
describe("HTTP Observatory (Mozilla's rules, run locally)", () => {
  it.each(["/it/", "/en/projects/milan-city-of-life-sciences", "/en/cookies"])(
    "%s scores A+ with every test passing",
    async (path) => {
      const scanned = await scan(path);
      console.log(`${path}: ${scanned.score} (${scanned.grade})`);
      expect(failing(scanned)).toEqual([]);
      expect(scanned.grade).toBe("A+");
      expect(scanned.score).toBeGreaterThanOrEqual(100);
      expect(scanned.tests["content-security-policy"]?.result).toBe(
        "csp-implemented-with-no-unsafe-default-src-none",
      );
    },
  );

  it("the cookie page after a choice: the __Host- consent cookie passes the cookie test (Secure, HttpOnly, SameSite)", async () => {
    const decision = await postChoice(site.url, { action: "accept_all", return: "/it/cookie" });
    expect(decision.status).toBe(303);
    const cookies = decision.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^__Host-fvm_consent=/);
    const scanned = await scan("/it/cookie", cookies);
    console.log(`/it/cookie after a choice: ${scanned.score} (${scanned.grade})`);
    expect(scanned.tests.cookies?.result).toBe(
      "cookies-secure-with-httponly-sessions-and-samesite",
    );
    expect(failing(scanned)).toEqual([]);
    expect(scanned.grade).toBe("A+");
    expect(scanned.score).toBeGreaterThanOrEqual(100);
  });

  it("without Cloudflare's http→https redirect, only the redirection test fails: the one a public host must pass", async () => {
    const scanned = await scan("/it/", [], false);
    expect(failing(scanned)).toEqual(["redirection: redirection-missing"]);
    console.log(`/it/ without "Always Use HTTPS": ${scanned.score} (${scanned.grade})`);
  });
});
