// The editors' workflow against wrangler's real local KV, served by `wrangler dev` as npm start.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DevServer,
  contentCopy,
  killHard,
  makeTemp,
  removeTemp,
  runScript,
  startDevServer,
} from "../helpers/editor-cli.ts";

const PROJECT = "/en/projects/milan-city-of-life-sciences";
const TITLE = "Milan, City of Life Sciences";
const SITE = "Far volare Milano";

/**
 * content/ with the Life Sciences title and the site name both marked, so a page tells which
 * version served it.
 */
const marked = (mark: string) =>
  contentCopy({
    "projects/07-life-sciences.json": (json) => (json.text.en.title = `${TITLE} (${mark})`),
    "strings.json": (json) => (json.en.siteName = `${SITE} ${mark}`),
  });

let kv: string;
let server: DevServer;
const dirs: Record<string, string> = {};

beforeAll(async () => {
  kv = await makeTemp("kv");
  [server, dirs.original, dirs.b, dirs.c, dirs.invalid] = await Promise.all([
    // The Worker re-reads the live pointer on every request (it would hold it up to 5 s): each step
    // sees its publish.
    startDevServer(kv, [], { POINTER_TTL_SECONDS: "0" }),
    contentCopy(),
    marked("B"),
    marked("C"),
    contentCopy({
      "projects/07-life-sciences.json": (json) => (json.text.en.title = " "),
      "strings.json": (json) => delete json.en.nav.plan,
    }),
  ]);
});

afterAll(async () => {
  await server?.stop();
  await Promise.all([kv, ...Object.values(dirs)].map(removeTemp));
});

const publish = (
  dir: string,
  args: string[] = [],
  onStderr?: (text: string, child: ChildProcess) => void,
) => runScript("content-publish", ["--persist-to", kv, "--content-dir", dir, ...args], onStderr);
const versions = async () => (await runScript("content-versions", ["--persist-to", kv])).stdout;
const rollback = (args: string[] = []) =>
  runScript("content-rollback", ["--persist-to", kv, ...args]);
const versionOf = (stdout: string) => /version ([0-9a-f]{12}) is live/.exec(stdout)?.[1];

/** What the project page shows: its title (a project view) and the site name (the site view). */
async function served(): Promise<{ title: string; site: string }> {
  const res = await fetch(server.url + PROJECT);
  expect(res.status).toBe(200);
  const body = await res.text();
  return {
    title: /<h1>([^<]*)<\/h1>/.exec(body)?.[1] ?? "",
    site: /class="brand-name">([^<]*)</.exec(body)?.[1] ?? "",
  };
}

