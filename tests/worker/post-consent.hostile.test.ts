// Hostile POST /consent, counted against the ledger: refusals record nothing, forgeries never.
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { choiceCookie, postConsent } from "../helpers/consent.ts";
import { seed } from "../helpers/worker.ts";
import { countRecords, countRows } from "../helpers/ledger.ts";

beforeAll(async () => {
  await seed();
});

async function consentIdsOf(id: string): Promise<number> {
  return countRows("consent_records", "consent_id = ?", id);
}

/** Posts, and checks the answer against the ledger: a record and a cookie together, or neither. */
async function postCounted(body: string, headers: Record<string, string> = {}): Promise<Response> {
  const before = await countRecords();
  const response = await postConsent(body, { headers });
  await response.arrayBuffer();
  const added = (await countRecords()) - before;
  const cookie = response.headers.getSetCookie().length > 0;
  expect(response.status, body).toBeLessThan(500);
  expect({ added, cookie }, body).toEqual(
    response.status < 400 ? { added: 1, cookie: true } : { added: 0, cookie: false },
  );
  return response;
}

const OFF_SITE = [
  "//evil.example/",
  "/\\evil.example",
  "\\\\evil.example",
  "https://evil.example/",
  "HTTPS://evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " /it/",
  "\t//evil.example",
  "/it/\r\nLocation: https://evil.example",
  "/" + "a".repeat(600),
  "",
];

