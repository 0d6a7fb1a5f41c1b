// Serves the built bundle in workerd through Miniflare, with KV seeded from content/: no wrangler
// dev proxy. The Miniflare (and so the workerd) is the one wrangler itself bundles, i.e. the
// runtime `wrangler deploy` and `wrangler dev` are built against, not the older top-level copy; the
// bindings come from wrangler.toml through wrangler's own translation, so a binding added there (a
// Durable Object, a rate limit) is served here too.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import type * as MiniflareModule from "miniflare";
import { buildVersion } from "../../content/build.ts";
import { formatProblem, validateContent } from "../../content/validate.ts";
import { POINTER_KEY } from "../../content/views.ts";
import { readContentFiles } from "./content-files.ts";
import { applyLedgerMigrations } from "./ledger-migrations.ts";

type Miniflare = MiniflareModule.Miniflare;
type WorkerOptions = Record<string, unknown> & { bindings?: Record<string, unknown> };
type Wrangler = {
  unstable_getMiniflareWorkerOptions(configPath: string): { workerOptions: WorkerOptions };
  unstable_readConfig(args: { config: string }): { vars?: Record<string, unknown> };
};

const ROOT = new URL("../../", import.meta.url).pathname;
const requireHere = createRequire(import.meta.url);
const wranglerPackage = requireHere.resolve("wrangler/package.json");
const requireFromWrangler = createRequire(wranglerPackage);
const { Miniflare, convertV4MiniflareOptions } = requireFromWrangler(
  "miniflare",
) as typeof MiniflareModule;

/**
 * The runtime serving the bundle: wrangler's, its Miniflare's, and the workerd that Miniflare runs.
 */
export const RUNTIME_VERSIONS = {
  wrangler: (requireHere("wrangler/package.json") as { version: string }).version,
  miniflare: (requireFromWrangler("miniflare/package.json") as { version: string }).version,
  workerd: (
    createRequire(requireFromWrangler.resolve("miniflare/package.json"))(
      "workerd/package.json",
    ) as { version: string }
  ).version,
};

export type ServeOptions = {
  scriptPath: string;
  port?: number;
  /** Vars and secrets over wrangler.toml's [vars]. */
  bindings?: Record<string, string>;
  contentDir?: string;
  /**
   * Keep KV, D1 and Durable Objects in this folder (kept after close), so a later serve can
   * reuse them.
   */
  kvPersist?: string;
  /** false serves what `kvPersist` already holds, without seeding it again. */
  seed?: boolean;
  /**
   * Open workerd's V8 inspector on a free port (`mf.getInspectorURL()`): the benchmark reads the
   * isolate's heap.
   */
  inspector?: boolean;
  /**
   * Serve wrangler.toml's bindings (default), or only `bindings` (the benchmark's floor Workers: no
   * KV, no D1).
   */
  config?: "wrangler" | "none";
  /**
   * Each line workerd logs (console output, uncaught errors): tests look for the runtime's own
   * error messages.
   */
  onLog?: (level: string, message: string) => void;
};

/**
 * `url`: through Miniflare's entry Worker, as `wrangler dev` serves (it adds CF-Connecting-IP and
 * the `cf` object). `directUrl`: workerd's own socket for the Worker, nothing in between: a request
 * costs only what the Worker costs (the benchmark measures there; Miniflare's entry costs more than
 * hello world itself). On neither does a client hanging up cancel the Worker's request, as
 * Cloudflare's edge does: local workerd runs it to the end (measured).
 */
export type ServedSite = {
  url: string;
  directUrl: string;
  mf: Miniflare;
  close: () => Promise<void>;
};

