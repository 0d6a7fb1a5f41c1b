// npm run consent:verify: every export verifies; each forgery without the key fails with its code.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type MemoryLog, memoryLog } from "../../scripts/lib/consent-memory-log.ts";
import { leafHashOf } from "../../worker/ledger/canonical-record.ts";
import { type ExportFormat, EXPORT_FORMATS } from "../../worker/ledger/export-format.ts";
import {
  type ExportOptions,
  exportChunks,
  latestHead,
  selectEntries,
} from "../../worker/ledger/export-chunks.ts";
import type { RecordFilter } from "../../worker/ledger/filter.ts";
import { buildReceipt } from "../../worker/ledger/receipt.ts";
import type { DecisionInput, RecordBody } from "../../worker/ledger/record-types.ts";
import { type LedgerSigner, generateKeyPair, importSigner } from "../../worker/ledger/signing.ts";
import { runConsentCli } from "../helpers/consent-cli.ts";
import { ACCEPT_ALL } from "../helpers/decisions.ts";

const dir = mkdtempSync(join(tmpdir(), "consent-verify-"));
const VISITOR = "consent-visitor-000001";
const TEXTS = JSON.stringify({
  banner: "Usiamo cookie tecnici e, con il tuo consenso, statistiche e video.",
});
let signer: LedgerSigner;
let publicKey: string;
let log: MemoryLog;

let n = 0;
const decision = (overrides: Partial<DecisionInput> = {}): DecisionInput => ({
  eventId: `event-${String(++n).padStart(6, "0")}`,
  consentId: `consent-other-${String(n).padStart(6, "0")}`,
  ...ACCEPT_ALL,
  texts: TEXTS,
  ...overrides,
});
/**
 * The receipt the visitor downloads from `from`: their latest record under its latest signed head.
 */
async function receiptOf(from: MemoryLog) {
  const head = (await latestHead(from.run))!;
  const entries = await selectEntries(from.run, { consentId: VISITOR }, head.size);
  return buildReceipt(entries.at(-1)!, head, {
    origin: "https://farvolare.test",
    policyUrl: "https://farvolare.test/it/cookie",
    publicKey,
    jurisdiction: "IT",
  });
}
const refusal = {
  action: "reject_all" as const,
  categories: { necessary: true, analytics: false, media: false },
};

beforeAll(async () => {
  const pair = await generateKeyPair();
  [signer, publicKey] = [await importSigner(pair.privateJwk), pair.publicKey];
  log = await memoryLog(signer);
  // Three days, three batches: the visitor refuses, later accepts, then withdraws; others decide
  // in between.
  await log.append(
    [
      decision(),
      decision({ consentId: VISITOR, ...refusal }),
      decision(),
      decision({ ...refusal, action: "close", method: "banner_close" }),
    ],
    "2026-03-01T09:00:00.000Z",
  );
  await log.append(
    [
      decision({ consentId: VISITOR, method: "preferences" }),
      decision({ locale: "en" }),
      decision(),
    ],
    "2026-03-02T09:00:00.000Z",
  );
  await log.append(
    [
      decision(),
      decision({
        consentId: VISITOR,
        action: "withdraw",
        method: "preferences",
        categories: refusal.categories,
      }),
      decision(),
    ],
    "2026-03-03T09:00:00.000Z",
  );
});

async function exportOf(
  format: ExportFormat,
  filter: RecordFilter = {},
  options: ExportOptions = {},
  of = log,
): Promise<string> {
  let text = "";
  for await (const chunk of exportChunks(of.run, filter, format, { signer, ...options }))
    text += chunk;
  return text;
}

function verify(text: string, name: string, args: string[] = ["--public-key", publicKey]) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return runConsentCli("verify", [file, ...args]);
}

const lines = (text: string) => text.trimEnd().split("\n");
const joined = (ls: string[]) => `${ls.join("\n")}\n`;
const parse = (line: string) =>
  JSON.parse(line) as Record<string, unknown> & RecordBody & { proof: string[]; leafHash: string };

const FILTERS: [string, RecordFilter][] = [
  ["whole", {}],
  ["date range", { from: "2026-03-02T00:00:00.000Z", to: "2026-03-02T23:59:59.999Z" }],
  ["one consent id", { consentId: VISITOR }],
  ["one action", { action: "reject_all" }],
];

