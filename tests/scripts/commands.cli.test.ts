// Every command in scripts/ as people type it: --help, mistyped flags, --remote, an old Node.
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CliError,
  UsageError,
  changeTargetOf,
  confirmRemote,
  readCommandLine,
} from "../../scripts/lib/cli.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  engines: { node: string };
};
/**
 * Every command in scripts/: the npm script that runs it, or the file itself for the one npm
 * start runs.
 */
const COMMANDS = readdirSync(join(ROOT, "scripts"))
  .filter((file) => file.endsWith(".ts"))
  .map((file) => ({
    file,
    script: Object.entries(pkg.scripts).find(([, line]) => line.endsWith(`scripts/${file}`))?.[0],
  }));

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs a command with none of npm's or the developer's npm_config_* leaking in, plus `env`. */
function run(
  file: string,
  args: string[],
  env: Record<string, string> = {},
  input = "",
): Promise<Run> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_(config|lifecycle)_/.test(name)),
  );
  const child = spawn(process.execPath, [join(ROOT, "scripts", file), ...args], {
    cwd: ROOT,
    // The compile cache spares each of these start-ups compiling the same modules again.
    env: {
      ...clean,
      NODE_COMPILE_CACHE: join(tmpdir(), "fvm-node-compile-cache"),
      FVM_DEV_VARS: "/nonexistent/.dev.vars",
      WRANGLER_SEND_METRICS: "false",
      ...env,
    },
  });
  const result = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (result.stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => (result.stderr += chunk));
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, ...result }));
  });
}

/** A few at a time: each is a Node start-up, on a machine with two cores. */
async function each<T, R>(items: T[], task: (item: T) => Promise<R>, width = 3): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]!);
      }
    }),
  );
  return results;
}

