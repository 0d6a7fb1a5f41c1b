// Tree heads from the cron and Seal now, retention, erasure: exports of what is left prove.
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import worker from "../../worker/admin/index.ts";
import { parseExport } from "../../worker/ledger/export-parse.ts";
import { type HeadRow, rowToHead } from "../../worker/ledger/log-store.ts";
import { runLedgerMaintenance } from "../../worker/ledger/scheduled.ts";
import { adminWorker, bearer } from "../helpers/admin.ts";
import { choiceCookie } from "../helpers/consent.ts";
import {
  appendAt,
  clearLedger,
  countRows,
  decision,
  exportLog,
  verifyLog,
} from "../helpers/ledger.ts";
import { type Requester, ORIGIN, req, seed } from "../helpers/worker.ts";

const db = env.LEDGER;
const heads = async () =>
  (await db.prepare("SELECT * FROM ledger_heads ORDER BY id").all<HeadRow>()).results.map(
    rowToHead,
  );
const seqs = async () =>
  (
    await db.prepare("SELECT seq FROM consent_records ORDER BY seq").all<{ seq: number }>()
  ).results.map((r) => r.seq);
const withRetention = () => ({ ...env, LEDGER_RETENTION_DAYS: "30" }) as unknown as Env;
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * DAY).toISOString();

beforeAll(() => seed());
beforeEach(() => clearLedger(db));

// Tree heads from the cron (also when idle) and "Seal now", retention and erasure: bodies go,
// leaves stay, and every export of what is left still proves itself.
describe("tree heads", () => {
  it("the cron signs a new head of the same tree when nothing was appended, so the log is seen alive", async () => {
    await appendAt(at(0));
    const ctx = createExecutionContext();
    worker.scheduled!(
      createScheduledController({ cron: "7 * * * *", scheduledTime: Date.parse(at(1)) }),
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const [batch, idle] = await heads();
    expect(idle).toMatchObject({ size: 1, root: batch!.root, timestamp: at(1) });
    expect(idle!.signature).not.toBe(batch!.signature);
  });

  it("never dates a head before the last one, even when the clock is behind", async () => {
    await appendAt(at(5));
    await runLedgerMaintenance(env, new Date(at(2)));
    expect((await heads()).map((h) => h.timestamp)).toEqual([at(5), at(5)]);
  });
});

describe("retention", () => {
  it("D27: redacts the bodies past retention, keeps their leaves: the whole log and a range still verify", async () => {
    for (const day of [0, 1, 2, 40, 41]) await appendAt(at(day));
    await runLedgerMaintenance(withRetention(), new Date(at(45)));
    expect(await seqs()).toEqual([4, 5]);
    expect(await db.prepare("SELECT through_seq, records FROM ledger_purges").first()).toEqual({
      through_seq: 3,
      records: 3,
    });
    const whole = await verifyLog();
    expect(whole.problems).toEqual([]);
    expect(whole).toMatchObject({ verdict: "valid", records: 2, redacted: 3 });
    const entries = parseExport(await exportLog()).entries.map((e) => e.entry?.type);
    expect(entries).toEqual(["redacted", "redacted", "redacted", "record", "record"]);
    expect((await verifyLog({ from: at(1), to: at(41) })).verdict).toBe("valid");
  });

  it("appends go on after everything was purged, numbering kept", async () => {
    await appendAt(at(0));
    await appendAt(at(1));
    await runLedgerMaintenance(withRetention(), new Date(at(100)));
    expect(await seqs()).toEqual([]);
    expect((await appendAt(at(101))).seq).toBe(3);
    expect((await verifyLog()).verdict).toBe("valid");
  });

  it("also forgets admin access entries past retention", async () => {
    await db
      .prepare(
        "INSERT INTO admin_access (at, principal, auth, method, path, query, status, kind) VALUES (?1, 'x', 'token', 'GET', '/admin/', '', 200, 'view')",
      )
      .bind(at(0))
      .run();
    await runLedgerMaintenance(withRetention(), new Date(at(100)));
    expect(await countRows("admin_access")).toBe(0);
  });
});

describe("erasure (GDPR art. 17)", () => {
  let admin: Requester;
  beforeAll(async () => {
    admin = await adminWorker();
  });

  it("from the dashboard: bodies deleted, leaves kept as redacted, logged; every proof still holds; the receipt says what went", async () => {
    const subject = crypto.randomUUID();
    await appendAt(at(0), decision({ consentId: subject }));
    await appendAt(at(1), decision());
    await appendAt(
      at(2),
      decision({
        consentId: subject,
        action: "withdraw",
        categories: { necessary: true, analytics: false, media: false },
      }),
    );
    const res = await admin("POST /admin/api/erase", {
      method: "POST",
      headers: bearer(),
      body: new URLSearchParams({ consent_id: subject }),
    });
    expect(res.status).toBe(200);
    expect((await res.json<{ erasure: { seqs: number[] } }>()).erasure.seqs).toEqual([1, 3]);
    expect(await seqs()).toEqual([2]);
    expect(
      await db.prepare("SELECT kind, status, query FROM admin_access WHERE kind = 'erase'").first(),
    ).toMatchObject({ kind: "erase", status: 200 });
    expect(JSON.stringify(await db.prepare("SELECT * FROM ledger_redactions").all())).not.toContain(
      subject,
    );
    // Every other proof still verifies: the whole log, another visitor's history, and the
    // erased subject's.
    expect(await verifyLog()).toMatchObject({ verdict: "valid", records: 1, redacted: 2 });
    expect((await verifyLog({ consentId: subject })).verdict).toBe("valid");
    expect(
      parseExport(await exportLog({ consentId: subject })).entries.map((e) => e.entry?.type),
    ).toEqual(["redacted", "redacted"]);

    const cookie = await choiceCookie({ consentId: subject });
    const receipt = await (
      await req("GET /consent/receipt", { headers: { Cookie: cookie } })
    ).json<{ erased: { seqs: number[]; erasedAt: string }; proof: { leaf: { type: string } } }>();
    expect(receipt.erased.seqs).toEqual([1, 3]);
    expect(Date.parse(receipt.erased.erasedAt)).toBeGreaterThan(Date.parse(at(2)));
    expect(receipt.proof.leaf.type).toBe("redacted");
  });

  it("refuses a cross-site post and a bad consent id, erasing nothing", async () => {
    await appendAt(at(0), decision({ consentId: "consent-subject-000002" }));
    const basic = {
      Authorization: `Basic ${btoa(`dpo:${"test-admin-token-0123456789abcdefghijklmnop"}`)}`,
    };
    const foreign = await admin("POST /admin/api/erase", {
      method: "POST",
      headers: { ...basic, Origin: "https://evil.example" },
      body: new URLSearchParams({ consent_id: "consent-subject-000002" }),
    });
    expect(foreign.status).toBe(403);
    const bad = await admin("POST /admin/api/erase", {
      method: "POST",
      headers: { ...bearer(), Origin: ORIGIN },
      body: new URLSearchParams({ consent_id: "x" }),
    });
    expect(bad.status).toBe(400);
    expect(await seqs()).toEqual([1]);
  });
});
