// What npm test sets up first: the test tools, Chromium and Java, or one line saying what to get.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toolsInstalled } from "../tools/ensure.ts";
import { fileFilters, systemToolsForTests } from "../tools/needs.ts";
import { findSystemTool, missingToolMessage } from "../tools/system.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "fvm-tools-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function executable(path: string): string {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, "#!/bin/sh\nexit 0\n");
  chmodSync(path, 0o755);
  return path;
}

// What npm test sets up before it runs anything: the test-tools package, and the machine's Chromium
// and Java found (or installed from Debian as root), else one line saying what to install.
describe("finding a program on the machine", () => {
  it("CHROMIUM_PATH wins when it is an executable, and is reported when it is not", () => {
    const chrome = executable(join(dir, "my-chrome"));
    expect(findSystemTool("chromium", { CHROMIUM_PATH: chrome, PATH: "" })).toBe(chrome);
    const notExecutable = join(dir, "notes.txt");
    writeFileSync(notExecutable, "");
    expect(
      findSystemTool("chromium", { CHROMIUM_PATH: notExecutable, PATH: "/usr/bin" }),
    ).toBeNull();
    expect(missingToolMessage("chromium", { CHROMIUM_PATH: notExecutable })).toBe(
      `CHROMIUM_PATH=${notExecutable} is not an executable file: point it at a Chromium, or unset it.`,
    );
  });

  it("Java: JAVA_HOME's, then a java on PATH; none found says what to install", () => {
    const home = join(dir, "jdk");
    const java = executable(join(home, "bin", "java"));
    expect(findSystemTool("java", { JAVA_HOME: home, PATH: "" })).toBe(java);
    const bin = join(dir, "bin");
    const onPath = executable(join(bin, "java"));
    expect(findSystemTool("java", { PATH: bin })).toBe(onPath);
    expect(findSystemTool("java", { PATH: join(dir, "empty") })).toBeNull();
    expect(missingToolMessage("java", {})).toBe(
      "No Java runtime found: install it (Debian/Ubuntu: sudo apt-get install default-jre-headless) or set JAVA_PATH to its executable.",
    );
  });

  it("when it may not install, npm test's set-up stops at once with one line (exit 1)", () => {
    const started = performance.now();
    const result = spawnSync(process.execPath, ["tests/tools/ensure.ts", "--system", "chromium"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CHROMIUM_PATH: join(dir, "no-such-chromium") },
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([
      `CHROMIUM_PATH=${join(dir, "no-such-chromium")} is not an executable file: point it at a Chromium, or unset it.`,
    ]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe("what a vitest run needs", () => {
  it("the whole suite needs both; a browser test Chromium (through its helpers); a CLI test neither", () => {
    expect(systemToolsForTests([])).toEqual(["chromium", "java"]);
    expect(systemToolsForTests(["tests/browser/pages.test.ts"])).toContain("chromium");
    expect(systemToolsForTests(["tests/scripts/content-versions.test.ts"])).toEqual([]);
    expect(systemToolsForTests(["--project", "node", "-t", "browser", "tests/unit"])).toEqual([]);
  });

  it("file filters are vitest's positional arguments, not its options' values", () => {
    expect(
      fileFilters([
        "--project",
        "node",
        "tests/scripts/cli",
        "-t",
        "exit 2",
        "--reporter=dot",
        "--",
        "deploy",
      ]),
    ).toEqual(["tests/scripts/cli", "deploy"]);
  });
});

describe("the test-tools package", () => {
  it("counts as installed only when node_modules matches its lock", () => {
    expect(toolsInstalled()).toBe(true);
    const copy = join(dir, "tools/");
    mkdirSync(join(copy, "node_modules"), { recursive: true });
    writeFileSync(
      join(copy, "package-lock.json"),
      JSON.stringify({ packages: { "": {}, "node_modules/a": { version: "1.0.0" } } }),
    );
    expect(toolsInstalled(copy)).toBe(false);
    writeFileSync(
      join(copy, "node_modules/.package-lock.json"),
      JSON.stringify({ packages: { "node_modules/a": { version: "0.9.0" } } }),
    );
    expect(toolsInstalled(copy)).toBe(false);
    writeFileSync(
      join(copy, "node_modules/.package-lock.json"),
      JSON.stringify({ packages: { "node_modules/a": { version: "1.0.0" } } }),
    );
    expect(toolsInstalled(copy)).toBe(true);
  });
});

describe("wrangler types --check (run by npm test)", () => {
  it("passes with or without a .dev.vars, and fails once wrangler.toml changes", () => {
    const project = join(dir, "project");
    mkdirSync(project);
    for (const file of [
      "wrangler.toml",
      "worker-configuration.d.ts",
      ".dev.vars.example",
      "package.json",
    ]) {
      spawnSync("cp", [join(ROOT, file), join(project, file)]);
    }
    spawnSync("ln", ["-s", join(ROOT, "node_modules"), join(project, "node_modules")]);
    spawnSync("ln", ["-s", join(ROOT, "worker"), join(project, "worker")]);
    const check = () =>
      spawnSync(
        process.execPath,
        [
          join(ROOT, "node_modules/wrangler/bin/wrangler.js"),
          "types",
          "--check",
          "--env-file",
          ".dev.vars.example",
        ],
        {
          cwd: project,
          encoding: "utf8",
          env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
        },
      ).status;
    expect(check()).toBe(0);
    // What npm start writes, and more.
    writeFileSync(
      join(project, ".dev.vars"),
      "ADMIN_TOKEN='local'\nCONSENT_SECRET='x'\nEXTRA_LOCAL_ONLY=1\nENVIRONMENT=development\n",
    );
    expect(check()).toBe(0);
    const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
    expect(toml).toContain('GA_MEASUREMENT_ID = ""');
    writeFileSync(
      join(project, "wrangler.toml"),
      toml.replace('GA_MEASUREMENT_ID = ""', 'GA_MEASUREMENT_ID = "G-TEST"'),
    );
    expect(check()).not.toBe(0);
  });
});