// The editors' workflow against wrangler's real local KV, served by `wrangler dev` as `npm start`
// does.
// Each step runs wrangler several times; on a busy machine one publish takes most of a minute.
describe("publishing content with wrangler", { timeout: 150_000 }, () => {
  const ids: Record<string, string | undefined> = {};
  let listing = "";

  it("publishes content/, and the site serves it", async () => {
    const run = await publish(dirs.original!);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("added    50 projects");
    expect(run.stderr).toMatch(/Reading back version [0-9a-f]{12}: (\d+)\/\1 keys/);
    ids.original = versionOf(run.stdout);
    expect(await served()).toEqual({ title: TITLE, site: SITE });
  });

  it("publishing the same content again changes nothing", async () => {
    const run = await publish(dirs.original!);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Version ${ids.original} is already live`);
  });

  it("a dry run shows what would change and writes nothing", async () => {
    const run = await publish(dirs.b!, ["--dry-run"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("changed  1 project: life-sciences");
    expect(run.stdout).toContain("plan and labels changed");
    // Field by field, old → new, the locale named: only what the editor changed.
    expect(run.stdout).toContain(
      [
        "    life-sciences: 1 field",
        `      text.en.title (en): "…${TITLE.slice(-24)}" → "…${TITLE.slice(-24)} (B)"`,
      ].join("\n"),
    );
    expect(run.stdout).toContain(
      ["    plan and labels (en): 1 field", `      strings.siteName: "${SITE}" → "${SITE} B"`].join(
        "\n",
      ),
    );
    expect(run.stdout).not.toContain("plan and labels (it)");
    expect(run.stdout).not.toContain("cookie texts");
    expect(run.stdout).toContain("Dry run: nothing was written");
    listing = await versions();
    expect(listing.match(/^[* ] [0-9a-f]{12} /gm)).toHaveLength(1);
    expect(await served()).toEqual({ title: TITLE, site: SITE });
  });

  it("invalid content: each problem on one line as file: field: message, and nothing is published", async () => {
    const runs = [
      await publish(dirs.invalid!),
      await runScript("content-validate", ["--content-dir", dirs.invalid!]),
    ];
    for (const run of runs) {
      expect(run.code).toBe(1);
      const lines = run.stderr.trim().split("\n");
      expect(lines).toContain(
        `${dirs.invalid}/projects/07-life-sciences.json: text.en.title: must not be empty`,
      );
      expect(lines).toContain(
        `${dirs.invalid}/strings.json: en.nav.plan: is missing (expected string)`,
      );
      expect(lines.at(-1)).toMatch(
        /^2 problems in .*: (nothing was published|fix them and run the check again)\.$/,
      );
    }
    expect(await versions()).toBe(listing);
    expect(await served()).toEqual({ title: TITLE, site: SITE });
  });

  it("publishes a change: the summary names it and the site serves it", async () => {
    const run = await publish(dirs.b!);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("changed  1 project: life-sciences");
    expect(run.stdout).toContain(`replacing ${ids.original}`);
    expect(run.stdout).toContain(
      `      text.en.title (en): "…${TITLE.slice(-24)}" → "…${TITLE.slice(-24)} (B)"`,
    );
    ids.b = versionOf(run.stdout);
    expect(await served()).toEqual({ title: `${TITLE} (B)`, site: `${SITE} B` });
  });

  it("rolls back to the previous version with one command, and forward again with the same one", async () => {
    expect(await versions()).toMatch(
      new RegExp(`^\\* ${ids.b} .* live\\n  ${ids.original} .* previous$`, "m"),
    );
    const back = await rollback();
    expect(back.stdout).toContain(`Rolled back: version ${ids.original} is live`);
    expect(await served()).toEqual({ title: TITLE, site: SITE });
    expect((await rollback()).code).toBe(0);
    expect(await served()).toEqual({ title: `${TITLE} (B)`, site: `${SITE} B` });
  });

  it("an upload killed half-way leaves the live version serving", async () => {
    const killed = await publish(dirs.c!, ["--batch-size", "20"], (stderr, child) => {
      if (/Uploading version \w+: 20\//.test(stderr)) killHard(child);
    });
    expect(killed.code).toBeNull();
    expect(killed.stdout).not.toContain("Published");
    expect(await served()).toEqual({ title: `${TITLE} (B)`, site: `${SITE} B` });
    expect(await versions()).toMatch(/^  [0-9a-f]{12} .* upload unfinished$/m);
  });

  it("running it again completes it, and readers meanwhile see the old version or the new one, never a mix", async () => {
    const seen: { title: string; site: string }[] = [];
    let publishing = true;
    const reader = async () => {
      while (publishing) {
        seen.push(await served());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const readers = [reader(), reader()];
    const run = await publish(dirs.c!, ["--keep", "2"]);
    publishing = false;
    await Promise.all(readers);
    seen.push(await served());

    expect(run.code).toBe(0);
    ids.c = versionOf(run.stdout);
    const kinds = new Set(seen.map((s) => JSON.stringify(s)));
    expect([...kinds].sort()).toEqual(
      [
        { title: `${TITLE} (B)`, site: `${SITE} B` },
        { title: `${TITLE} (C)`, site: `${SITE} C` },
      ].map((s) => JSON.stringify(s)),
    );
  });

  it("keeps --keep versions, always the live one and the one before it, and deletes the rest", async () => {
    const listed = await versions();
    expect(listed.match(/^[* ] [0-9a-f]{12} /gm)).toHaveLength(2);
    expect(listed).toMatch(new RegExp(`^\\* ${ids.c} .* live\\n  ${ids.b} .* previous$`, "m"));
    expect(listed).not.toContain("upload unfinished");
    const gone = await rollback(["--to", ids.original!]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`Version ${ids.original} is not in local KV`);
    expect(await served()).toEqual({ title: `${TITLE} (C)`, site: `${SITE} C` });
  });
});
