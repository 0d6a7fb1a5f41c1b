// npm run consent:export -- [--from DAY] [--to DAY] [--format csv|ndjson|json] [--local | --remote | --url URL]:
// an export of the consent ledger to a file, read from D1 through wrangler, or from a running Worker's admin API.
import { createWriteStream } from "node:fs";
import { userInfo } from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseRecordQuery, queryString } from "../worker/admin/query.ts";
import { exportFileName } from "../worker/ledger/export-format.ts";
import { type QueryRunner, exportChunks } from "../worker/ledger/export.ts";
import { CliError, UsageError, parseCommandLine, runCommand } from "./lib/cli.ts";
import { readDevVars } from "./lib/dev-vars.ts";
import { wrangler } from "./lib/wrangler.ts";

const USAGE = `Usage: npm run consent:export -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|ndjson|json]
       [--consent-id ID] [--action ACTION] [--policy-version V] [--local | --remote | --url URL] [--out FILE]

--local   read the local D1 (what npm start serves; the default)
--remote  read the production D1 through wrangler (needs wrangler login)
--url     ask a running Worker's /admin/api/consents with the bearer token (ADMIN_TOKEN from the environment
          or .dev.vars); the Worker seals the ledger first, so the export ends with a signed checkpoint
--out     the file to write (default: consent-ledger_FROM_TO.FORMAT in the current folder)
--persist-to DIR  with --local: wrangler's local state folder (default .wrangler/state)`;

runCommand(async () => {
  const values = parseCommandLine(
    {
      from: { type: "string" },
      to: { type: "string" },
      format: { type: "string" },
      "consent-id": { type: "string" },
      action: { type: "string" },
      "policy-version": { type: "string" },
      local: { type: "boolean" },
      remote: { type: "boolean" },
      url: { type: "string" },
      out: { type: "string" },
      "persist-to": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  if ([values.local, values.remote, values.url].filter(Boolean).length > 1) throw new UsageError(`choose one of --local, --remote and --url\n\n${USAGE}`);
  const params = new URLSearchParams(
    Object.entries({ from: values.from, to: values.to, format: values.format ?? "csv", consent_id: values["consent-id"], action: values.action, policy_version: values["policy-version"] })
      .filter((e): e is [string, string] => e[1] !== undefined),
  );
  let parsed;
  try {
    parsed = parseRecordQuery(params);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const out = values.out ?? exportFileName(parsed.filter, parsed.format);
  if (values.url) await exportFromWorker(values.url, queryString(parsed.query), out);
  else await exportFromD1(values.remote ? ["--remote"] : ["--local", ...(values["persist-to"] ? ["--persist-to", values["persist-to"]] : [])], parsed, out);
});

async function exportFromWorker(base: string, query: string, out: string): Promise<void> {
  const token = process.env.ADMIN_TOKEN || readDevVars().ADMIN_TOKEN;
  if (!token) throw new CliError("no admin token: set ADMIN_TOKEN or run npm start once to create .dev.vars");
  const url = new URL(`/admin/api/consents?${query}`, base);
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) throw new CliError(`${url.origin} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  await pipeline(Readable.fromWeb(res.body as import("node:stream/web").ReadableStream), createWriteStream(out));
  console.error(`Wrote ${out} from ${url.origin} (logged there as an admin export).`);
}

async function exportFromD1(target: string[], parsed: ReturnType<typeof parseRecordQuery>, out: string): Promise<void> {
  const remote = target.includes("--remote");
  const run: QueryRunner = async <T>(sql: string, params: (string | number)[]) => d1(target, inline(sql, params)) as T[];
  await pipeline(Readable.from(exportChunks(run, parsed.filter, parsed.format)), createWriteStream(out));
  // Exports made outside the Worker are logged too, in the same table.
  d1(target, inline("INSERT INTO admin_access (at, principal, auth, method, path, query, status, kind) VALUES (?, ?, 'cli', 'EXPORT', 'wrangler d1', ?, 200, 'export')", [new Date().toISOString(), `cli:${userInfo().username}`, queryString(parsed.query)]));
  console.error(`Wrote ${out} from the ${remote ? "remote" : "local"} D1, with the checkpoints sealed so far (--url seals first).`);
}

function d1(target: string[], sql: string): unknown[] {
  const output = wrangler(["d1", "execute", "LEDGER", ...target, "--json", "--command", sql], { quiet: true });
  const [result] = JSON.parse(output) as { results: unknown[] }[];
  return result?.results ?? [];
}

/** Binds parameters into the SQL text (wrangler's --command takes none). Values were validated by the query schema. */
function inline(sql: string, params: (string | number)[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => {
    const value = params[i++];
    return typeof value === "number" ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}