/** Starts the Worker on 127.0.0.1 with the live content version loaded into its KV. */
export async function serveBundle(options: ServeOptions): Promise<ServedSite> {
  const site = readWranglerBindings("wrangler.toml");
  // The floors get wrangler.toml's runtime (date and flags), and no bindings.
  const config =
    options.config === "none"
      ? {
          compatibilityDate: site.compatibilityDate,
          compatibilityFlags: site.compatibilityFlags,
          bindings: {},
        }
      : site;
  // A fresh consent-cookie key per served site, as a secret binding would be; tests may pass
  // their own.
  const bindings = {
    SITE_ORIGIN: "",
    CONSENT_SECRET: randomBytes(32).toString("base64url"),
    ...options.bindings,
  };
  // The compliance Worker, when the build put one beside the site's (scripts/lib/bundle.ts),
  // behind ADMIN.
  const adminScript = join(dirname(options.scriptPath), ADMIN_BUNDLE);
  const withAdmin = options.config !== "none" && existsSync(adminScript);
  const { serviceBindings, durableObjects, ...siteRest } = config as WorkerOptions & {
    serviceBindings?: Record<string, unknown>;
    durableObjects?: Record<string, unknown>;
  };
  const siteWorker = {
    ...siteRest,
    // Both point into the compliance Worker: served only beside it (a fixture Worker gets neither).
    ...(withAdmin ? { serviceBindings, durableObjects } : {}),
    name: SITE_WORKER,
    modules: true,
    // workerd's own socket for the Worker, beside Miniflare's entry: see `direct` above.
    unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
    scriptPath: options.scriptPath,
    modulesRoot: dirname(options.scriptPath),
    bindings: { ...config.bindings, ...bindings },
  };
  const admin = withAdmin ? readWranglerBindings("wrangler.admin.toml") : undefined;
  const adminWorker = admin && {
    ...admin,
    name: ADMIN_WORKER,
    modules: true,
    scriptPath: adminScript,
    modulesRoot: dirname(adminScript),
    bindings: { ...admin.bindings, ...bindings },
  };
  // Miniflare 5 takes a new shape of options; it converts the v4 shape that wrangler's
  // translation gives.
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      workers: adminWorker ? [siteWorker, adminWorker] : [siteWorker],
      rootPath: ROOT,
      host: "127.0.0.1",
      port: options.port ?? 0,
      resourcePersistencePath: options.kvPersist,
      inspectorPort: options.inspector ? 0 : undefined,
      handleStructuredLogs: options.onLog
        ? ({ level, message }: { level: string; message: string }) => options.onLog!(level, message)
        : undefined,
    } as unknown as MiniflareModule.V4MiniflareOptions),
  );
  const url = await mf.ready;
  if (options.config !== "none") {
    const ledger = await mf.getD1Database("LEDGER");
    if (!(await hasTables(ledger))) await applyLedgerMigrations(ledger);
  }
  if (options.seed !== false && options.config !== "none")
    await seedContent(mf, options.contentDir);
  const directUrl = (await mf.unsafeGetDirectURL(SITE_WORKER)).origin;
  return { url: url.origin, directUrl, mf, close: () => mf.dispose() };
}

/**
 * The two Workers' names (wrangler.toml, wrangler.admin.toml) and where the build puts the second.
 */
export const SITE_WORKER = "far-volare-milano";
const ADMIN_WORKER = "far-volare-admin";
export const ADMIN_BUNDLE = "admin/index.js";

/**
 * A config's bindings as `wrangler dev` would give them, but its [vars] only: never a .dev.vars
 * secret (tests set their own). ENVIRONMENT is left out: it names the consent cookie `__Host-` for
 * HTTPS, and this server is plain HTTP on 127.0.0.1, as `npm start` (whose .dev.vars unset it) is.
 */
function readWranglerBindings(file: string): WorkerOptions {
  const wrangler = requireHere("wrangler") as Wrangler;
  const configPath = `${ROOT}${file}`;
  const { workerOptions } = wrangler.unstable_getMiniflareWorkerOptions(configPath);
  const { ENVIRONMENT: _production, ...vars } =
    wrangler.unstable_readConfig({ config: configPath }).vars ?? {};
  // The bundle is one module already; rules for importing other file types have nothing to match.
  const { modulesRules: _rules, ...rest } = workerOptions;
  return { ...rest, bindings: vars };
}

/**
 * A persisted ledger is migrated already: the migrations create their tables without IF NOT EXISTS.
 */
async function hasTables(db: {
  prepare(sql: string): { first<T>(column: string): Promise<T | null> };
}): Promise<boolean> {
  const count = await db
    .prepare(
      "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'consent_records'",
    )
    .first<number>("n");
  return (count ?? 0) > 0;
}

const SEED_BATCH = 200;

async function seedContent(mf: Miniflare, contentDir?: string): Promise<void> {
  const result = validateContent(await readContentFiles(contentDir));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  const built = await buildVersion(result.bundle);
  const kv = await mf.getKVNamespace("CONTENT");
  // In batches: a 10,000-project version has tens of thousands of keys, more than sockets to put
  // them at once.
  const entries = [...built.entries];
  for (let i = 0; i < entries.length; i += SEED_BATCH) {
    await Promise.all(entries.slice(i, i + SEED_BATCH).map(([key, value]) => kv.put(key, value)));
  }
  await kv.put(
    POINTER_KEY,
    JSON.stringify({ version: built.version, publishedAt: new Date().toISOString() }),
  );
}