// The offline verifier on real exports of an in-memory log (the log's own append and export code
// over node:sqlite): every format and filter verifies; each forgery an attacker without the key can
// make fails with its exit code.
describe("every export proves itself", () => {
  for (const format of EXPORT_FORMATS) {
    it.each(FILTERS)(`${format}, %s: valid (exit 0)`, async (name, filter) => {
      const { code, out } = await verify(
        await exportOf(format, filter),
        `valid-${name.replace(/ /g, "-")}.${format}`,
      );
      expect(out).toContain("VALID");
      expect(code, out).toBe(0);
    });
  }

  it("an export that selects nothing is 'no records' (exit 4), never valid", async () => {
    const { code, out } = await verify(
      await exportOf("ndjson", {
        from: "2030-01-01T00:00:00.000Z",
        to: "9999-12-31T23:59:59.999Z",
      }),
      "empty.ndjson",
    );
    expect(out).toContain("NO RECORDS");
    expect(code).toBe(4);
  });
});

describe("forgeries without the key fail, naming what is wrong", () => {
  it("a per-visitor export with a refusal rewritten as accept_all, its leaf hash recomputed: tampered (1)", async () => {
    const ls = lines(await exportOf("ndjson", { consentId: VISITOR }));
    const i = ls.findIndex((l) => l.includes('"action":"reject_all"'));
    const record = parse(ls[i]!);
    const forged = {
      ...record,
      action: "accept_all",
      categories: { analytics: true, media: true, necessary: true },
    } as typeof record;
    forged.leafHash = await leafHashOf(forged);
    ls[i] = JSON.stringify(forged);
    const { code, out } = await verify(joined(ls), "rewritten.ndjson");
    expect(code, out).toBe(1);
    expect(out).toMatch(
      new RegExp(
        `\\[tampered\\] record seq ${record.seq} \\(line ${i + 1}, event ${record.eventId}\\) is not in the signed tree`,
      ),
    );
  });

  it("a per-visitor history with its withdrawal deleted: tampered (1), the withdrawal named as missing", async () => {
    const ls = lines(await exportOf("ndjson", { consentId: VISITOR }));
    const i = ls.findIndex((l) => l.includes('"action":"withdraw"'));
    const { seq } = parse(ls[i]!);
    ls.splice(i, 1);
    const { code, out } = await verify(joined(ls), "no-withdrawal.ndjson");
    expect(code, out).toBe(1);
    expect(out).toContain(`the file ends before seq ${seq} listed by the signed manifest`);
  });

  it("a CSV with a changed field and its leaf hash recomputed: tampered (1)", async () => {
    const csv = await exportOf("csv");
    const rows = csv.split("\r\n");
    const i = rows.findIndex((r) => r.startsWith("record,2,"));
    const record = parse(
      JSON.stringify({ ...(await exportOf("ndjson").then((t) => parse(lines(t)[3]!))) }),
    );
    expect(record.seq).toBe(2);
    const forged = { ...record, locale: "en" as const };
    rows[i] = rows[i]!.replace(",it,", ",en,").replace(record.leafHash, await leafHashOf(forged));
    const { code, out } = await verify(rows.join("\r\n"), "rehashed.csv");
    expect(code, out).toBe(1);
    expect(out).toMatch(
      /\[tampered\] record seq 2 \(line \d+, event [^)]+\) is not in the signed tree/,
    );
  });

  it("a full NDJSON with its tree head removed: not proven (3)", async () => {
    const ls = lines(await exportOf("ndjson")).filter((l) => !l.startsWith('{"type":"tree_head"'));
    const { code, out } = await verify(joined(ls), "no-head.ndjson");
    expect(code, out).toBe(3);
    expect(out).toContain("no signed tree head");
  });

  it("a full export cut after any record: tampered (1), or not proven (3) when its header is rewritten to a selection", async () => {
    const ls = lines(await exportOf("ndjson"));
    for (const cut of [3, 6, ls.length - 2]) {
      const { code, out } = await verify(joined(ls.slice(0, cut)), `cut-${cut}.ndjson`);
      expect(code, out).toBe(1);
      expect(out).toContain("the export was cut");
    }
    const relabelled = [
      ls[0]!.replace('"scope":"complete"', '"scope":"filtered"'),
      ...ls.slice(1, 6),
    ];
    expect((await verify(joined(relabelled), "cut-relabelled.ndjson")).code).toBe(3);
  });

  it("two records' inclusion proofs swapped: tampered (1)", async () => {
    const ls = lines(await exportOf("ndjson", { consentId: VISITOR }));
    const [a, b] = [parse(ls[2]!), parse(ls[3]!)];
    ls[2] = JSON.stringify({ ...a, proof: b.proof });
    ls[3] = JSON.stringify({ ...b, proof: a.proof });
    const { code, out } = await verify(joined(ls), "swapped.ndjson");
    expect(code, out).toBe(1);
    expect(out).toContain(`record seq ${a.seq} (line 3`);
  });

  it("a head signed by another key: not proven (3)", async () => {
    const other = await importSigner((await generateKeyPair()).privateJwk);
    const ls = lines(await exportOf("ndjson"));
    const head = JSON.parse(ls[1]!) as { size: number; root: string; timestamp: string };
    ls[1] = JSON.stringify({ type: "tree_head", ...(await other.signHead(head)) });
    const { code, out } = await verify(joined(ls), "other-key.ndjson");
    expect(code, out).toBe(3);
    expect(out).toContain(`signed by key ${other.keyId}, not by the expected key`);
  });

  it("a head moved into the future: tampered (1)", async () => {
    const ls = lines(await exportOf("ndjson"));
    ls[1] = ls[1]!.replace(/"timestamp":"[^"]+"/, '"timestamp":"2099-01-01T00:00:00.000Z"');
    const { code, out } = await verify(joined(ls), "future.ndjson");
    expect(code, out).toBe(1);
    expect(out).toContain("tree head (line 2) has a signature that does not verify");
  });

  it("a record whose proof is for another tree size (spliced from an older export): not proven (3)", async () => {
    const older = lines(await exportOf("ndjson", { consentId: VISITOR }));
    const smaller = await memoryLog(signer);
    for (const line of lines(await exportOf("ndjson")).slice(2, 6)) {
      const r = parse(line);
      await smaller.append([{ ...r, texts: TEXTS }], r.recordedAt);
    }
    const old = lines(await exportOf("ndjson", { consentId: VISITOR }, {}, smaller));
    const spliced = [...older];
    spliced[2] = old[2]!;
    const { code, out } = await verify(joined(spliced), "other-size.ndjson");
    expect(code, out).toBe(3);
    expect(out).toMatch(/inclusion proof for a tree of 4 leaves, but the export's head covers 10/);
  });

  it("a record inserted, carefully hashed, with another record's proof: tampered (1), the insertion named", async () => {
    const ls = lines(await exportOf("ndjson", { consentId: VISITOR }));
    const real = parse(ls[3]!);
    const fake = { ...real, eventId: "event-forged-0001", action: "accept_all" as const };
    fake.leafHash = await leafHashOf(fake);
    ls.splice(4, 0, JSON.stringify(fake));
    const { code, out } = await verify(joined(ls), "inserted.ndjson");
    expect(code, out).toBe(1);
    expect(out).toContain(
      `record seq ${real.seq} (line 5, event event-forged-0001) is not in the signed tree`,
    );
  });

  it("records reordered: tampered (1)", async () => {
    const ls = lines(await exportOf("ndjson"));
    [ls[4], ls[5]] = [ls[5]!, ls[4]!];
    const { code, out } = await verify(joined(ls), "reordered.ndjson");
    expect(code, out).toBe(1);
    expect(out).toContain("is out of order");
  });

  it("a selection relabelled and emptied but its manifest kept: tampered (1)", async () => {
    const ls = lines(await exportOf("ndjson")).filter(
      (l, i) =>
        i < 2 || !l.includes('"type":"record"') || l.includes(VISITOR) || l.includes('"manifest"'),
    );
    const { code, out } = await verify(joined(ls), "downgraded.ndjson");
    expect(code, out).toBe(1);
    expect(out).toContain("follows a deletion");
  });
});