// Every command in scripts/ as an editor or operator types it: --help, a mistyped flag, a flag npm
// kept for itself (written before "--"), a --remote change without a terminal or with one, and an
// old Node.
describe("every command in scripts/", () => {
  it("lists them all, and each npm script that runs a .ts file is preceded by the Node guard", () => {
    expect(COMMANDS.length).toBeGreaterThanOrEqual(12);
    const tsScripts = Object.entries(pkg.scripts).filter(
      ([, line]) => /\.ts\b/.test(line) && line.startsWith("node "),
    );
    expect(tsScripts.length).toBeGreaterThan(0);
    for (const [name, line] of tsScripts)
      expect(`${name}: ${line}`).toMatch(/: node -r \.\/scripts\/lib\/node-guard\.cjs scripts\//);
  });

  it("--help prints the usage and exits 0, before doing anything", async () => {
    const results = await each(COMMANDS, (c) => run(c.file, ["--help"]));
    for (const [i, result] of results.entries()) {
      expect({
        file: COMMANDS[i]!.file,
        code: result.code,
        usage: result.stdout.startsWith("Usage:"),
      }).toEqual({ file: COMMANDS[i]!.file, code: 0, usage: true });
    }
  });

  it("an unknown flag exits 2 with the usage, never 1 (which consent:verify uses for a tampered export)", async () => {
    const results = await each(COMMANDS, (c) => run(c.file, ["--remtoe"]));
    for (const [i, result] of results.entries()) {
      const file = COMMANDS[i]!.file;
      expect({ file, code: result.code }).toEqual({ file, code: 2 });
      expect(result.stderr).toContain("Unknown option '--remtoe'");
      expect(result.stderr).toContain("Usage:");
    }
  });

  it("npm's own --dry-run (npm_config_dry_run) is refused by every command with the form that works, exit 2", async () => {
    const results = await each(COMMANDS, (c) =>
      run(c.file, [], { npm_config_dry_run: "true", npm_lifecycle_event: c.script ?? "SCRIPT" }),
    );
    for (const [i, result] of results.entries()) {
      const { file, script } = COMMANDS[i]!;
      expect({ file, code: result.code }).toEqual({ file, code: 2 });
      expect(result.stderr).toContain("npm kept --dry-run for itself");
      const hasDryRun = readFileSync(join(ROOT, "scripts", file), "utf8").includes(
        '"dry-run": { type: "boolean" }',
      );
      expect(result.stderr).toContain(
        hasDryRun
          ? `npm run ${script} -- --dry-run`
          : `${script ?? "SCRIPT"} has no --dry-run; to run it: npm run ${script ?? "SCRIPT"}\n`,
      );
    }
  });
});

describe("npm run content:publish --dry-run -- --remote (the flag before --)", () => {
  it("publishes nothing: exit 2, and the message shows the command that does a dry run", async () => {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^npm_(config|lifecycle)_/.test(name)),
    );
    const result = spawnSync("npm", ["run", "content:publish", "--dry-run", "--", "--remote"], {
      cwd: ROOT,
      encoding: "utf8",
      env: clean,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("npm run content:publish -- --remote --dry-run");
    expect(result.stderr).not.toContain("Content is valid");
  });
});

describe("reading a command line (scripts/lib/cli.ts)", () => {
  const options = {
    remote: { type: "boolean" },
    env: { type: "string" },
    "dry-run": { type: "boolean" },
    yes: { type: "boolean" },
    help: { type: "boolean" },
  } as const;

  it("a flag npm kept is named, with the command line that passes it on", () => {
    const line = readCommandLine(options, ["staging"], {
      npm_config_remote: "true",
      npm_config_env: "true",
      npm_lifecycle_event: "content:publish",
    });
    expect(line.kind).toBe("usage");
    expect(line.kind === "usage" && line.message).toContain("npm kept --remote, --env for itself");
    expect(line.kind === "usage" && line.message).toContain(
      "npm run content:publish -- staging --remote --env ENV",
    );
  });

  it("npm's own yes and scope, which an .npmrc may set, are not taken for the command's flags", () => {
    const line = readCommandLine({ ...options, scope: { type: "string" } }, ["--remote"], {
      npm_config_yes: "true",
      npm_config_scope: "@team",
      npm_config_dry_run: "",
    });
    expect(line).toEqual({ kind: "run", values: { remote: true }, positionals: [] });
  });

  it("a command without --dry-run says so when npm kept one", () => {
    const line = readCommandLine({ help: { type: "boolean" } }, [], {
      npm_config_dry_run: "true",
      npm_lifecycle_event: "content:versions",
    });
    expect(line.kind === "usage" && line.message).toContain(
      "content:versions has no --dry-run; to run it: npm run content:versions",
    );
  });

  it("a value that begins with a dash (a base64url key) is taken as the value, while a missing value is still refused", () => {
    expect(readCommandLine(options, ["--env", "-Xk3_a", "--remote"], {})).toEqual({
      kind: "run",
      values: { env: "-Xk3_a", remote: true },
      positionals: [],
    });
    expect(readCommandLine(options, ["--env", "--remote"], {}).kind).toBe("usage");
  });

  it("positionals are refused where a command takes none", () => {
    expect(readCommandLine(options, ["oops"], {}).kind).toBe("usage");
    expect(readCommandLine(options, ["file.csv"], {}, { positionals: true })).toEqual({
      kind: "run",
      values: {},
      positionals: ["file.csv"],
    });
  });
});

describe("--remote changes ask first", () => {
  it("without a terminal they need --yes: refused at once, exit 2, before any remote call", async () => {
    for (const file of ["content-publish.ts", "content-rollback.ts"]) {
      const started = performance.now();
      const result = await run(file, ["--remote"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        "this changes production. Without a terminal to ask on, pass --yes to confirm. Nothing was changed.",
      );
      // No wrangler ran: that alone would take seconds and fail here, with no account.
      expect(result.stderr).not.toContain("wrangler");
      expect(performance.now() - started).toBeLessThan(15_000);
    }
    expect(() => changeTargetOf({ remote: true, yes: true }, false)).not.toThrow();
    expect(() => changeTargetOf({ remote: true }, false)).toThrow(UsageError);
    expect(() => changeTargetOf({}, false)).not.toThrow();
  });

  it("on a terminal the answer decides: y goes ahead, anything else changes nothing", async () => {
    const asked: string[] = [];
    const ask = (answer: string) => async (question: string) => (asked.push(question), answer);
    await expect(
      confirmRemote("Publish version abc to remote KV", { remote: true }, true, ask("y")),
    ).resolves.toBeUndefined();
    await expect(
      confirmRemote("Publish version abc to remote KV", { remote: true }, true, ask("")),
    ).rejects.toThrow(CliError);
    await expect(
      confirmRemote("Publish version abc to remote KV", { remote: true }, true, ask("no")),
    ).rejects.toThrow("Not confirmed: nothing was changed.");
    expect(asked[0]).toBe(
      "Publish version abc to remote KV: this changes production. Go ahead? [y/N] ",
    );
    await expect(
      confirmRemote("x", { remote: true, yes: true }, true, ask("n")),
    ).resolves.toBeUndefined();
    await expect(confirmRemote("x", { remote: false }, false, ask("n"))).resolves.toBeUndefined();
    expect(asked).toHaveLength(3);
  });

  it("npm run deploy on a real terminal asks, and answering n deploys nothing (exit 1)", () => {
    // script(1) gives the command a pseudo-terminal, as an operator's shell would.
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^npm_(config|lifecycle)_/.test(name)),
    );
    const result = spawnSync(
      "script",
      ["-qec", `${process.execPath} scripts/deploy.ts`, "/dev/null"],
      { cwd: ROOT, encoding: "utf8", input: "n\n", env: clean, timeout: 60_000 },
    );
    expect(result.stdout).toContain(
      "Deploy far-volare-milano (production): this changes production. Go ahead? [y/N]",
    );
    expect(result.stdout).toContain("Not confirmed: nothing was changed.");
    expect(result.stdout).not.toContain("1/7");
    expect(result.status).toBe(1);
  });
});

