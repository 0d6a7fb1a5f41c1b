// npm run consent:verify -- FILE [--public-key KEY]… [--since HEAD_FILE]: checks an export of the
// consent log, or a visitor's receipt, offline, with only the public key. It fails closed; the exit
// code says what it found.
import { existsSync, readFileSync } from "node:fs";
import { parseExport } from "../worker/ledger/export-parse.ts";
import { TreeHeadSchema, describeIssue } from "../worker/ledger/record.ts";
import type { TreeHead } from "../worker/ledger/record-types.ts";
import { importPublicKeys, keyIdOf } from "../worker/ledger/signing.ts";
import { verifyExport } from "../worker/ledger/verify.ts";
import type { ParsedExport, Verdict, VerifyReport } from "../worker/ledger/verify-types.ts";
import { parseCommandLineWithPositionals } from "./lib/cli.ts";
import { readDevVars } from "./lib/dev-vars.ts";

/** The exit codes, one per verdict; 2 is "could not check". */
export const EXIT: Record<Verdict | "usage", number> = {
  valid: 0,
  tampered: 1,
  usage: 2,
  unproven: 3,
  empty: 4,
};

const USAGE = `Usage: npm run consent:verify -- FILE [--public-key KEY]... [--since HEAD_FILE]

FILE     an export (/admin/api/consents or npm run consent:export: CSV, NDJSON or JSON) or a visitor's
         receipt (/consent/receipt)
KEY      the log's Ed25519 public key (base64url), or a file holding it. Default: LEDGER_PUBLIC_KEY from the
         environment, else .dev.vars (the public half of LEDGER_SIGNING_KEY), else wrangler.toml.
--since  a tree head you kept earlier (JSON, e.g. saved from /consent/log/head): the export's head must extend it.
         The export needs a consistency proof from that size: export it with --since-size <that head's size>.

Exit codes:
  0  valid: every record is included under a tree head signed by the key, and the selection is complete
     (every leaf of the tree, or the signed manifest's list); with --since, the head extends the kept one
  1  tampered: a record, proof, head or manifest was changed, or records were deleted, inserted, reordered
     or cut off; the first bad entry is named
  2  cannot check: usage, unknown option, unreadable file, not an export, no public key
  3  not proven: nothing signed by the key covers the records (no head, a head or manifest signed by another
     key, a proof for another tree size, a filtered export without a signed manifest, no consistency proof
     for --since)
  4  no records: the export is intact but holds none (a filter or date range that matched nothing)`;

// A wrong command line exits 2 ("cannot check") with the usage, never 1, which means "tampered".
const { values, positionals } = parseCommandLineWithPositionals(
  {
    "public-key": { type: "string", multiple: true },
    since: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  USAGE,
);

if (positionals.length !== 1) {
  console.error(`consent-verify: give exactly one FILE\n\n${USAGE}`);
  process.exit(EXIT.usage);
}

const file = positionals[0]!;
let parsed: ParsedExport;
let since: TreeHead | null = null;
let found: { keys: string[]; source: string } | null;
try {
  parsed = parseExport(readFileSync(file, "utf8"));
  since = values.since ? readHead(values.since) : null;
  found = publicKeys(values["public-key"] ?? []);
  if (!found)
    throw new Error(
      "no public key: pass --public-key KEY (the log's LEDGER_PUBLIC_KEY, also served at /consent/log/head)",
    );
} catch (error) {
  console.error(`consent-verify: ${file}: ${(error as Error).message}`);
  process.exit(EXIT.usage);
}
const keys = await importPublicKeys(found.keys).catch((error: Error) => {
  console.error(`consent-verify: ${error.message}`);
  process.exit(EXIT.usage);
});
const report = await verifyExport({ parsed, keys, since });
printReport(
  file,
  parsed,
  `${(await Promise.all(found.keys.map(keyIdOf))).join(", ")} (from ${found.source})`,
  report,
);
process.exit(EXIT[report.verdict]);

/** A kept tree head: the JSON /consent/log/head serves, or the head alone. */
function readHead(path: string): TreeHead {
  const doc = JSON.parse(readFileSync(path, "utf8")) as { treeHead?: unknown };
  const parsedHead = TreeHeadSchema.safeParse(doc.treeHead ?? doc);
  if (!parsedHead.success)
    throw new Error(`--since ${path}: not a tree head (${describeIssue(parsedHead.error)})`);
  return parsedHead.data;
}

/** The public keys to trust, and where they came from. */
function publicKeys(given: string[]): { keys: string[]; source: string } | null {
  if (given.length > 0)
    return {
      keys: given.map((k) => (existsSync(k) ? readFileSync(k, "utf8").trim() : k.trim())),
      source: "--public-key",
    };
  if (process.env.LEDGER_PUBLIC_KEY)
    return { keys: [process.env.LEDGER_PUBLIC_KEY], source: "LEDGER_PUBLIC_KEY (environment)" };
  const dev = readDevVars();
  if (dev.LEDGER_PUBLIC_KEY)
    return { keys: [dev.LEDGER_PUBLIC_KEY], source: ".dev.vars LEDGER_PUBLIC_KEY" };
  if (dev.LEDGER_SIGNING_KEY) {
    const x = (JSON.parse(dev.LEDGER_SIGNING_KEY) as { x?: string }).x;
    if (x) return { keys: [x], source: ".dev.vars (public half of LEDGER_SIGNING_KEY)" };
  }
  const toml = /^LEDGER_PUBLIC_KEY\s*=\s*"([A-Za-z0-9_-]+)"/m.exec(
    readFileSync(new URL("../wrangler.toml", import.meta.url), "utf8"),
  )?.[1];
  return toml ? { keys: [toml], source: "wrangler.toml LEDGER_PUBLIC_KEY" } : null;
}

function printReport(name: string, p: ParsedExport, keyNames: string, r: VerifyReport): void {
  const what =
    p.format === "receipt"
      ? "receipt"
      : `${p.format.toUpperCase()} export (${p.manifest?.value.scope ?? p.scope})`;
  console.log(`${name}: ${what}, ${r.records} records, ${r.redacted} redacted leaves`);
  console.log(`public key id: ${keyNames}`);
  if (r.head)
    console.log(
      `tree head: ${r.head.size} leaves, root ${r.head.root}, signed ${r.head.timestamp} by key ${r.head.keyId}`,
    );
  const verdicts: Record<Verdict, string> = {
    valid: `VALID: every record is included under the signed tree head${p.format === "receipt" ? "" : ", and none was left out"}${since ? `; the head extends the one you kept (${since.size} leaves)` : ""}.`,
    tampered: "TAMPERED: the first bad entry:",
    unproven: "NOT PROVEN: nothing signed by the expected key covers this:",
    empty: "NO RECORDS: the export is intact but holds no record.",
  };
  console.log(verdicts[r.verdict]);
  for (const problem of r.problems.slice(0, 20))
    console.log(`  [${problem.verdict}] ${problem.message}`);
  if (r.problems.length > 20) console.log(`  … and ${r.problems.length - 20} more`);
  for (const note of r.notes) console.log(`note: ${note}`);
}
