// npm run consent:bench [-- --sizes 1000,10000,100000 --sequential 100 --concurrent 500]: what a
// decision costs as the log grows, measured on the production bundle in workerd (Miniflare).
// Between sizes, the log is grown straight in D1 by the log's own code (planBatch +
// batchStatements, as the Durable Object commits), so growing to 100,000 records takes seconds
// instead of minutes of POSTs; the writer notices and re-reads D1 (a warm-up post, not timed).
import { sha256Hex } from "../lib/bytes.ts";
import { checkDecision } from "../worker/ledger/decision-check.ts";
import { type LogState, planBatch } from "../worker/ledger/log-batch.ts";
import { batchStatements, readLogState } from "../worker/ledger/log-store.ts";
import { generateKeyPair, importSigner } from "../worker/ledger/signing.ts";
import { buildBundle } from "./lib/bundle.ts";
import { parseCommandLine } from "./lib/cli.ts";
import { exportAndVerify, postDecision } from "./lib/consent-load.ts";
import { serveBundle } from "./lib/serve-bundle.ts";

const values = parseCommandLine(
  {
    sizes: { type: "string", default: "1000,10000,100000" },
    sequential: { type: "string", default: "100" },
    concurrent: { type: "string", default: "500" },
    help: { type: "boolean", short: "h" },
  },
  `Usage: npm run consent:bench -- [--sizes 1000,10000,100000] [--sequential 100] [--concurrent 500]

What a decision costs as the log grows, on the production bundle in workerd: at each size, N posts one after
the other and M at once.`,
);
const sizes = values.sizes.split(",").map(Number);
const SEQUENTIAL = Number(values.sequential);
const CONCURRENT = Number(values.concurrent);
const FILL_BATCH = 1000;
const token = "bench-token-0123456789abcdefghijklmnopqrstuvwxyz";
const keys = await generateKeyPair();
const signer = await importSigner(keys.privateJwk);
const site = await serveBundle({
  scriptPath: await buildBundle(),
  bindings: { ADMIN_TOKEN: token, LEDGER_SIGNING_KEY: keys.privateJwk },
});
const db = await site.mf.getD1Database("LEDGER");
const texts = JSON.stringify({ bench: "texts shown" });
const textsHash = await sha256Hex(texts);

/**
 * Appends `count` synthetic decisions straight into D1, batch by batch, as the log's writer would.
 */
async function grow(count: number): Promise<void> {
  let state: LogState = await readLogState(db as unknown as D1Database);
  for (let done = 0; done < count; ) {
    const n = Math.min(FILL_BATCH, count - done);
    const pending = Array.from({ length: n }, (_, i) => {
      const checked = checkDecision({
        eventId: `bench-${state.size + i}-${done}`,
        consentId: `bench-consent-${(state.size + i) % 20000}`,
        action: i % 2 ? "accept_all" : "reject_all",
        categories: { necessary: true, media: i % 2 === 1 },
        method: "banner",
        locale: "it",
        policyVersion: "a1b2c3d4e5f6",
        texts,
      });
      if (!checked.ok) throw new Error(checked.problem);
      return { decision: checked.value, textsHash };
    });
    const plan = await planBatch(state, pending, new Map(), new Date());
    const head = await signer.signHead({
      size: plan.state.size,
      root: plan.root,
      timestamp: plan.at,
    });
    await db.batch(
      batchStatements(
        db as unknown as D1Database,
        plan.fresh,
        [{ hash: textsHash, policyVersion: "a1b2c3d4e5f6", locale: "it", texts }],
        plan.nodes,
        head,
      ) as never,
    );
    state = plan.state;
    done += n;
  }
}

const count = async () =>
  (await db.prepare("SELECT COUNT(*) AS n FROM consent_records").first<number>("n")) ?? 0;
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(1)} ms, p95 ${s[Math.floor(s.length * 0.95)]!.toFixed(1)} ms`;
};

try {
  console.log(
    `machine: load average ${(await import("node:os"))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  for (const size of sizes) {
    const start = performance.now();
    await grow(size - (await count()));
    const grown = performance.now() - start;
    await postDecision(site.url, 0); // the writer re-reads D1 once: not timed
    const times: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) {
      const t = performance.now();
      const res = await postDecision(site.url, i);
      if (res.status !== 303) throw new Error(`POST /consent answered ${res.status}`);
      times.push(performance.now() - t);
    }
    const t = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) => postDecision(site.url, i).then((r) => r.status)),
    );
    const wall = performance.now() - t;
    const ok = statuses.filter((s) => s === 303).length;
    console.log(
      `log of ${(await count()).toLocaleString("en")} records (grown in ${(grown / 1000).toFixed(1)} s): ${SEQUENTIAL} POST /consent one after the other: ${stats(times)}; ` +
        `${CONCURRENT} at once: ${ok} answered 303 in ${wall.toFixed(0)} ms (${((ok / wall) * 1000).toFixed(0)} decisions/s)`,
    );
  }
  const heads =
    (await db.prepare("SELECT COUNT(*) AS n FROM ledger_heads").first<number>("n")) ?? 0;
  console.log(`signed heads stored: ${heads.toLocaleString("en")}`);
  const visitor = await fetch(
    `${site.url}/admin/api/consents?format=ndjson&consent_id=bench-consent-42`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  console.log(
    `per-visitor export at this size: ${visitor.status}, ${(await visitor.text()).split("\n").length - 4} entries`,
  );
  if (sizes.at(-1)! <= 20_000) {
    const { parsed, report, bytes, exportMs, verifyMs } = await exportAndVerify(
      site.url,
      token,
      keys.publicKey,
    );
    console.log(
      `whole export (${parsed.entries.length} entries, NDJSON, ${(bytes / 1024 / 1024).toFixed(1)} MiB): ${exportMs.toFixed(0)} ms; verify: ${report.verdict} in ${verifyMs.toFixed(0)} ms`,
    );
  }
} finally {
  await site.close();
}
