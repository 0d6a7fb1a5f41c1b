// Forged credentials on /admin: each a 401, never a 5xx, and the ledger untouched.
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { toBase64Url } from "../../lib/bytes.ts";
import {
  TOKEN,
  accessClaims,
  accessIssuer,
  adminWorker,
  serveJwks,
  type AccessIssuer,
} from "../helpers/admin.ts";
import { type Requester, seed } from "../helpers/worker.ts";
import { countRecords } from "../helpers/ledger.ts";

let issuer: AccessIssuer;
let worker: Requester;
let ip = 0;

beforeAll(async () => {
  await seed();
  issuer = await accessIssuer();
});
afterEach(() => vi.restoreAllMocks());

const encode = (value: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
/**
 * Each call from its own address, so the admin rate limit (60 a minute) does not answer instead.
 */
const from = (headers: Record<string, string>) => ({
  ...headers,
  "CF-Connecting-IP": `203.0.113.${++ip % 250}`,
});

async function expectRefused(headers: Record<string, string>, label: string): Promise<void> {
  const records = await countRecords();
  for (const path of ["/admin/", "/admin/api/consents?format=ndjson"]) {
    const res = await worker(`GET ${path}`, { headers: from(headers) });
    expect(res.status, `${label} on ${path}`).toBe(401);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.text()).not.toContain("dpo@example.org");
  }
  expect(await countRecords()).toBe(records);
}

// Forged credentials on /admin, beyond what admin.auth.test.ts proves (expired, wrong audience or
// issuer, another key, tampered payload, alg=none): algorithm confusion, garbage of every shape,
// tokens of the wrong length. Every one is a 401, never a 5xx, and the ledger is untouched.
describe("forged Access JWTs", () => {
  beforeAll(async () => {
    worker = await adminWorker();
  });

  it.each([
    [
      "HS256 keyed with the team's public key (algorithm confusion)",
      async () => {
        const input = `${encode({ alg: "HS256", kid: issuer.kid })}.${encode(accessClaims())}`;
        const key = await crypto.subtle.importKey(
          "raw",
          new TextEncoder().encode(JSON.stringify(issuer.jwk)),
          { name: "HMAC", hash: "SHA-256" },
          false,
          ["sign"],
        );
        return `${input}.${toBase64Url(new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(input))))}`;
      },
    ],
    [
      "alg none in lower and upper case, without a signature",
      async () => `${encode({ alg: "NONE", kid: issuer.kid })}.${encode(accessClaims())}.`,
    ],
    [
      "a key id that is not the team's",
      async () =>
        `${encode({ alg: "RS256", kid: "../../etc/passwd" })}.${encode(accessClaims())}.AAAA`,
    ],
    ["no expiry at all", async () => issuer.sign(accessClaims({ exp: undefined }))],
    [
      "an expiry that is not a number",
      async () => issuer.sign(accessClaims({ exp: "9999999999" })),
    ],
    ["an audience list without ours", async () => issuer.sign(accessClaims({ aud: [] }))],
    [
      "a valid signature moved onto other claims",
      async () => {
        const [head, , sig] = (await issuer.sign(accessClaims())).split(".");
        return `${head}.${encode(accessClaims({ email: "intruder@example.org", exp: 4_102_444_800 }))}.${sig}`;
      },
    ],
    [
      "validly signed claims that are JSON null",
      async () => issuer.sign(null as unknown as Record<string, unknown>),
    ],
    ["four parts", async () => `${await issuer.sign(accessClaims())}.AAAA`],
    [
      "a header that is not JSON",
      async () =>
        `${toBase64Url(new TextEncoder().encode("{alg:"))}.${encode(accessClaims())}.AAAA`,
    ],
    ["a header that is JSON null", async () => `${encode(null)}.${encode(accessClaims())}.AAAA`],
    [
      "a header that is a number or a list",
      async () => `${encode([{ alg: "RS256", kid: issuer.kid }])}.${encode(7)}.AAAA`,
    ],
    [
      "a signature that is not base64url",
      async () => `${(await issuer.sign(accessClaims())).split(".").slice(0, 2).join(".")}.!!!`,
    ],
    ["100 KB of dots", async () => ".".repeat(100_000)],
  ])("%s → 401", async (label, make) => {
    serveJwks(issuer.jwk);
    const jwt = await make();
    await expectRefused({ "Cf-Access-Jwt-Assertion": jwt }, label);
    await expectRefused({ Cookie: `CF_Authorization=${jwt}` }, `${label} (cookie)`);
  });

  it("any string as the Access header → 401, never a 5xx (property)", async () => {
    serveJwks(issuer.jwk);
    const part = fc.oneof(
      fc.base64String({ maxLength: 40 }).map((s) => s.replace(/=/g, "")),
      fc.string({ maxLength: 20 }),
      fc.constant(encode({ alg: "RS256", kid: issuer.kid })),
    );
    const jwt = fc.oneof(
      fc.tuple(part, part, part).map((p) => p.join(".")),
      fc.string({ maxLength: 120 }),
    );
    await fc.assert(
      fc.asyncProperty(jwt, async (value) => {
        const header = value.replace(/[^\x21-\x7e]/g, "") || "x";
        const res = await worker("GET /admin/", {
          headers: from({ "Cf-Access-Jwt-Assertion": header }),
        });
        expect(res.status, header).toBe(401);
      }),
      { numRuns: 50 },
    );
  });
});

describe("the bearer token", () => {
  beforeAll(async () => {
    worker = await adminWorker({ ACCESS_TEAM_DOMAIN: "", ACCESS_AUD: "" });
  });

  it.each([
    ["empty", ""],
    ["one character", "x"],
    ["one character short", TOKEN.slice(0, -1)],
    ["one character long", `${TOKEN}x`],
    ["the right one in upper case", TOKEN.toUpperCase()],
    ["the right one twice", TOKEN + TOKEN],
    ["100 KB long", "a".repeat(100_000)],
    ["with a NUL after the right one", `${TOKEN}%00`],
  ])("%s → 401", async (label, token) => {
    await expectRefused({ Authorization: `Bearer ${token}` }, label);
    await expectRefused({ Authorization: `Basic ${btoa(`admin:${token}`)}` }, `${label} (Basic)`);
  });

  it.each([
    ["Basic that is not base64", "Basic %%%"],
    ["Basic without a colon", `Basic ${btoa("no-colon")}`],
    ["Basic of invalid UTF-8", `Basic ${btoa("\xff\xfe:\xff")}`],
    ["another scheme", `Digest ${TOKEN}`],
    ["the scheme alone", "Bearer"],
  ])("%s → 401", async (label, authorization) => {
    await expectRefused({ Authorization: authorization }, label);
  });

  it("the right token still gets in: the refusals above are not a broken door", async () => {
    expect(
      (await worker("GET /admin/", { headers: from({ Authorization: `Bearer ${TOKEN}` }) })).status,
    ).toBe(200);
  });
});
