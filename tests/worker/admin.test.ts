// GET /admin/: figures, SVG charts, look-up by consent id, filters, export links, texts; CSP-clean.

import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../lib/bytes.ts";
import { adminGet, adminOver, bearer } from "../helpers/admin.ts";
import { TEXTS_EN, TEXTS_IT } from "../helpers/ledger.ts";
import { type Requester } from "../helpers/worker.ts";

let worker: Requester;
const VISITOR_A = "consent-visitor-aaaaaaaa";
const get = (path: string) => adminGet(worker, path, { "Accept-Language": "en-GB,en;q=0.9" });

beforeAll(async () => {
  worker = await adminOver([
    ["2026-03-01T09:00:00.000Z", { consentId: VISITOR_A, action: "accept_all" }],
    [
      "2026-03-01T10:00:00.000Z",
      {
        action: "reject_all",
        categories: { necessary: true, analytics: false, media: false },
      },
    ],
    [
      "2026-03-02T10:00:00.000Z",
      {
        action: "close",
        method: "banner_close",
        categories: { necessary: true, analytics: false, media: false },
      },
    ],
    [
      "2026-03-03T10:00:00.000Z",
      {
        action: "save",
        method: "preferences",
        locale: "en",
        texts: TEXTS_EN,
        categories: { necessary: true, analytics: false, media: true },
      },
    ],
    [
      "2026-03-04T10:00:00.000Z",
      {
        consentId: VISITOR_A,
        action: "withdraw",
        method: "preferences",
        categories: { necessary: true, analytics: false, media: false },
      },
    ],
    ["2026-03-04T11:00:00.000Z", { policyVersion: "0000000000v2", action: "accept_all" }],
  ]);
});

describe("the dashboard", () => {
  it("shows totals, shares by action and acceptance by category for the range", async () => {
    const { res, body } = await get("/admin/?from=2026-03-01&to=2026-03-04");
    expect(res.status).toBe(200);
    expect(body).toMatch(/<dt>decisions<\/dt><dd>6<\/dd>/);
    expect(body).toMatch(/<dt>consent ids<\/dt><dd>5<\/dd>/);
    expect(body).toMatch(
      /<th scope="row">accept all<\/th><td class="num">2<\/td><td class="num">33\.3%<\/td>/,
    );
    expect(body).toMatch(
      /<th scope="row">media<\/th><td class="num">3<\/td><td class="num">50\.0%<\/td>/,
    );
    expect(body).toMatch(
      /<th scope="row">necessary<\/th><td class="num">6<\/td><td class="num">100\.0%<\/td>/,
    );
  });

  it("draws decisions per day by action and by category as inline SVG, one slot per day", async () => {
    const { body } = await get("/admin/?from=2026-03-01&to=2026-03-04");
    expect(body.match(/<svg class="chart"/g)).toHaveLength(2);
    expect(body).toContain("<title>2026-03-01 · accept all: 1</title>");
    expect(body).toContain("<title>2026-03-04 · withdrawal: 1</title>");
    expect(body).toContain("<title>2026-03-03 · media: 1</title>");
    expect(body).toContain("<td>2026-03-02</td>");
  });

  it("is CSP-clean: no script, no style attribute, no third-party URL, its stylesheet allowed by hash", async () => {
    const { res, body } = await get("/admin/?from=2026-03-01&to=2026-03-04");
    const csp = res.headers.get("Content-Security-Policy")!;
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toContain("unsafe-inline");
    const style = /<style>([^<]*)<\/style>/.exec(body)![1]!;
    const digest = btoa(
      String.fromCharCode(
        ...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(style))),
      ),
    );
    expect(csp).toContain(`style-src 'sha256-${digest}'`);
    expect(body).not.toMatch(/<script|\sstyle="|\son[a-z]+="/i);
    expect(body).not.toMatch(/(src|href|action)="(https?:)?\/\//);
  });

  it("looks up a consent id and shows its full history, oldest first, whatever the dates", async () => {
    const { body } = await get(`/admin/?consent_id=${VISITOR_A}&from=2026-03-04&to=2026-03-04`);
    expect(body).toContain(`History of consent id <code>${VISITOR_A}</code>`);
    const history = body.slice(body.indexOf('id="history"'), body.indexOf('id="totals"'));
    expect(
      [...history.matchAll(/<td data-action="(accept_all|withdraw|reject_all|save|close)">/g)].map(
        (m) => m[1],
      ),
    ).toEqual(["accept_all", "withdraw"]);
  });

  it("filters by action and by policy version, and offers the filtered exports", async () => {
    const { body } = await get("/admin/?from=2026-03-01&to=2026-03-04&action=reject_all");
    expect(body).toMatch(/<dt>decisions<\/dt><dd>1<\/dd>/);
    expect(body).toContain(
      'href="/admin/api/consents?from=2026-03-01&amp;to=2026-03-04&amp;action=reject_all&amp;format=csv"',
    );
    const v2 = await get("/admin/?from=2026-03-01&to=2026-03-04&policy_version=0000000000v2");
    expect(v2.body).toMatch(/<dt>decisions<\/dt><dd>1<\/dd>/);
    expect(v2.body).toContain('<option value="0000000000v2" selected>');
  });

  it("lists the archived texts per version and shows them again, byte for byte on request", async () => {
    const hash = await sha256Hex(TEXTS_IT);
    const { body } = await get("/admin/?from=2026-03-01&to=2026-03-04");
    expect(body).toContain(`href="/admin/texts/${hash}"`);
    expect(body).toContain(`href="/admin/texts/${await sha256Hex(TEXTS_EN)}"`);
    const page = await get(`/admin/texts/${hash}`);
    expect(page.res.status).toBe(200);
    expect(page.body).toContain("Usiamo cookie tecnici");
    const raw = await get(`/admin/texts/${hash}?raw`);
    expect(await sha256Hex(raw.body)).toBe(hash);
    expect((await get(`/admin/texts/${"0".repeat(64)}`)).res.status).toBe(404);
  });

  it("answers bad filters with a 400 naming the parameter, and /admin with a redirect", async () => {
    const bad = await worker("GET /admin/?from=2026-02-30", { headers: bearer() });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("from");
    expect(
      (await worker("GET /admin/api/consents?action=maybe", { headers: bearer() })).status,
    ).toBe(400);
    expect(
      (await worker("GET /admin/api/consents?from=2026-03-04&to=2026-03-01", { headers: bearer() }))
        .status,
    ).toBe(400);
    const bare = await worker("GET /admin", { headers: bearer() });
    expect(bare.status).toBe(308);
    expect(bare.headers.get("Location")).toBe("/admin/");
  });
});
