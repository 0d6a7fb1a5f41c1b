// For tests of the editors' commands: run them as an editor would, on copies of content/, against a
// local KV folder that `wrangler dev` serves, exactly as `npm start` does.
import { type ChildProcess, spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
/** Node 22 from the dev dependency: it strips the scripts' types, and wrangler needs it. */
const NODE = join(ROOT, "node_modules/.bin/node");
const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");

export type RunResult = { code: number | null; stdout: string; stderr: string };

/** A temporary folder, removed by `removeTemp`. */
export function makeTemp(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `fvm-${label}-`));
}

export function removeTemp(dir: string | undefined): Promise<void> {
  return dir ? rm(dir, { recursive: true, force: true }) : Promise.resolve();
}

/**
 * `scripts/<name>.ts ...args`, from the project root. `onStderr` sees each chunk as it comes (to
 * interrupt a run).
 */
export function runScript(
  name: string,
  args: string[],
  onStderr?: (text: string, child: ChildProcess) => void,
): Promise<RunResult> {
  const child = spawn(NODE, [join(ROOT, "scripts", `${name}.ts`), ...args], {
    cwd: ROOT,
    detached: true,
  });
  const result = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (result.stdout += chunk));
  child.stderr.on("data", (chunk: Buffer) => {
    result.stderr += chunk;
    onStderr?.(result.stderr, child);
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, ...result }));
  });
}

/**
 * Kills a script and the wrangler it is running, as a closed terminal or a lost connection would.
 */
export function killHard(child: ChildProcess): void {
  if (child.pid) process.kill(-child.pid, "SIGKILL");
}

/** A copy of content/ in a temporary folder, with each named JSON file changed by its edit. */
export async function contentCopy(
  edits: Record<string, (json: any) => void> = {},
): Promise<string> {
  const dir = await makeTemp("content");
  await cp(join(ROOT, "content"), dir, {
    recursive: true,
    filter: (path) => !path.endsWith(".ts"),
  });
  for (const [file, edit] of Object.entries(edits)) {
    const json = JSON.parse(await readFile(join(dir, file), "utf8"));
    edit(json);
    await writeFile(join(dir, file), JSON.stringify(json, null, 2));
  }
  return dir;
}

export type DevServer = { url: string; stop: () => Promise<void> };

/**
 * `wrangler dev` on a free port, reading KV from `persistTo`: the site as `npm start` serves it
 * (`extraArgs`: e.g. `--var`).
 */
/**
 * `vars` reach both Workers (wrangler's `--var` would reach only the first): through the
 * environment wrangler reads.
 */
export async function startDevServer(
  persistTo: string,
  extraArgs: string[] = [],
  vars: Record<string, string> = {},
): Promise<DevServer> {
  const port = await freePort();
  // Both Workers, as npm start runs them: the site's (first: it gets the port) and the compliance
  // Worker behind it.
  const child = spawn(
    NODE,
    [
      WRANGLER,
      "dev",
      "-c",
      "wrangler.toml",
      "-c",
      "wrangler.admin.toml",
      "--persist-to",
      persistTo,
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      ...extraArgs,
    ],
    {
      cwd: ROOT,
      detached: true,
      stdio: "ignore",
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: "false",
        ...(Object.keys(vars).length > 0
          ? { CLOUDFLARE_INCLUDE_PROCESS_ENV: "true", ...vars }
          : {}),
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
    await new Promise((resolve) =>
      child.exitCode === null ? child.on("exit", resolve) : resolve(null),
    );
  };
  for (let attempt = 0; attempt < 120; attempt++) {
    if (
      await fetch(`${url}/robots.txt`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error("wrangler dev did not start within 30 seconds");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
