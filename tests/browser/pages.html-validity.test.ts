// Every page type, before and after a choice, and the dashboard: no Nu Html Checker finding.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServedSite } from "../../scripts/lib/serve-bundle.ts";
import { postChoice, startSite } from "../helpers/site.ts";
import { VNU_JAR } from "../tools/vnu.ts";

const run = promisify(execFile);
const TOKEN = "validity-test-token-0123456789abcdefghijklmno";

/** Java and the checker, or why the test cannot run here. */
async function findChecker(): Promise<{ jar: string } | { missing: string }> {
  const jar = VNU_JAR;
  try {
    await run(process.env.JAVA ?? "java", ["-version"]);
  } catch {
    return { missing: "no Java runtime on PATH (apt-get install default-jre-headless)" };
  }
  return { jar };
}

const checker = await findChecker();
if ("missing" in checker) console.warn(`Skipping the Nu Html Checker: ${checker.missing}.`);

const PAGES = [
  "/it/",
  "/en/",
  "/it/?capitolo=milano&stato=raggiunto",
  "/en/?chapter=expo&status=achieved",
  "/it/obiettivi-raggiunti",
  "/en/achieved",
  "/it/progetti/milano-citta-della-life-sciences",
  "/en/projects/milan-city-of-life-sciences",
  "/it/progetti/e015-ecosistema-digitale",
  "/it/cookie",
  "/en/cookies",
  "/it/progetti/nessun-progetto",
  "/en/projects/no-such-project",
  "/it/?capitolo=roma",
  "/en/?status=done",
];

type Message = {
  type: string;
  subType?: string;
  message: string;
  extract?: string;
  url: string;
  lastLine?: number;
};

let site: ServedSite;
let dir: string;

beforeAll(async () => {
  if ("missing" in checker) return;
  [site, dir] = await Promise.all([
    startSite({ ADMIN_TOKEN: TOKEN }),
    mkdtemp(join(tmpdir(), "fvm-vnu-")),
  ]);
});
afterAll(async () => {
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * A consent choice as a browser without JavaScript makes it: the banner's form, then the cookie
 * it sets.
 */
async function choose(action: string): Promise<string> {
  const res = await postChoice(site.url, { action, return: "/it/", source: "banner" });
  expect(res.status).toBe(303);
  const cookie = res.headers.get("Set-Cookie")?.split(";")[0];
  expect(cookie).toBeTruthy();
  return cookie!;
}

/** Saves each page as the browser gets it; returns the file names with the URL each came from. */
async function save(
  label: string,
  paths: string[],
  headers: Record<string, string>,
  banner: boolean,
): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [i, path] of paths.entries()) {
    const res = await fetch(site.url + path, { headers, redirect: "manual" });
    expect(res.headers.get("Content-Type"), path).toContain("text/html");
    const body = await res.text();
    // Each state is what it claims: the banner only without a choice, the dashboard itself rather
    // than a refusal.
    expect(body.includes('class="consent-banner"'), `${label} ${path}`).toBe(banner);
    if (label === "admin") expect(res.status).toBe(200);
    const file = join(dir, `${label}-${i}.html`);
    await writeFile(file, body);
    files.set(file, `${label} ${path} (${res.status})`);
  }
  return files;
}

// Every page type, in both languages, before and after a consent choice, and the admin dashboard:
// checked by the Nu Html Checker (vnu.jar from the vnu-jar package), which must report no error and
// no warning.
describe("valid HTML (Nu Html Checker)", () => {
  it.skipIf("missing" in checker)(
    "reports no error and no warning on any page, in any consent state, nor on the admin dashboard",
    { timeout: 180_000 },
    async () => {
      if ("missing" in checker) return;
      const accepted = await choose("accept_all");
      const refused = await choose("reject_all");
      const files = new Map([
        ...(await save("no-choice", PAGES, {}, true)),
        ...(await save("gpc", PAGES.slice(0, 2), { "Sec-GPC": "1" }, true)),
        ...(await save("accepted", PAGES, { Cookie: accepted }, false)),
        ...(await save("refused", PAGES.slice(0, 8), { Cookie: refused }, false)),
        ...(await save(
          "admin",
          ["/admin/", "/admin/?action=accept_all"],
          { Authorization: `Bearer ${TOKEN}` },
          false,
        )),
      ]);
      // One JVM for every file. vnu exits 1 when it finds anything; its JSON report is on stderr
      // either way.
      const result = await run(
        "java",
        [
          "-jar",
          checker.jar,
          "--format",
          "json",
          "--also-check-css",
          "--also-check-svg",
          ...files.keys(),
        ],
        {
          maxBuffer: 64 * 1024 * 1024,
        },
      ).catch((error: { stdout: string; stderr: string }) => error);
      const { messages } = JSON.parse(result.stderr) as { messages: Message[] };
      // Errors and warnings count; a plain "info" (such as the trailing slash preact writes on void
      // elements) is not a finding.
      const findings = messages.filter((m) => m.type !== "info" || m.subType === "warning");
      const found = findings.map(
        (m) =>
          `${files.get(decodeURIComponent(m.url.replace(/^file:/, ""))) ?? m.url}: ${m.type}${m.subType ? `/${m.subType}` : ""}: ${m.message} [${m.extract ?? ""}]`,
      );
      expect(found).toEqual([]);
      expect(files.size).toBe(PAGES.length * 2 + 2 + 8 + 2);
    },
  );
});
