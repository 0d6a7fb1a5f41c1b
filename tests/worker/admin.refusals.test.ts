// Issue 15, finding 4: refused /admin requests are counted, not a row each; real entries stay.
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import migration from "../../migrations/0003_admin_refusals.sql?raw";
import { ACCESS_ROWS } from "../../worker/admin/dashboard-data.ts";
import { TOKEN, accessIssuer, adminWorker, bearer, serveJwks } from "../helpers/admin.ts";
import { elements } from "../helpers/consent.ts";
import { clearLedger, countRows, selectRows } from "../helpers/ledger.ts";
import { seed } from "../helpers/worker.ts";

beforeEach(async () => {
  await seed();
  await clearLedger(env.LEDGER);
});
afterEach(() => vi.restoreAllMocks());

const stranger = (extra: Record<string, string> = {}) => ({
  "CF-Connecting-IP": "192.0.2.77",
  ...extra,
});

/** The rows of the dashboard table whose caption or heading names `title`. */
async function tableRows(body: string, id: string): Promise<string[][]> {
  const section = body.slice(body.indexOf(`id="${id}"`));
  const table = section.slice(0, section.indexOf("</table>"));
  const rows = table.split("<tr>").slice(2);
  return Promise.all(
    rows.map(async (row) => (await elements(`<table><tr>${row}</table>`, "td")).map((c) => c.text)),
  );
}

// Pins issue 15, finding 4 ("anonymous requests fill the admin access log: 20 requests to
// /admin/x1…x20 push every real entry off the dashboard, each kept 2010 days"). Refusals are
// counted per hour and reason instead of a row each; the dashboard lists real accesses apart from
// them.
describe("the admin log keeps real entries (finding 4)", () => {
  it(`${ACCESS_ROWS} junk requests leave the dashboard's access list readable, counted apart`, async () => {
    const worker = await adminWorker();
    for (let i = 0; i < 3; i++)
      expect(
        (await worker(`GET /admin/api/public-key`, { headers: bearer() })).status,
      ).toBeLessThan(500);
    for (let i = 1; i <= ACCESS_ROWS; i++)
      expect((await worker(`GET /admin/x${i}`, { headers: stranger() })).status).toBe(401);
    const dashboard = await worker("GET /admin/", {
      headers: { ...bearer(), "Accept-Language": "en" },
    });
    const body = await dashboard.text();

    const access = await tableRows(body, "access");
    // The three real accesses (and none of the junk), newest first.
    expect(access.map((r) => [r[1], r[4]])).toEqual([
      ["token", "GET /admin/api/public-key"],
      ["token", "GET /admin/api/public-key"],
      ["token", "GET /admin/api/public-key"],
    ]);
    const refusals = await tableRows(body, "refusals");
    const hour = new Date().toISOString().slice(0, 13);
    expect(refusals).toEqual([
      [`${hour.replace("T", " ")}:00`, "no credentials", "401", String(ACCESS_ROWS)],
    ]);
    // One row per hour and reason, however many requests.
    expect(await countRows("admin_access", "kind = 'refused'")).toBe(0);
    expect(await countRows("admin_refusals")).toBe(1);
  }, 30_000);

  it("tells the reasons apart: no credentials, a wrong token, an invalid Access token, admin closed", async () => {
    serveJwks((await accessIssuer()).jwk);
    const worker = await adminWorker();
    await worker("GET /admin/", { headers: stranger() });
    await worker("GET /admin/", { headers: stranger({ Authorization: `Bearer ${TOKEN}x` }) });
    await worker("GET /admin/", {
      headers: stranger({ Authorization: `Basic ${btoa("admin:nope")}` }),
    });
    await worker("GET /admin/", { headers: stranger({ "Cf-Access-Jwt-Assertion": "a.b.c" }) });
    const closed = await adminWorker({
      ADMIN_TOKEN: undefined,
      ACCESS_TEAM_DOMAIN: "",
      ACCESS_AUD: "",
    });
    await closed("GET /admin/", { headers: stranger() });
    const counts = await selectRows(
      "SELECT reason, status, count FROM admin_refusals ORDER BY reason",
    );
    expect(counts).toEqual([
      { reason: "admin_closed", status: 403, count: 1 },
      { reason: "invalid_access_token", status: 401, count: 1 },
      { reason: "no_credentials", status: 401, count: 1 },
      { reason: "wrong_token", status: 401, count: 2 },
    ]);
  }, 30_000);

  it("still logs every real access with who, including an authenticated request that fails", async () => {
    const worker = await adminWorker();
    expect((await worker("GET /admin/nothing-here", { headers: bearer() })).status).toBe(404);
    const rows = (
      await env.LEDGER.prepare("SELECT principal, path, status, kind FROM admin_access").all()
    ).results;
    expect(rows).toEqual([
      { principal: "token", path: "/admin/nothing-here", status: 404, kind: "view" },
    ]);
  });
});

describe("migration 0003 on a log that holds refusal rows (finding 4)", () => {
  it("folds them into counts per hour and status, and removes the rows", async () => {
    const insert = (at: string, kind: string, status: number) =>
      env.LEDGER.prepare(
        "INSERT INTO admin_access (at, principal, auth, method, path, query, status, kind) VALUES (?1, 'anonymous', 'none', 'GET', '/admin/x', '', ?2, ?3)",
      )
        .bind(at, status, kind)
        .run();
    await insert("2026-11-30T10:05:00.000Z", "refused", 401);
    await insert("2026-11-30T10:55:00.000Z", "refused", 401);
    await insert("2026-11-30T11:01:00.000Z", "refused", 403);
    await insert("2026-11-30T11:02:00.000Z", "view", 200);
    // The migration's statements after its CREATE TABLE (which the test database already ran).
    const statements = migration
      .split(/;\s*\n/)
      .map((s) => s.replace(/--.*$/gm, "").trim())
      .filter((s) => s && !s.startsWith("CREATE TABLE"));
    for (const statement of statements) await env.LEDGER.prepare(statement).run();
    const counts = await selectRows(
      "SELECT hour, reason, status, count, first_at, last_at FROM admin_refusals ORDER BY hour",
    );
    expect(counts).toEqual([
      {
        hour: "2026-11-30T10",
        reason: "unclassified",
        status: 401,
        count: 2,
        first_at: "2026-11-30T10:05:00.000Z",
        last_at: "2026-11-30T10:55:00.000Z",
      },
      {
        hour: "2026-11-30T11",
        reason: "unclassified",
        status: 403,
        count: 1,
        first_at: "2026-11-30T11:01:00.000Z",
        last_at: "2026-11-30T11:01:00.000Z",
      },
    ]);
    expect((await env.LEDGER.prepare("SELECT kind FROM admin_access").all()).results).toEqual([
      { kind: "view" },
    ]);
  });
});
