// npm run consent:bench [-- --decisions 1000 --verify 100000]: what the ledger costs, measured on the
// production bundle in workerd (Miniflare): N simultaneous POST /consent, the export, and the offline verifier.
import { buildChain } from "../worker/ledger/chain.ts";
import { generateKeyPair, importPublicKeys, importSigner } from "../worker/ledger/signing.ts";
import { verifyLedger } from "../worker/ledger/verify.ts";
import { buildBundle } from "./lib/bundle.ts";
import { parseCommandLine } from "./lib/cli.ts";
import { exportAndVerify, postDecision } from "./lib/consent-load.ts";
import { serveBundle } from "./lib/serve-bundle.ts";

const values = parseCommandLine(
  { decisions: { type: "string", default: "1000" }, verify: { type: "string", default: "100000" }, help: { type: "boolean", short: "h" } },
  `Usage: npm run consent:bench -- [--decisions N] [--verify N]

What the ledger costs, on the production bundle in workerd: 100 POST /consent one after the other, N simultaneous
ones (default 1000), the export, and the offline verifier over a synthetic chain of N records (default 100000).`,
);
const decisions = Number(values.decisions);
const token = "bench-token-0123456789abcdefghijklmnopqrstuvwxyz";
const keys = await generateKeyPair();
const site = await serveBundle({ scriptPath: await buildBundle(), bindings: { ADMIN_TOKEN: token, LEDGER_SIGNING_KEY: keys.privateJwk } });
const ms = (start: number) => `${(performance.now() - start).toFixed(0)} ms`;

const decide = (i: number) => postDecision(site.url, i).then((r) => r.status);

try {
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await decide(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`100 POST /consent one after the other: median ${times[50]!.toFixed(1)} ms, p95 ${times[95]!.toFixed(1)} ms`);

  let start = performance.now();
  const statuses = await Promise.all(Array.from({ length: decisions }, (_, i) => decide(i)));
  const ok = statuses.filter((s) => s === 303).length;
  console.log(`${decisions} simultaneous POST /consent: ${ok} answered 303 in ${ms(start)}`);

  const { parsed, report, bytes, exportMs, verifyMs } = await exportAndVerify(site.url, token, keys.publicKey);
  console.log(`export (seal + ${parsed.entries.length} records, NDJSON, ${(bytes / 1024).toFixed(0)} KiB): ${exportMs.toFixed(0)} ms`);
  console.log(`verify that export: ${report.ok ? "valid" : "INVALID"}, ${report.records} records, sealed through seq ${report.sealedThrough}, ${verifyMs.toFixed(0)} ms`);
} finally {
  await site.close();
}

const size = Number(values.verify);
const signer = await importSigner(keys.privateJwk);
const records = await buildChain(null, "2026-01-01T00:00:00.000Z", Array.from({ length: size }, (_, i) => ({
  eventId: `event-bench-${i}`,
  consentId: `consent-bench-${i % 5000}`,
  action: "accept_all" as const,
  categories: { necessary: true, analytics: false, media: true },
  method: "banner" as const,
  signals: [],
  locale: "it" as const,
  policyVersion: "a1b2c3d4e5f6",
  textsHash: "ab".repeat(32),
})));
const last = records[records.length - 1]!;
const checkpoint = await signer.sign({ seq: last.seq, headHash: last.hash, signedAt: last.recordedAt });
const start = performance.now();
const report = await verifyLedger({
  entries: records.map((record, i) => ({ line: i + 2, seq: record.seq, eventId: record.eventId, prevHash: record.prevHash, hash: record.hash, record })),
  checkpoints: [{ line: size + 2, checkpoint }],
  scope: "complete",
  keys: await importPublicKeys([keys.publicKey]),
});
console.log(`verify ${size} synthetic records offline: ${report.ok ? "valid" : "INVALID"} in ${ms(start)}`);