// Hostile input on POST /consent, counted against the ledger: every refusal leaves it as it was,
// every accepted decision adds exactly one record, and nothing a visitor forges (cookie, signature,
// consent id) gets recorded. (post-consent.errors.test.ts proves each status with its page; this
// file proves what happens to the ledger.)
describe("a corpus of hostile forms: the right 4xx, no record, no cookie", () => {
  it.each(OFF_SITE.map((target) => [JSON.stringify(target).slice(0, 50), target]))(
    "return=%s is refused (400)",
    async (_label, target) => {
      // The Referer a browser would send is the page's, not the forged field.
      const response = await postCounted(`action=accept_all&return=${encodeURIComponent(target)}`, {
        Referer: "https://farvolare.test/it/",
      });
      expect(response.status).toBe(400);
    },
  );

  it("an encoded line break stays encoded in a path of this site: no header is injected", async () => {
    const response = await postCounted(
      `action=accept_all&return=${encodeURIComponent("/%0d%0aSet-Cookie:%20x=1")}`,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/%0d%0aSet-Cookie:%20x=1");
    expect(response.headers.getSetCookie().some((line) => line.startsWith("x="))).toBe(false);
  });

  it.each([
    ["no action", "return=/it/", 400],
    ["an empty action", "action=&return=/it/", 400],
    ["an unknown action", "action=withdraw&return=/it/", 400],
    ["an action in another case", "action=ACCEPT_ALL&return=/it/", 400],
    ["two actions", "action=accept_all&action=reject_all&return=/it/", 400],
    ["two returns", "action=accept_all&return=/it/&return=/en/", 400],
    ["an unknown source", "action=accept_all&source=admin&return=/it/", 400],
    ["a category with another value", "action=save&cat_media=yes&return=/it/", 400],
    ["a category with a NUL", "action=save&cat_media%00=on&return=/it/", 400],
    ["an upper-case category", "action=save&cat_MEDIA=on&return=/it/", 400],
    ["an empty category", "action=save&cat_=on&return=/it/", 400],
    ["a category name with markup", "action=save&cat_%3Cscript%3E=on&return=/it/", 400],
    [
      "too many fields",
      `action=accept_all&return=/it/&${Array.from({ length: 40 }, (_, i) => `x${i}=1`).join("&")}`,
      400,
    ],
    ["a body over 4 KB", `action=accept_all&return=/it/&pad=${"x".repeat(4100)}`, 413],
  ] as const)("%s → %i", async (_label, body, status) => {
    expect((await postCounted(body)).status).toBe(status);
  });

  it.each([
    ["JSON", "application/json"],
    ["text", "text/plain;charset=UTF-8"],
    ["multipart", "multipart/form-data; boundary=----x"],
    ["a form type with a trailing junk", "application/x-www-form-urlencoded-evil"],
  ])("another encoding (%s) → 415", async (_label, type) => {
    expect(
      (await postCounted("action=accept_all&return=/it/", { "Content-Type": type })).status,
    ).toBe(415);
  });

  it.each<Record<string, string>>([
    { Origin: "https://evil.example" },
    { Origin: "https://farvolare.test.evil.example" },
    { Origin: "http://farvolare.test" },
    { Origin: "null" },
    { "Sec-Fetch-Site": "cross-site" },
    { "Sec-Fetch-Site": "none" },
  ])("a cross-site post (%o) → 403", async (headers) => {
    expect((await postCounted("action=accept_all&return=/it/", headers)).status).toBe(403);
  });

  it("an unknown category ticked among real ones is ignored, and the decision is recorded once", async () => {
    const response = await postCounted("action=save&cat_media=on&cat_zzz=on&return=/en/");
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/en/");
  });
});

describe("forged consent cookies", () => {
  const forgedId = "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f";

  it.each([
    [
      "signed with another key",
      () =>
        choiceCookie(
          { consentId: forgedId, granted: ["media"] },
          "another-secret-another-secret-12345",
        ),
    ],
    [
      "with its grant edited",
      async () =>
        (await choiceCookie({ consentId: forgedId })).replace(/\.\.(\d+)\./, ".media.$1."),
    ],
    ["unsigned", async () => (await choiceCookie({ consentId: forgedId })).replace(/\.[^.]+$/, "")],
    [
      "with an empty signature",
      async () => (await choiceCookie({ consentId: forgedId })).replace(/\.[^.]+$/, "."),
    ],
  ])(
    "%s: the decision is recorded under a fresh consent id, never the forged one, and is no withdrawal",
    async (_label, make) => {
      const cookie = await make();
      expect(cookie).toContain(forgedId);
      const response = await postCounted("action=reject_all&return=/it/", { Cookie: cookie });
      expect(response.status).toBe(303);
      expect(await consentIdsOf(forgedId)).toBe(0);
      const last = await env.LEDGER.prepare(
        "SELECT action FROM consent_records ORDER BY seq DESC LIMIT 1",
      ).first<string>("action");
      expect(last).toBe("reject_all");
    },
  );

  it("a genuine cookie keeps its consent id: the check above can tell", async () => {
    const genuine = "1e1e1e1e-1e1e-4e1e-8e1e-1e1e1e1e1e1e";
    await postCounted("action=reject_all&return=/it/", {
      Cookie: await choiceCookie({ consentId: genuine, granted: ["media"] }),
    });
    expect(await consentIdsOf(genuine)).toBe(1);
  });

  it("any Cookie header and any form: never a 5xx, and a record exactly when a cookie is set (property)", async () => {
    const cookieHeader = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constant("fvm_consent=1.x.y.z.1.AAAA"),
      fc.string({ maxLength: 60 }).map((v) => `fvm_consent=${v}`),
      fc.constant(`fvm_consent=${"a".repeat(9000)}`),
    );
    const action = fc.constantFrom("accept_all", "reject_all", "save", "close", "nope", "");
    const ret = fc.oneof(
      fc.constantFrom("/it/", "/en/cookies", "//evil.example"),
      fc.string({ maxLength: 20 }),
    );
    const category = fc.constantFrom(
      "",
      "&cat_media=on",
      "&cat_analytics=on",
      "&cat_media=off",
      "&cat_x y=on",
    );
    await fc.assert(
      fc.asyncProperty(cookieHeader, action, ret, category, async (cookie, act, target, cat) => {
        // A header value must be a valid ByteString: what a client can send at all.
        const safeCookie = cookie.replace(/[^\x20-\x7e]/g, "");
        await postCounted(`action=${act}&return=${encodeURIComponent(target)}${cat}`, {
          Cookie: safeCookie,
        });
      }),
      { numRuns: 40 },
    );
  });
});
