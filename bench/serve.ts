// One served Worker for the benchmark, run pinned to its own core by bench/lib/server.ts. Prints
// one JSON line with its URLs (Miniflare's entry, and workerd's own socket the load goes to), then
// serves until SIGTERM.
import { parseArgs } from "node:util";
import { serveBundle } from "../scripts/lib/serve-bundle.ts";

const { values } = parseArgs({
  options: {
    script: { type: "string" },
    "page-cache": { type: "string", default: "on" },
    content: { type: "string" },
    persist: { type: "string" },
    seed: { type: "string", default: "on" },
    inspector: { type: "boolean", default: false },
    /** "none": a floor Worker, with no KV, D1 or vars of wrangler.toml. */
    config: { type: "string", default: "wrangler" },
    /** Vars over wrangler.toml's, as JSON (e.g. POINTER_TTL_SECONDS). */
    vars: { type: "string", default: "{}" },
  },
});
if (!values.script) throw new Error("--script is required");

const site = await serveBundle({
  scriptPath: values.script,
  bindings: {
    ...(JSON.parse(values.vars) as Record<string, string>),
    PAGE_CACHE: values["page-cache"] === "off" ? "off" : "on",
  },
  config: values.config === "none" ? "none" : "wrangler",
  contentDir: values.content,
  kvPersist: values.persist,
  seed: values.seed !== "off",
  inspector: values.inspector,
});
const inspector = values.inspector ? (await site.mf.getInspectorURL()).href : undefined;
process.stdout.write(
  `${JSON.stringify({ url: site.url, directUrl: site.directUrl, inspector })}\n`,
);
process.on("SIGTERM", () => {
  void site.close().finally(() => process.exit(0));
});
