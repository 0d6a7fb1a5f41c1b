// npm run bench:soak [-- --seconds 180 --connections 32]: the built bundle in workerd under
// kept-alive load for minutes, across many pointer refreshes (the default 5 s), a publish every 20
// s and visitors hanging up, then bursts of consent posts; every answer counted. Exits 1 on any
// non-2xx page, any 5xx post, any request left unanswered or any 5xx the Worker logged. The
// regression tests (tests/scripts/load-*.test.ts) run the same for seconds; this is the run for
// minutes, outside npm test.
import { parseArgs } from "node:util";
import { buildBundle } from "../scripts/lib/bundle.ts";
import { serveBundle } from "../scripts/lib/serve-bundle.ts";
import { decisionBody, postConsent, visitorAddress } from "./lib/consent-burst.ts";
import { countFailures, loadKeepAlive } from "./lib/keepalive-load.ts";
import { buildTwoVersions, publishOne, uploadVersion } from "./lib/two-versions.ts";
import { isServerFailure, readLoggedStatus } from "./lib/logged-status.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "180" },
    connections: { type: "string", default: "32" },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const PATHS = [
  "/it/",
  "/en/",
  "/it/progetti/milano-citta-della-life-sciences",
  "/en/cookies",
  "/it/obiettivi-raggiunti",
];

const versions = await buildTwoVersions(" (2)");

const serverErrors: string[] = [];
const site = await serveBundle({
  scriptPath: await buildBundle(),
  onLog: (_level, message) => {
    if (isServerFailure(readLoggedStatus(message))) serverErrors.push(message.slice(0, 300));
  },
});
let failed = false;
try {
  const kv = await site.mf.getKVNamespace("CONTENT");
  await uploadVersion(kv, versions[1]);
  let live: 0 | 1 = 0;
  const publisher = setInterval(() => {
    live = live === 0 ? 1 : 0;
    void publishOne(kv, versions, live);
  }, 20_000);
  process.stderr.write(
    `soak: ${connections} connections for ${seconds} s on ${PATHS.length} pages, a publish every 20 s, visitors leaving every 50 ms\n`,
  );
  const tally = await loadKeepAlive({
    origin: site.directUrl,
    paths: PATHS,
    connections,
    seconds,
    timeoutMs: 5_000,
    leaving: { everyMs: 50 },
  });
  clearInterval(publisher);
  const pageFailures = countFailures(tally);
  console.log(
    `pages: ${tally.requests} requests on ${tally.sockets} sockets (${tally.left} left mid-request), statuses ${JSON.stringify(tally.statuses)}, ${tally.errors} unanswered, ${pageFailures} failures`,
  );

  // Bursts of 50 simultaneous decisions, a third of the clients hanging up, then single posts:
  // all recorded.
  const outcomes: Record<string, number> = {};
  for (let burst = 0; burst < 5; burst++) {
    const posts = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const n = burst * 50 + i;
        const departure =
          i % 3 === 0 ? ({ kind: "after-send", afterMs: 1 } as const) : ({ kind: "stay" } as const);
        return postConsent(site.directUrl, {
          body: decisionBody(n),
          departure,
          client: visitorAddress(n),
        });
      }),
    );
    for (const post of posts) {
      const name = post.kind === "answered" ? String(post.status) : post.kind;
      outcomes[name] = (outcomes[name] ?? 0) + 1;
    }
  }
  const singles = [];
  for (let i = 0; i < 10; i++)
    singles.push(
      await postConsent(site.directUrl, {
        body: decisionBody(1_000 + i),
        client: visitorAddress(1_000 + i),
      }),
    );
  const singleStatuses = singles.map((s) => (s.kind === "answered" ? s.status : s.kind));
  console.log(
    `consent bursts: ${JSON.stringify(outcomes)}; then single posts: ${singleStatuses.join(" ")}`,
  );
  console.log(
    `the Worker logged ${serverErrors.length} requests as 5xx${serverErrors[0] ? `, e.g. ${serverErrors[0]}` : ""}`,
  );
  const postFailures = Object.entries(outcomes).filter(([status]) => /^5/.test(status)).length;
  failed =
    pageFailures > 0 ||
    postFailures > 0 ||
    singleStatuses.some((s) => s !== 303) ||
    serverErrors.length > 0;
  console.log(
    failed
      ? "FAILED: an answer no visitor should get"
      : "ok: every page 2xx, every post recorded or deliberately refused, nothing logged as 5xx",
  );
} finally {
  await site.close();
}
process.exit(failed ? 1 : 0);
