// npm run consent:verify -- FILE [--public-key KEY]…: checks an export of the consent ledger offline and names
// the first bad record. Exit code 0: valid; 1: tampered or damaged; 2: cannot check (usage, unreadable file).
import { existsSync, readFileSync } from "node:fs";
import { parseExport } from "../worker/ledger/export-parse.ts";
import { importPublicKeys, keyIdOf } from "../worker/ledger/signing.ts";
import { verifyLedger } from "../worker/ledger/verify.ts";
import type { ExportScope, VerifyReport } from "../worker/ledger/verify-types.ts";
import { parseCommandLineWithPositionals } from "./lib/cli.ts";
import { readDevVars } from "./lib/dev-vars.ts";

const USAGE = `Usage: npm run consent:verify -- FILE [--public-key KEY]... [--scope complete|range|filtered] [--no-signatures]

FILE   an export from /admin/api/consents or npm run consent:export (CSV, NDJSON or JSON)
KEY    the Ed25519 public key (base64url), or a file holding it. Default: LEDGER_PUBLIC_KEY from the
       environment, else .dev.vars (the public half of LEDGER_SIGNING_KEY), else wrangler.toml.
--scope        override what the export claims to be (CSV has no header: "range" unless told)
--no-signatures check the chain only (checkpoint signatures are then NOT checked)`;

// A wrong command line exits 2 ("cannot check") with the usage, never 1, which means "tampered".
const { values, positionals } = parseCommandLineWithPositionals(
  {
    "public-key": { type: "string", multiple: true },
    scope: { type: "string" },
    "no-signatures": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
  USAGE,
);

if (positionals.length !== 1) {
  console.error(`${positionals.length === 0 ? "no FILE given" : "give one FILE"}\n\n${USAGE}`);
  process.exit(2);
}

const file = positionals[0]!;
try {
  const parsed = parseExport(readFileSync(file, "utf8"));
  const scope = (values.scope ?? parsed.scope) as ExportScope;
  if (!["complete", "range", "filtered"].includes(scope)) throw new Error(`--scope must be complete, range or filtered`);
  const found = values["no-signatures"] ? null : publicKeys(values["public-key"] ?? []);
  if (!values["no-signatures"] && !found) throw new Error("no public key: pass --public-key KEY (or --no-signatures to check the chain only)");
  const keys = found ? await importPublicKeys(found.keys) : null;
  const report = await verifyLedger({ entries: parsed.entries, checkpoints: parsed.checkpoints, scope, keys });
  for (const u of parsed.unreadable) report.problems.unshift({ kind: "changed", line: u.line, message: `line ${u.line} is unreadable (${u.reason}): the file was changed` });
  report.problems.sort((a, b) => a.line - b.line);
  const keyNames = found ? `${(await Promise.all(found.keys.map(keyIdOf))).join(", ")} (from ${found.source})` : "none: signatures not checked";
  printReport(file, parsed.format, scope, keyNames, report);
  process.exit(report.problems.length === 0 ? 0 : 1);
} catch (error) {
  console.error(`consent-verify: ${file}: ${(error as Error).message}`);
  process.exit(2);
}

/** The public keys to trust, and where they came from. */
function publicKeys(given: string[]): { keys: string[]; source: string } | null {
  if (given.length > 0) return { keys: given.map((k) => (existsSync(k) ? readFileSync(k, "utf8").trim() : k.trim())), source: "--public-key" };
  if (process.env.LEDGER_PUBLIC_KEY) return { keys: [process.env.LEDGER_PUBLIC_KEY], source: "LEDGER_PUBLIC_KEY (environment)" };
  const dev = readDevVars();
  if (dev.LEDGER_PUBLIC_KEY) return { keys: [dev.LEDGER_PUBLIC_KEY], source: ".dev.vars LEDGER_PUBLIC_KEY" };
  if (dev.LEDGER_SIGNING_KEY) {
    const x = (JSON.parse(dev.LEDGER_SIGNING_KEY) as { x?: string }).x;
    if (x) return { keys: [x], source: ".dev.vars (public half of LEDGER_SIGNING_KEY)" };
  }
  const toml = /^LEDGER_PUBLIC_KEY\s*=\s*"([A-Za-z0-9_-]+)"/m.exec(readFileSync(new URL("../wrangler.toml", import.meta.url), "utf8"))?.[1];
  return toml ? { keys: [toml], source: "wrangler.toml LEDGER_PUBLIC_KEY" } : null;
}

function printReport(file: string, format: string, scope: string, keyNames: string, report: VerifyReport): void {
  console.log(`${file}: ${format.toUpperCase()} export, scope ${scope}, ${report.records} records, ${report.checkpoints} checkpoints`);
  console.log(`public key id: ${keyNames}`);
  if (report.problems.length === 0) {
    console.log(`VALID: every record matches its hash and links to the one before it${report.sealedThrough ? `; signed checkpoints cover the chain up to seq ${report.sealedThrough}` : ""}.`);
  } else {
    console.log(`NOT VALID: ${report.problems.length} problem${report.problems.length === 1 ? "" : "s"}. The first bad record:`);
    for (const p of report.problems.slice(0, 20)) console.log(`  [${p.kind}] ${p.message}`);
    if (report.problems.length > 20) console.log(`  … and ${report.problems.length - 20} more`);
  }
  for (const note of report.notes) console.log(`note: ${note}`);
}
