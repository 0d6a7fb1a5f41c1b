// What an install leaves behind: the committed locks kept, nothing compiled, one workerd for all.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
type Lock = {
  packages: Record<
    string,
    {
      version?: string;
      link?: boolean;
      resolved?: string;
      hasInstallScript?: boolean;
      dev?: boolean;
    }
  >;
};
const readLock = (dir: string) =>
  JSON.parse(readFileSync(join(ROOT, dir, "package-lock.json"), "utf8")) as Lock;
/** The root package (an editor's install) and the test-tools package. */
const PACKAGES = [".", "tests/tools"];
/**
 * The root install's only install scripts: prebuilt binaries fetched from npm (the registry),
 * nothing compiled.
 */
const PREBUILT = [
  "node_modules/esbuild",
  "node_modules/node",
  "node_modules/sharp",
  "node_modules/workerd",
];

// What an install leaves behind: npm ci works on the committed locks and a fresh npm install
// rewrites neither; an editor's install compiles nothing; one workerd for tests, served bundles,
// wrangler dev and the deploy's checks.
describe("the committed locks", () => {
  it.each(PACKAGES)(
    "%s: npm resolving package.json again writes the same lock, byte for byte",
    (dir) => {
      // A clean folder with only what npm reads: package.json, the lock and the project's .npmrc (a
      // fresh clone's).
      const copy = mkdtempSync(join(tmpdir(), "fvm-lock-"));
      try {
        for (const file of ["package.json", "package-lock.json", ".npmrc"])
          copyFileSync(join(ROOT, dir, file), join(copy, file));
        const result = spawnSync(
          "npm",
          [
            "install",
            "--package-lock-only",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--prefer-offline",
            "--loglevel=error",
          ],
          {
            cwd: copy,
            encoding: "utf8",
            timeout: 120_000,
          },
        );
        expect(result.stderr).toBe("");
        expect(result.status).toBe(0);
        expect(readFileSync(join(copy, "package-lock.json"), "utf8")).toBe(
          readFileSync(join(ROOT, dir, "package-lock.json"), "utf8"),
        );
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    },
  );

  it.each(PACKAGES)(
    "%s: no linked or file: package, and no registry URL that would tie the lock to one registry",
    (dir) => {
      const entries = Object.entries(readLock(dir).packages).filter(([name]) => name !== "");
      expect(entries.length).toBeGreaterThan(50);
      expect(
        entries.filter(([, p]) => p.link || p.resolved !== undefined).map(([name]) => name),
      ).toEqual([]);
      expect(readFileSync(join(ROOT, dir, ".npmrc"), "utf8")).toMatch(
        /^omit-lockfile-registry-resolved=true$/m,
      );
    },
  );

  it("tests/tools installs without install scripts, so nothing there is compiled or downloaded at install", () => {
    expect(readFileSync(join(ROOT, "tests/tools/.npmrc"), "utf8")).toMatch(
      /^ignore-scripts=true$/m,
    );
  });
});

describe("an editor's install (the root package)", () => {
  const lock = readLock(".");
  // What tests/tools holds for the tests and the benchmarks, apart from what an editor installs.
  const TEST_TOOLS = [
    "lighthouse",
    "playwright-core",
    "axe-core",
    "chrome-launcher",
    "autocannon",
    "@mdn/mdn-http-observatory",
  ];

  it("holds none of the test and bench tools, nor the Observatory's PostgreSQL client", () => {
    const names = Object.keys(lock.packages).map((path) => path.replace(/^.*node_modules\//, ""));
    for (const tool of [...TEST_TOOLS, "vnu-jar", "libpq", "pg-native", "pg"]) {
      expect(names).not.toContain(tool);
    }
    const tools = JSON.parse(readFileSync(join(ROOT, "tests/tools/package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(tools.dependencies)).toEqual(expect.arrayContaining(TEST_TOOLS));
  });

  it("runs no install script but those fetching prebuilt binaries, and compiles no native addon", () => {
    const scripted = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([name]) => name);
    expect(scripted.sort()).toEqual(
      expect.arrayContaining(scripted.filter((name) => PREBUILT.includes(name))),
    );
    expect(scripted.filter((name) => !PREBUILT.includes(name))).toEqual([]);
    // What node-gyp leaves when it compiles an addon: not one build/Release/*.node in the
    // installed tree.
    expect(
      findFiles(join(ROOT, "node_modules"), (path) => /\/build\/Release\/[^/]+\.node$/.test(path)),
    ).toEqual([]);
  });
});

describe("one workerd", () => {
  const lock = readLock(".");
  const versionsOf = (name: string) => [
    ...new Set(
      Object.entries(lock.packages)
        .filter(([path]) => path.endsWith(`node_modules/${name}`))
        .map(([, p]) => p.version),
    ),
  ];

  it("wrangler, miniflare and workerd each resolve to one version: the vitest plugin's, the served bundles', wrangler dev's", () => {
    expect(versionsOf("wrangler")).toHaveLength(1);
    expect(versionsOf("miniflare")).toHaveLength(1);
    expect(versionsOf("workerd")).toHaveLength(1);
    const plugin = JSON.parse(
      readFileSync(join(ROOT, "node_modules/@cloudflare/vitest-plugin/package.json"), "utf8"),
    ) as { dependencies: Record<string, string> };
    expect(versionsOf("wrangler")).toEqual([plugin.dependencies.wrangler]);
    expect(versionsOf("miniflare")).toEqual([plugin.dependencies.miniflare]);
  });

  it("wrangler.toml's compatibility_date is one that workerd supports", () => {
    const date = /^compatibility_date\s*=\s*"(\d{4}-\d{2}-\d{2})"/m.exec(
      readFileSync(join(ROOT, "wrangler.toml"), "utf8"),
    )![1]!;
    const [workerd] = versionsOf("workerd") as [string];
    const supported = workerd.replace(/^1\.(\d{4})(\d{2})(\d{2})\.\d+$/, "$1-$2-$3");
    expect(supported).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(date <= supported).toBe(true);
  });
});

function findFiles(
  dir: string,
  matches: (path: string) => boolean,
  found: string[] = [],
): string[] {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (matches(path)) found.push(path);
    else if (!entry.startsWith(".") && statSync(path, { throwIfNoEntry: false })?.isDirectory())
      findFiles(path, matches, found);
  }
  return found;
}