describe("--since: the current head extends a head kept earlier", () => {
  it("a consistency proof from the kept size verifies; without one it is not proven; a rewritten history is caught", async () => {
    const keptHead = (await latestHead(log.run))!;
    const kept = join(dir, "kept-head.json");
    writeFileSync(kept, JSON.stringify({ treeHead: keptHead }));
    const since = ["--public-key", publicKey, "--since", kept];
    const grown = await memoryLog(signer);
    const old = lines(await exportOf("ndjson"))
      .slice(2, -1)
      .map(parse);
    for (const r of old) await grown.append([{ ...r, texts: TEXTS }], r.recordedAt);
    await grown.append([decision(), decision()], "2026-03-04T09:00:00.000Z");
    const withProof = await exportOf("ndjson", {}, { sinceSize: keptHead.size }, grown);
    expect((await verify(withProof, "since-ok.ndjson", since)).code).toBe(0);
    const without = await verify(
      await exportOf("ndjson", {}, {}, grown),
      "since-none.ndjson",
      since,
    );
    expect(without.code, without.out).toBe(3);
    expect(without.out).toContain(`--since-size ${keptHead.size}`);

    // The same decisions, one of the first ones rewritten, all re-signed: only the kept head tells.
    const rewritten = await memoryLog(signer);
    for (const r of old)
      await rewritten.append(
        [{ ...r, texts: TEXTS, ...(r.seq === 2 ? { action: "accept_all" as const } : {}) }],
        r.recordedAt,
      );
    await rewritten.append([decision()], "2026-03-04T09:00:00.000Z");
    const forged = await verify(
      await exportOf("ndjson", {}, { sinceSize: keptHead.size }, rewritten),
      "since-rewritten.ndjson",
      since,
    );
    expect(forged.code, forged.out).toBe(1);
    expect(forged.out).toContain("does not extend the head you kept");

    const cut = await memoryLog(signer);
    for (const r of old.slice(0, 5)) await cut.append([{ ...r, texts: TEXTS }], r.recordedAt);
    const shorter = await verify(await exportOf("ndjson", {}, {}, cut), "since-cut.ndjson", since);
    expect(shorter.code, shorter.out).toBe(1);
    expect(shorter.out).toContain("the log was cut");
  });
});

