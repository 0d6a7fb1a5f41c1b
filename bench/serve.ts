// One served Worker for the benchmark, run pinned to its own core by bench/lib/server.ts. Prints one JSON line
// with its URL, then serves until it is sent SIGTERM.
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
  },
});
if (!values.script) throw new Error("--script is required");

const site = await serveBundle({
  scriptPath: values.script,
  bindings: { PAGE_CACHE: values["page-cache"] === "off" ? "off" : "on" },
  contentDir: values.content,
  kvPersist: values.persist,
  seed: values.seed !== "off",
  inspector: values.inspector,
});
const inspector = values.inspector ? (await site.mf.getInspectorURL()).href : undefined;
process.stdout.write(`${JSON.stringify({ url: site.url, inspector })}\n`);
process.on("SIGTERM", () => {
  void site.close().finally(() => process.exit(0));
});
