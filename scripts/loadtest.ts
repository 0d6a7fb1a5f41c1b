// npm run loadtest [-- --decisions 5000 --concurrency 200 --seconds 120]: consent decisions at high
// concurrency against the production bundle served in workerd on 127.0.0.1, then the promise
// checked: the ledger holds exactly one record per successful answer, the chain verifies, no 5xx,
// and the Worker's heap stays put. Exit 1 otherwise.
import { retainedHeap } from "../bench/lib/heap.ts";
import { findInTree, residentBytes } from "../bench/lib/proc.ts";
import { generateKeyPair } from "../worker/ledger/signing.ts";
import { buildBundle } from "./lib/bundle.ts";
import { parseCommandLine } from "./lib/cli.ts";
import { exportAndVerify, postDecision } from "./lib/consent-load.ts";
import { serveBundle } from "./lib/serve-bundle.ts";

const values = parseCommandLine(
  {
    decisions: { type: "string", default: "5000" },
    concurrency: { type: "string", default: "200" },
    seconds: { type: "string", default: "120" },
    help: { type: "boolean", short: "h" },
  },
  `Usage: npm run loadtest -- [--decisions N] [--concurrency N] [--seconds N]

N consent decisions (default 5000), --concurrency at a time (default 200), within --seconds (default 120), against
the production bundle in workerd; then checks one ledger record per answer, a valid chain, no 5xx and a steady
heap. Exit 1 when a check fails.`,
);
const DECISIONS = Number(values.decisions);
const CONCURRENCY = Number(values.concurrency);
const DEADLINE_MS = Number(values.seconds) * 1000;
/**
 * Growth of the Worker's retained heap from the first quarter to the end that counts as a leak.
 * workerd's resident memory is reported too, but it also holds the in-memory D1 database, which
 * grows with every record by design.
 */
const MAX_HEAP_GROWTH_BYTES = 2 * 1024 * 1024;

type Tally = {
  ok: number;
  refused: number;
  serverErrors: number;
  failed: number;
  latencies: number[];
};

const token = "loadtest-token-0123456789abcdefghijklmnopqrstuvwxyz";
const keys = await generateKeyPair();
const site = await serveBundle({
  scriptPath: await buildBundle(),
  bindings: { ADMIN_TOKEN: token, LEDGER_SIGNING_KEY: keys.privateJwk },
  inspector: true,
});
const workerd = findInTree(process.pid, "workerd");
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const rss = () => (workerd ? residentBytes(workerd) : 0);
/**
 * The Worker's own retained heap (after a full collection), apart from what workerd holds for D1
 * and sockets.
 */
const heap = async () => (await retainedHeap((await site.mf.getInspectorURL()).href)).usedBytes;

/** `count` decisions, `CONCURRENCY` in flight at any time, stopping early at the deadline. */
async function run(count: number, deadline: number, tally: Tally): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count && Date.now() < deadline) {
      const i = next++;
      const start = performance.now();
      try {
        const response = await postDecision(site.url, i);
        await response.arrayBuffer();
        const recorded = response.status === 303 && response.headers.getSetCookie().length > 0;
        if (recorded) tally.ok++;
        else if (response.status >= 500) tally.serverErrors++;
        else tally.refused++;
      } catch {
        tally.failed++;
      }
      tally.latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
}

const problems: string[] = [];
try {
  const tally: Tally = { ok: 0, refused: 0, serverErrors: 0, failed: 0, latencies: [] };
  await run(100, Date.now() + DEADLINE_MS, tally); // warm-up: the isolate, D1's file, the texts archived once
  // Memory after each quarter: a heap settling stops growing; a leak grows by the same each time.
  const memory = [rss()];
  const heaps = [await heap()];
  const deadline = Date.now() + DEADLINE_MS;
  const started = performance.now();
  for (let quarter = 0; quarter < 4; quarter++) {
    await run(DECISIONS / 4, deadline, tally);
    memory.push(rss());
    heaps.push(await heap());
  }
  const seconds = (performance.now() - started) / 1000;
  const sent = tally.latencies.length - 100;
  const sorted = tally.latencies.slice(100).sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  console.log(
    `${sent} POST /consent, ${CONCURRENCY} at a time, in ${seconds.toFixed(1)} s: ${(sent / seconds).toFixed(0)} decisions/s sustained`,
  );
  console.log(
    `answers (warm-up included): ${tally.ok} recorded (303 + cookie), ${tally.refused} refused (4xx), ${tally.serverErrors} 5xx, ${tally.failed} failed connections`,
  );
  console.log(
    `latency: median ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
  );
  console.log(
    `workerd resident memory after warm-up and each quarter: ${memory.map(mib).join(", ")}`,
  );
  console.log(`the Worker's retained heap at the same points: ${heaps.map(mib).join(", ")}`);
  if (sent < DECISIONS)
    problems.push(
      `only ${sent} of ${DECISIONS} decisions were sent before the ${values.seconds} s deadline`,
    );
  if (tally.serverErrors || tally.failed)
    problems.push(`${tally.serverErrors} 5xx and ${tally.failed} failed connections`);
  const heapGrowth = heaps[4]! - heaps[1]!;
  if (heapGrowth > MAX_HEAP_GROWTH_BYTES)
    problems.push(`the Worker's retained heap grew by ${mib(heapGrowth)} after the first quarter`);

  const { parsed, report, exportMs, verifyMs } = await exportAndVerify(
    site.url,
    token,
    keys.publicKey,
  );
  const stored =
    (await (
      await site.mf.getD1Database("LEDGER")
    )
      .prepare("SELECT COUNT(*) AS n FROM consent_records")
      .first<number>("n")) ?? 0;
  console.log(
    `ledger: ${stored} records in D1, ${parsed.entries.length} exported (${exportMs.toFixed(0)} ms), log ${report.verdict === "valid" ? "verifies" : `DOES NOT VERIFY (${report.verdict})`} (${verifyMs.toFixed(0)} ms, under a head of ${report.head?.size ?? 0} leaves)`,
  );
  if (stored !== tally.ok || parsed.entries.length !== tally.ok)
    problems.push(
      `${tally.ok} decisions answered as recorded, but ${stored} records in D1 and ${parsed.entries.length} exported`,
    );
  if (report.verdict !== "valid")
    problems.push(`the log does not verify: ${JSON.stringify(report.problems.slice(0, 3))}`);
} finally {
  await site.close();
}
console.log(
  problems.length
    ? `FAILED:\n  ${problems.join("\n  ")}`
    : "OK: every successful decision has exactly one record, the log verifies, no 5xx, the heap is flat.",
);
process.exitCode = problems.length ? 1 : 0;