describe("receipts", () => {
  it("a visitor's receipt verifies offline; one changed choice in it is caught", async () => {
    const receipt = await receiptOf(log);
    expect((await verify(JSON.stringify(receipt, null, 2), "receipt.json")).code).toBe(0);
    const edited = {
      ...receipt,
      services: receipt.services!.map((s) => ({
        ...s,
        purposes: [{ ...s.purposes[0]!, granted: true }],
      })),
    };
    const tampered = await verify(JSON.stringify(edited), "receipt-edited.json");
    expect(tampered.code, tampered.out).toBe(1);
    expect(tampered.out).toContain("differs from its proven record");
  });
});

describe("usage", () => {
  it("--help lists every exit code", async () => {
    const { code, out } = await runConsentCli("verify", ["--help"]);
    expect(code).toBe(0);
    for (const c of [
      "0  valid",
      "1  tampered",
      "2  cannot check",
      "3  not proven",
      "4  no records",
    ])
      expect(out).toContain(c);
  });

  it.each([
    ["an unknown option", ["x.ndjson", "--no-signatures"], "Unknown option"],
    ["no file", [], "give exactly one FILE"],
    ["an unreadable file", ["/nonexistent/export.ndjson", "--public-key", "x"], "no such file"],
  ])("%s: cannot check (2)", async (_, args, message) => {
    const { code, out } = await runConsentCli("verify", args);
    expect(code).toBe(2);
    expect(out).toContain(message);
  });

  it("no public key, or a file that is not an export: cannot check (2)", async () => {
    expect((await verify(await exportOf("ndjson"), "nokey.ndjson", [])).code).toBe(2);
    const { code, out } = await verify("hello", "hello.txt");
    expect(code).toBe(2);
    expect(out).toContain("not a consent ledger export");
  });
});

describe("D24: the hash of what was shown is in the proof", () => {
  const SHOWN = "5e".repeat(32);
  let mixed: MemoryLog;
  beforeAll(async () => {
    mixed = await memoryLog(signer);
    // Records written before D24 carry no shownHash; later ones do. Both kinds verify in one file.
    await mixed.append(
      [decision(), decision({ consentId: VISITOR, ...refusal })],
      "2026-04-01T09:00:00.000Z",
    );
    await mixed.append(
      [decision({ shownHash: SHOWN }), decision({ consentId: VISITOR, shownHash: SHOWN })],
      "2026-04-02T09:00:00.000Z",
    );
  });

  for (const format of EXPORT_FORMATS) {
    it(`D24: ${format}: records with and without the shown-markup hash verify together (exit 0)`, async () => {
      const text = await exportOf(format, {}, {}, mixed);
      expect(text).toContain(SHOWN);
      const { code, out } = await verify(text, `shown-mixed.${format}`);
      expect(code, out).toBe(0);
    });
  }

  it("D24: an NDJSON record whose shown-markup hash was dropped or changed, leaf recomputed: tampered (1)", async () => {
    const ls = lines(await exportOf("ndjson", {}, {}, mixed));
    const i = ls.findIndex((l) => l.includes(SHOWN));
    const record = parse(ls[i]!);
    for (const forged of [
      { ...record, shownHash: undefined },
      { ...record, shownHash: "00".repeat(32) },
    ]) {
      forged.leafHash = await leafHashOf(forged);
      const copy = [...ls];
      copy[i] = JSON.stringify(forged);
      const { code, out } = await verify(joined(copy), "shown-forged.ndjson");
      expect(code, out).toBe(1);
      expect(out).toContain(`record seq ${record.seq}`);
    }
  });

  it("D24: a CSV whose shownHash cell was changed: tampered (1)", async () => {
    const csv = (await exportOf("csv", {}, {}, mixed)).replace(SHOWN, "00".repeat(32));
    const { code, out } = await verify(csv, "shown-forged.csv");
    expect(code, out).toBe(1);
  });

  it("D24: a receipt names the shown-markup hash its record proves", async () => {
    const receipt = await receiptOf(mixed);
    expect(receipt).toMatchObject({ shownHash: SHOWN });
    expect((await verify(JSON.stringify(receipt), "shown-receipt.json")).code).toBe(0);
    const edited = await verify(
      JSON.stringify({ ...receipt, shownHash: "00".repeat(32) }),
      "shown-receipt-edited.json",
    );
    expect(edited.code, edited.out).toBe(1);
  });
});
