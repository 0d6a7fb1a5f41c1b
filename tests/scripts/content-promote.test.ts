// npm run content:publish --stage and content:promote: the preview links printed are the Worker's.
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DevServer,
  contentCopy,
  makeTemp,
  removeTemp,
  runScript,
  startDevServer,
} from "../helpers/editor-cli.ts";
import { readDevVars } from "../../scripts/lib/dev-vars.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const PROJECT_EN = "/en/projects/milan-city-of-life-sciences";
const PROJECT_IT = "/it/progetti/milano-citta-della-life-sciences";
const TITLE = "Milan, City of Life Sciences";
// wrangler dev gives the Workers the project's .dev.vars, when there is one (npm start writes it),
// over the secrets the test passes; the links are then signed with its PREVIEW_SECRET, as an
// editor's would be on that machine.
const SECRET =
  readDevVars(join(ROOT, ".dev.vars")).PREVIEW_SECRET ?? randomBytes(32).toString("base64url");
const STEP = 240_000;

let kv: string;
let vars: string;
let server: DevServer;
const dirs: Record<string, string> = {};
const saved = {
  PREVIEW_SECRET: process.env.PREVIEW_SECRET,
  FVM_DEV_VARS: process.env.FVM_DEV_VARS,
};

beforeAll(async () => {
  [kv, vars] = await Promise.all([makeTemp("kv"), makeTemp("vars")]);
  // The scripts read the secret from the environment; .dev.vars goes to a temporary file, never
  // the project's.
  process.env.PREVIEW_SECRET = SECRET;
  process.env.FVM_DEV_VARS = join(vars, ".dev.vars");
  [server, dirs.original, dirs.staged, dirs.other] = await Promise.all([
    // POINTER_TTL_SECONDS 0: the Worker re-reads the live pointer on every request, so a promote
    // shows at once.
    startDevServer(kv, [], { PREVIEW_SECRET: SECRET, POINTER_TTL_SECONDS: "0" }),
    contentCopy(),
    contentCopy({
      "projects/07-life-sciences.json": (json) => (json.text.en.title = `${TITLE} (staged)`),
    }),
    contentCopy({
      "projects/07-life-sciences.json": (json) => (json.text.en.title = `${TITLE} (other)`),
    }),
  ]);
}, STEP);

afterAll(async () => {
  Object.assign(process.env, saved);
  for (const [name, value] of Object.entries(saved))
    if (value === undefined) delete process.env[name];
  await server?.stop();
  await Promise.all([kv, vars, ...Object.values(dirs)].map(removeTemp));
});

const publish = (dir: string, args: string[] = []) =>
  runScript("content-publish", ["--persist-to", kv, "--content-dir", dir, ...args]);
const promote = (args: string[]) => runScript("content-promote", ["--persist-to", kv, ...args]);
const versions = async () => (await runScript("content-versions", ["--persist-to", kv])).stdout;
const links = (stdout: string) => [...stdout.matchAll(/^ {2}(http:\/\/\S+)$/gm)].map((m) => m[1]!);
const title = async (url: string) => /<h1>([^<]*)<\/h1>/.exec(await (await fetch(url)).text())?.[1];
/**
 * The title a page shows once it shows `expected` (at once with POINTER_TTL_SECONDS 0), or the last
 * one seen after 10 s.
 */
