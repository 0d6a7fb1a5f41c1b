// Serves the built bundle in workerd through Miniflare, with KV seeded from content/: no wrangler dev proxy.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { Miniflare, convertV4MiniflareOptions } from "miniflare";
import { buildVersion } from "../../content/build.ts";
import { formatProblem, validateContent } from "../../content/validate.ts";
import { POINTER_KEY } from "../../content/views.ts";
import { readContentFiles } from "./content-files.ts";
import { applyLedgerMigrations } from "./ledger-migrations.ts";

/** The date wrangler.toml pins, so the served bundle runs with the same runtime behaviour as in deploys. */
const COMPATIBILITY_DATE = /^compatibility_date\s*=\s*"([\d-]+)"/m.exec(
  readFileSync(new URL("../../wrangler.toml", import.meta.url), "utf8"),
)?.[1];

export type ServeOptions = {
  scriptPath: string;
  port?: number;
  bindings?: Record<string, string>;
  contentDir?: string;
  /** Keep KV on disk under this folder instead of in workerd's memory (the benchmark measures workerd's memory). */
  kvPersist?: string;
  /** false serves what `kvPersist` already holds, without seeding it again. */
  seed?: boolean;
  /** Open workerd's V8 inspector on a free port (`mf.getInspectorURL()`): the benchmark reads the isolate's heap. */
  inspector?: boolean;
};

export type ServedSite = { url: string; mf: Miniflare; close: () => Promise<void> };

/** Starts the Worker on 127.0.0.1 with the live content version loaded into its KV. */
export async function serveBundle(options: ServeOptions): Promise<ServedSite> {
  // Miniflare 5 (the one wrangler runs) still takes the flat options of version 4 through its converter.
  const mf = new Miniflare(convertV4MiniflareOptions({
    modules: true,
    scriptPath: options.scriptPath,
    modulesRoot: dirname(options.scriptPath),
    compatibilityDate: COMPATIBILITY_DATE,
    host: "127.0.0.1",
    port: options.port ?? 0,
    kvNamespaces: ["CONTENT"],
    kvPersist: options.kvPersist,
    inspectorPort: options.inspector ? 0 : undefined,
    versionMetadata: "CF_VERSION_METADATA",
    // The consent ledger, in memory, with its migrations applied below; and the admin rate limit of wrangler.toml.
    d1Databases: ["LEDGER"],
    ratelimits: { ADMIN_RATE_LIMIT: { namespace_id: "1001", simple: { limit: 60, period: 60 } } },
    // A fresh consent-cookie key per served site, as a secret binding would be; tests may pass their own.
    bindings: { SITE_ORIGIN: "", CONSENT_SECRET: randomBytes(32).toString("base64url"), ...options.bindings },
  }));
  const url = await mf.ready;
  await applyLedgerMigrations(await mf.getD1Database("LEDGER"));
  if (options.seed !== false) await seedContent(mf, options.contentDir);
  return { url: url.origin, mf, close: () => mf.dispose() };
}

const SEED_BATCH = 200;

async function seedContent(mf: Miniflare, contentDir?: string): Promise<void> {
  const result = validateContent(await readContentFiles(contentDir));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  const built = await buildVersion(result.bundle);
  const kv = await mf.getKVNamespace("CONTENT");
  // In batches: a 10,000-project version has tens of thousands of keys, more than sockets to put them at once.
  const entries = [...built.entries];
  for (let i = 0; i < entries.length; i += SEED_BATCH) {
    await Promise.all(entries.slice(i, i + SEED_BATCH).map(([key, value]) => kv.put(key, value)));
  }
  await kv.put(POINTER_KEY, JSON.stringify({ version: built.version, publishedAt: new Date().toISOString() }));
}
