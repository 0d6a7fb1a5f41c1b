// npm run consent:erase -- --consent-id ID [--url URL | --local | --remote]: erasure of one data
// subject's records (GDPR art. 17). Their bodies are deleted and their leaves kept as redacted, so
// every proof still verifies.
import { userInfo } from "node:os";
import { sha256Hex } from "../lib/bytes.ts";
import { LEDGER_ID } from "../worker/ledger/record-types.ts";
import { CliError, UsageError, confirmRemote, parseCommandLine, runCommand } from "./lib/cli.ts";
import { readDevVars } from "./lib/dev-vars.ts";
import { wrangler } from "./lib/wrangler.ts";

const USAGE = `Usage: npm run consent:erase -- --consent-id ID [--url URL | --local | --remote [--yes]] [--persist-to DIR]

--url     a running Worker's POST /admin/api/erase with the bearer token (ADMIN_TOKEN from the environment or
          .dev.vars): one atomic D1 batch, logged in the admin access log with the token's name
--local   the local D1 through wrangler (the default); --remote the production D1 (needs wrangler login)
Refuse erasure while the records are needed to establish, exercise or defend a legal claim (art. 17(3)(e)):
see the README, Compliance.`;

runCommand(async () => {
  const values = parseCommandLine(
    {
      "consent-id": { type: "string" },
      url: { type: "string" },
      local: { type: "boolean" },
      remote: { type: "boolean" },
      yes: { type: "boolean", short: "y" },
      "persist-to": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    USAGE,
  );
  const id = values["consent-id"] ?? "";
  if (!LEDGER_ID.test(id))
    throw new UsageError(`--consent-id must be 8-64 letters, digits, - or _\n\n${USAGE}`);
  if ([values.local, values.remote, values.url].filter(Boolean).length > 1)
    throw new UsageError(`choose one of --local, --remote and --url\n\n${USAGE}`);
  await confirmRemote(`erasing the records of ${id}`, values);
  if (values.url) return eraseThroughWorker(values.url, id);
  const target = values.remote
    ? ["--remote"]
    : ["--local", ...(values["persist-to"] ? ["--persist-to", values["persist-to"]] : [])];
  const at = new Date().toISOString();
  const quoted = (v: string) => `'${v.replace(/'/g, "''")}'`;
  // The same hash as the Worker's erasure (worker/ledger/erasure.ts), so the receipt route
  // finds it.
  const hash = await sha256Hex(id);
  // One command: wrangler sends its statements to D1 as one batch.
  const sql = [
    `INSERT INTO ledger_redactions (seq, recorded_at, redacted_at, reason, consent_id_hash) SELECT seq, recorded_at, ${quoted(at)}, 'erasure', ${quoted(hash)} FROM consent_records WHERE consent_id = ${quoted(id)}`,
    `DELETE FROM consent_records WHERE consent_id = ${quoted(id)}`,
    `INSERT INTO admin_access (at, principal, auth, method, path, query, status, kind) VALUES (${quoted(at)}, ${quoted(`cli:${userInfo().username}`)}, 'cli', 'ERASE', 'wrangler d1', ${quoted(`consent_id=${id}`)}, 200, 'erase')`,
  ].join("; ");
  const d1 = (command: string) =>
    JSON.parse(
      wrangler(["d1", "execute", "LEDGER", ...target, "--json", "--command", command], {
        quiet: true,
      }),
    ) as { results?: { n?: number }[] }[];
  const count = () =>
    d1(`SELECT COUNT(*) AS n FROM ledger_redactions WHERE consent_id_hash = ${quoted(hash)}`)[0]
      ?.results?.[0]?.n ?? 0;
  const before = count();
  d1(sql);
  console.error(
    `Erased ${count() - before} record bodies of ${id} in the ${values.remote ? "remote" : "local"} D1; their leaves stay, as redacted.`,
  );
});

async function eraseThroughWorker(base: string, id: string): Promise<void> {
  const token = process.env.ADMIN_TOKEN || readDevVars().ADMIN_TOKEN;
  if (!token)
    throw new CliError("no admin token: set ADMIN_TOKEN or run npm start once to create .dev.vars");
  const url = new URL("/admin/api/erase", base);
  const res = await fetch(url, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}` },
    body: new URLSearchParams({ consent_id: id }),
  });
  if (!res.ok)
    throw new CliError(`${url.origin} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const { erasure } = (await res.json()) as { erasure: { seqs: number[]; erasedAt: string } };
  console.error(
    `Erased ${erasure.seqs.length} record bodies of ${id} at ${erasure.erasedAt} (leaves ${erasure.seqs.join(", ") || "none"} kept, as redacted).`,
  );
}