async function titleSoon(url: string, expected: string): Promise<string | undefined> {
  let seen: string | undefined;
  for (let i = 0; i < 40 && seen !== expected; i++) {
    seen = await title(url);
    if (seen !== expected) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return seen;
}
/** `wrangler kv key put` on the test's local KV, as an operator (or a fault) would change a key. */
const putKey = (key: string, value: string) =>
  spawnSync(
    join(ROOT, "node_modules/.bin/node"),
    [
      join(ROOT, "node_modules/wrangler/bin/wrangler.js"),
      "kv",
      "key",
      "put",
      key,
      value,
      "--binding",
      "CONTENT",
      "--local",
      "--persist-to",
      kv,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );

// Staging, previewing and promoting a version as an editor does it, against wrangler's real local
// KV served by `wrangler dev`: the links --stage prints are the ones the Worker accepts.
describe("content:publish --stage, then content:promote", () => {
  let live = "";
  let staged = "";
  let stageOut = "";

  // Every wrangler call takes seconds on a shared machine: each step gets minutes.
  beforeAll(async () => {
    const first = await publish(dirs.original!);
    expect(first.code).toBe(0);
    live = /version ([0-9a-f]{12}) is live/.exec(first.stdout)![1]!;
    expect(await titleSoon(server.url + PROJECT_EN, TITLE)).toBe(TITLE);
  }, STEP);

  it(
    "--stage uploads the version, leaves the live one serving, and lists it as staged",
    async () => {
      const run = await publish(dirs.staged!, ["--stage"]);
      expect(run.code).toBe(0);
      stageOut = run.stdout;
      staged = /Staged: version ([0-9a-f]{12}) is in local KV/.exec(run.stdout)?.[1] ?? "";
      expect(staged).toMatch(/^[0-9a-f]{12}$/);
      expect(run.stdout).toContain(`not live (visitors still see ${live})`);
      expect(run.stdout).toContain("changed  1 project: life-sciences");
      expect(run.stdout).toMatch(/Preview links \(valid 48 h, until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
      expect(run.stdout).toContain(`To make it live: npm run content:promote -- ${staged}`);
      expect(run.stderr).toMatch(/Reading back version [0-9a-f]{12}: (\d+)\/\1 keys/);
      expect(await title(server.url + PROJECT_EN)).toBe(TITLE);
      const listed = await versions();
      expect(listed).toMatch(new RegExp(`^  ${staged} .* staged$`, "m"));
      expect(listed).toMatch(new RegExp(`^\\* ${live} .* live$`, "m"));
    },
    STEP,
  );

  it(
    "prints a link for the changed page in both languages, and the listings, whose tokens the Worker accepts",
    async () => {
      const printed = links(stageOut);
      const paths = printed.map((url) => new URL(url).pathname);
      expect(paths).toEqual([
        PROJECT_IT,
        PROJECT_EN,
        "/it/",
        "/en/",
        "/it/obiettivi-raggiunti",
        "/en/achieved",
      ]);
      for (const url of printed)
        expect(url).toMatch(
          new RegExp(
            `^http://127\\.0\\.0\\.1:8787/.*\\?preview=${staged}\\.\\d+\\.[A-Za-z0-9_-]{43}$`,
          ),
        );
      // The same links on the test's server: the staged page, marked.
      const onServer = (url: string) => server.url + new URL(url).pathname + new URL(url).search;
      const en = await fetch(onServer(printed[1]!));
      expect(en.status).toBe(200);
      expect(en.headers.get("cache-control")).toBe("private, no-store");
      const body = await en.text();
      expect(/<h1>([^<]*)<\/h1>/.exec(body)?.[1]).toBe(`${TITLE} (staged)`);
      expect(body).toContain(`Version ${staged}, not live yet.`);
      const it = await (await fetch(onServer(printed[0]!))).text();
      expect(it).toContain(`Versione ${staged}, non ancora pubblicata.`);
      // The live page is what it was.
      expect(await title(server.url + PROJECT_EN)).toBe(TITLE);
    },
    STEP,
  );

  it(
    "--expires-hours sets how long the links work",
    async () => {
      const run = await publish(dirs.staged!, ["--stage", "--expires-hours", "2"]);
      expect(run.code).toBe(0);
      const expires = Number(
        new URL(links(run.stdout)[0]!).searchParams.get("preview")!.split(".")[1],
      );
      expect(Math.abs(expires - (Date.now() / 1000 + 7200))).toBeLessThan(120);
      expect(run.stdout).toContain("valid 2 h");
      const tooLong = await publish(dirs.staged!, ["--stage", "--expires-hours", "1000"]);
      expect(tooLong.code).toBe(1);
      expect(tooLong.stderr).toContain("--expires-hours must be at most 720");
    },
    STEP,
  );

  it(
    "--stage --remote without PREVIEW_SECRET in the environment stops before writing, saying where the secret comes from",
    async () => {
      delete process.env.PREVIEW_SECRET;
      try {
        const run = await runScript("content-publish", [
          "--remote",
          "--yes",
          "--stage",
          "--content-dir",
          dirs.staged!,
        ]);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(
          "PREVIEW_SECRET=... npm run content:publish -- --stage --remote",
        );
        expect(run.stderr).not.toContain("Uploading");
      } finally {
        process.env.PREVIEW_SECRET = SECRET;
      }
    },
    STEP,
  );

  it(
    "promote of a version that is not staged exits 1 with one clear line, and changes nothing",
    async () => {
      const unknown = await promote(["ffffffffffff"]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr.trim()).toBe(
        "Version ffffffffffff is not staged in local KV (" +
          kv +
          '): nothing changed. "npm run content:versions" lists the staged ones.',
      );
      const none = await promote([]);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain("Name the one staged version to make live.");
      const wasLive = await promote([live]);
      expect(wasLive.stdout).toContain(`Version ${live} is already live`);
      expect(await title(server.url + PROJECT_EN)).toBe(TITLE);
    },
    STEP,
  );

  it(
    "promote refuses a staged version whose keys changed since it was staged",
    async () => {
      const other = await publish(dirs.other!, ["--stage"]);
      const version = /Staged: version ([0-9a-f]{12})/.exec(other.stdout)![1]!;
      expect(
        putKey(
          `v/${version}/project/en/milan-city-of-life-sciences`,
          '{"project":{"id":"x","text":{}}}',
        ).status,
      ).toBe(0);
      const run = await promote([version]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `Version ${version}'s keys in local KV (${kv}) are not those that were staged: nothing changed.`,
      );
      expect(await title(server.url + PROJECT_EN)).toBe(TITLE);
    },
    STEP,
  );

  it(
    "promote makes the staged version live, and the listing says so",
    async () => {
      const run = await promote([staged.slice(0, 6)]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        `Promoted: version ${staged} is live in local KV (${kv}), replacing ${live}.`,
      );
      expect(run.stdout).toContain("changed  1 project: life-sciences");
      expect(await titleSoon(server.url + PROJECT_EN, `${TITLE} (staged)`)).toBe(
        `${TITLE} (staged)`,
      );
      const listed = await versions();
      expect(listed).toMatch(new RegExp(`^\\* ${staged} .* live$`, "m"));
      expect(listed).toMatch(new RegExp(`^  ${live} .* previous$`, "m"));
    },
    STEP,
  );
});
