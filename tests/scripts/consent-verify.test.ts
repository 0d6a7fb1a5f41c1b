// The offline verifier on export files: valid files pass; each kind of tampering fails and names the first bad record.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXPORT_TYPE, type ExportFormat, exportSerializer } from "../../worker/ledger/export-format.ts";
import type { Checkpoint, StoredRecord } from "../../worker/ledger/record.ts";
import { runConsentCli } from "../helpers/consent-cli.ts";
import { type TestKeys, rehashed, testChain, testKeys } from "../helpers/ledger-chain.ts";

const dir = mkdtempSync(join(tmpdir(), "consent-verify-"));
let keys: TestKeys;
let records: StoredRecord[];
let checkpoints: Checkpoint[];

beforeAll(async () => {
  keys = await testKeys();
  ({ records, checkpoints } = await testChain(12, keys.signer, 4));
});

function exportText(format: ExportFormat, rs = records, cps = checkpoints): string {
  const out = exportSerializer(format, { type: EXPORT_TYPE, version: 1, generatedAt: "2026-02-01T00:00:00.000Z", scope: "complete", filter: {} });
  return out.start() + rs.map((r, i) => out.record(r, i)).join("") + out.end(cps);
}

/** Runs `npm run consent:verify -- FILE --public-key KEY` on `text`. */
function verify(text: string, name: string, args: string[] = ["--public-key", keys.publicKey]) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return runConsentCli("verify", [file, ...args]);
}

/** The NDJSON lines of an export: [0] the header, [1]–[12] records seq 1–12 (file lines 2–13), then 3 checkpoints. */
const lines = () => exportText("ndjson").trimEnd().split("\n");
const join_ = (ls: string[]) => `${ls.join("\n")}\n`;

describe("a valid export", () => {
  it.each(["ndjson", "json", "csv"] as const)("%s passes, saying what the signatures cover", async (format) => {
    const { code, out } = await verify(exportText(format), `valid.${format}`);
    expect(out).toContain("VALID");
    expect(code).toBe(0);
    if (format !== "csv") expect(out).toContain("signed checkpoints cover the chain up to seq 12");
  });
});

describe("each kind of tampering fails (exit 1) and names the first bad record", () => {
  it("one changed byte in a field", async () => {
    const ls = lines();
    ls[5] = ls[5]!.replace('"locale":"it"', '"locale":"en"');
    const { code, out } = await verify(join_(ls), "changed.ndjson");
    expect(code).toBe(1);
    expect(out).toMatch(/NOT VALID[^\n]*\n {2}\[changed\] record seq 5 \(line 6, event [^)]+\) does not match its hash/);
  });

  it("one changed byte that breaks the field's format", async () => {
    const ls = lines();
    ls[8] = ls[8]!.replace('"action":"accept_all"', '"action":"accept_alk"');
    const { code, out } = await verify(join_(ls), "malformed.ndjson");
    expect(code).toBe(1);
    expect(out).toMatch(/\[changed\] record seq 8 \(line 9[^)]*\) is malformed \(action/);
  });

  it("a deleted record", async () => {
    const ls = lines();
    ls.splice(7, 1);
    const { code, out } = await verify(join_(ls), "deleted.ndjson");
    expect(code).toBe(1);
    expect(out).toMatch(/\[deleted\] record seq 8 \(line 8[^)]*\) follows a deletion: seq 7 is missing/);
  });

  it("an inserted record", async () => {
    const fake = await rehashed({ ...records[5]!, consentId: "consent-forged-0001", eventId: "event-forged-0001", prevHash: records[4]!.hash });
    const { code, out } = await verify(exportText("ndjson", [...records.slice(0, 5), fake, ...records.slice(5)]), "inserted.ndjson");
    expect(code).toBe(1);
    expect(out).toMatch(/\[inserted\] record seq 6 \(line 7, event event-forged-0001\) was inserted/);
  });

  it("reordered records", async () => {
    const ls = lines();
    [ls[3], ls[4]] = [ls[4]!, ls[3]!];
    const { code, out } = await verify(join_(ls), "reordered.ndjson");
    expect(code).toBe(1);
    expect(out).toMatch(/\[reordered\] record seq (3|4) \(line (4|5)[^)]*\) is out of order/);
  });

  it("a forged checkpoint", async () => {
    const ls = lines();
    const last = JSON.parse(ls[ls.length - 1]!) as Checkpoint;
    ls[ls.length - 1] = JSON.stringify({ ...last, headHash: records[10]!.hash });
    const { code, out } = await verify(join_(ls), "forged.ndjson");
    expect(code).toBe(1);
    expect(out).toMatch(/\[forged_checkpoint\] checkpoint seq 12 \(line 16\) has an invalid signature/);
  });

  it("a checkpoint signed by another key (the right public key is the only trust anchor)", async () => {
    const other = await testKeys();
    const { code, out } = await verify(exportText("ndjson"), "other-key.ndjson", ["--public-key", other.publicKey]);
    expect(code).toBe(1);
    expect(out).toContain("signed by unknown key");
  });

  it("a changed byte in a CSV export", async () => {
    const csv = exportText("csv").replace(records[2]!.consentId, records[2]!.consentId.replace(/.$/, "x"));
    const { code, out } = await verify(csv, "changed.csv");
    expect(code).toBe(1);
    expect(out).toMatch(/\[changed\] record seq 3 \(line 4/);
  });
});

describe("usage", () => {
  it("refuses to vouch for signatures without a public key, unless told to check the chain only", async () => {
    expect((await verify(exportText("ndjson"), "nokey.ndjson", [])).code).toBe(2);
    const chainOnly = await verify(exportText("ndjson"), "chain-only.ndjson", ["--no-signatures"]);
    expect(chainOnly.code).toBe(0);
    expect(chainOnly.out).toContain("NOT checked");
  });

  it("says so when the file is not an export", async () => {
    const { code, out } = await verify("hello", "hello.txt");
    expect(code).toBe(2);
    expect(out).toContain("not a consent ledger export");
  });
});
