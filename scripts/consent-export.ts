// npm run consent:export -- [--from DAY] [--to DAY] [--format csv|csv-excel|ndjson|json] [--local |
// --remote | --url URL]: an export of the consent log to a file, read from D1 through wrangler, or
// from a running Worker's admin API. Either way it carries the latest signed tree head and every
// entry's inclusion proof; its manifest is signed by the Worker (--url), or here when the signing
// key is at hand (LEDGER_SIGNING_KEY, or .dev.vars locally).
import { createWriteStream } from "node:fs";
import { userInfo } from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseRecordQuery, queryString } from "../worker/admin/query.ts";
import { exportFileName } from "../worker/ledger/export-format.ts";
import { type QueryRunner, exportChunks } from "../worker/ledger/export-chunks.ts";
import { type LedgerSigner, importSigner } from "../worker/ledger/signing.ts";
import { CliError, UsageError, parseCommandLine, runCommand } from "./lib/cli.ts";
import { readDevVars } from "./lib/dev-vars.ts";
import { wrangler } from "./lib/wrangler.ts";

const USAGE = `Usage: npm run consent:export -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|csv-excel|ndjson|json]
       [--consent-id ID] [--action ACTION] [--policy-version V] [--since-size N]
       [--local | --remote | --url URL] [--out FILE]

--local   read the local D1 (what npm start serves; the default)
--remote  read the production D1 through wrangler (needs wrangler login)
--url     ask a running Worker's /admin/api/consents with the bearer token (ADMIN_TOKEN from the environment
          or .dev.vars); the Worker signs the export's manifest
--format  csv: RFC 4180 (",", CRLF, no BOM) for tools; csv-excel: for Excel with Italian regional settings
          (";" between cells, UTF-8 BOM, CRLF), opens in columns; consent:verify reads both
--since-size N  add a consistency proof from the tree of N leaves (a head you kept: consent:verify --since)
--out     the file to write (default: consent-ledger_FROM_TO.FORMAT in the current folder)
With --local or --remote the manifest is signed only when LEDGER_SIGNING_KEY is in the environment (or, for
--local, in .dev.vars); without it, a filtered or date-range export verifies as "not proven" (exit 3).
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
      "since-size": { type: "string" },
      local: { type: "boolean" },
      remote: { type: "boolean" },
      url: { type: "string" },
      out: { type: "string" },
      "persist-to": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  if ([values.local, values.remote, values.url].filter(Boolean).length > 1)
    throw new UsageError(`choose one of --local, --remote and --url\n\n${USAGE}`);
  const params = new URLSearchParams(
    Object.entries({
      from: values.from,
      to: values.to,
      format: values.format ?? "csv",
      consent_id: values["consent-id"],
      action: values.action,
      policy_version: values["policy-version"],
      since_size: values["since-size"],
    }).filter((e): e is [string, string] => e[1] !== undefined),
  );
  let parsed;
  try {
    parsed = parseRecordQuery(params);
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const out = values.out ?? exportFileName(parsed.filter, parsed.format);
  if (values.url) await exportFromWorker(values.url, queryString(parsed.query), out);
  else
    await exportFromD1(
      values.remote
        ? ["--remote"]
        : ["--local", ...(values["persist-to"] ? ["--persist-to", values["persist-to"]] : [])],
      parsed,
      out,
      await localSigner(values.remote === true),
    );
});

async function exportFromWorker(base: string, query: string, out: string): Promise<void> {
  const token = process.env.ADMIN_TOKEN || readDevVars().ADMIN_TOKEN;
  if (!token)
    throw new CliError("no admin token: set ADMIN_TOKEN or run npm start once to create .dev.vars");
  const url = new URL(`/admin/api/consents?${query}`, base);
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body)
    throw new CliError(`${url.origin} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  await pipeline(
    Readable.fromWeb(res.body as import("node:stream/web").ReadableStream),
    createWriteStream(out),
  );
  console.error(`Wrote ${out} from ${url.origin} (logged there as an admin export).`);
}

/**
 * The signing key for manifests of D1 exports: the environment's, or for the local D1 the one
 * .dev.vars holds.
 */
async function localSigner(remote: boolean): Promise<LedgerSigner | null> {
  const secret = process.env.LEDGER_SIGNING_KEY || (remote ? "" : readDevVars().LEDGER_SIGNING_KEY);
  return secret ? importSigner(secret) : null;
}

async function exportFromD1(
  target: string[],
  parsed: ReturnType<typeof parseRecordQuery>,
  out: string,
  signer: LedgerSigner | null,
): Promise<void> {
  const remote = target.includes("--remote");
  const run: QueryRunner = async <T>(sql: string, params: (string | number)[]) =>
    d1(target, inline(sql, params)) as T[];
  await pipeline(
    Readable.from(
      exportChunks(run, parsed.filter, parsed.format, { signer, sinceSize: parsed.sinceSize }),
    ),
    createWriteStream(out),
  );
  // Exports made outside the Worker are logged too, in the same table.
  d1(
    target,
    inline(
      "INSERT INTO admin_access (at, principal, auth, method, path, query, status, kind) VALUES (?, ?, 'cli', 'EXPORT', 'wrangler d1', ?, 200, 'export')",
      [new Date().toISOString(), `cli:${userInfo().username}`, queryString(parsed.query)],
    ),
  );
  console.error(
    `Wrote ${out} from the ${remote ? "remote" : "local"} D1, against its latest signed tree head${signer ? ", manifest signed" : ", without a signed manifest (no LEDGER_SIGNING_KEY)"}.`,
  );
}

function d1(target: string[], sql: string): unknown[] {
  const output = wrangler(["d1", "execute", "LEDGER", ...target, "--json", "--command", sql], {
    quiet: true,
  });
  const [result] = JSON.parse(output) as { results: unknown[] }[];
  return result?.results ?? [];
}

/**
 * Binds parameters into the SQL text (wrangler's --command takes none). Values were validated by
 * the query schema.
 */
function inline(sql: string, params: (string | number)[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => {
    const value = params[i++];
    return typeof value === "number" ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}