describe("an older Node", () => {
  it("stops with one line and exit 2, naming the version needed (the guard npm scripts preload)", () => {
    // The guard reads engines from package.json: one asking for Node 99 makes this Node the
    // old one.
    const dir = mkdtempSync(join(tmpdir(), "fvm-guard-"));
    try {
      mkdirSync(join(dir, "scripts/lib"), { recursive: true });
      cpSync(join(ROOT, "scripts/lib/node-guard.cjs"), join(dir, "scripts/lib/node-guard.cjs"));
      writeFileSync(join(dir, "package.json"), JSON.stringify({ engines: { node: ">=99.1" } }));
      writeFileSync(join(dir, "main.ts"), "const typed: number = 1;\nconsole.log('ran', typed);\n");
      const old = spawnSync(process.execPath, ["-r", "./scripts/lib/node-guard.cjs", "main.ts"], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(old.status).toBe(2);
      expect(old.stdout).toBe("");
      expect(old.stderr.trimEnd().split("\n")).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Node\\.js ${process.versions.node} .* is too old: these scripts need Node >=99\\.1, `,
          ),
        ),
      ]);
      writeFileSync(join(dir, "package.json"), JSON.stringify({ engines: pkg.engines }));
      const current = spawnSync(
        process.execPath,
        ["-r", "./scripts/lib/node-guard.cjs", "main.ts"],
        { cwd: dir, encoding: "utf8" },
      );
      expect(current.stdout).toBe("ran 1\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("engines, .nvmrc and the Node that npm scripts run agree", () => {
    const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version: string }>;
    };
    const nvmrc = readFileSync(join(ROOT, ".nvmrc"), "utf8").trim();
    const [major, minor] = /^>=(\d+)\.(\d+)$/.exec(pkg.engines.node)!.slice(1).map(Number) as [
      number,
      number,
    ];
    const atLeast = (version: string) => {
      const [a, b] = version.split(".").map(Number) as [number, number];
      return a > major || (a === major && b >= minor);
    };
    expect(pkg.engines.node).toBe(">=22.18");
    expect(atLeast(nvmrc)).toBe(true);
    expect(nvmrc).toBe(lock.packages["node_modules/node"]!.version);
    expect(atLeast(process.versions.node)).toBe(true);
  });
});
