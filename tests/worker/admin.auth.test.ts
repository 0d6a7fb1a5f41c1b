// Who gets into /admin: Access JWTs for people, the bearer token for tools, nobody unconfigured.
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { appendConsentRecord } from "../../worker/ledger/append.ts";
import { clearLedger, countRows, decision, selectRows } from "../helpers/ledger.ts";
import {
  TOKEN,
  accessClaims,
  accessIssuer,
  adminWorker,
  bearer,
  serveJwks,
  type AccessIssuer,
} from "../helpers/admin.ts";
import { seed } from "../helpers/worker.ts";

let issuer: AccessIssuer;
const accessLog = () =>
  selectRows("SELECT principal, auth, method, path, status, kind FROM admin_access ORDER BY id");

beforeAll(async () => {
  await seed();
  issuer = await accessIssuer();
});
beforeEach(() => clearLedger(env.LEDGER));
afterEach(() => vi.restoreAllMocks());

// Who gets into /admin: Access JWTs (signature, aud, iss, exp) for people, the bearer token for
// tools, nobody when neither is configured; every call is rate-limited and logged.
describe("closed unless configured", () => {
  it("answers 403 with the reason when neither Access nor a token is configured, even to a token", async () => {
    const worker = await adminWorker({
      ADMIN_TOKEN: undefined,
      ACCESS_TEAM_DOMAIN: "",
      ACCESS_AUD: "",
    });
    for (const path of ["/admin/", "/admin/api/consents?format=csv"]) {
      const res = await worker(`GET ${path}`, { headers: bearer() });
      expect(res.status, path).toBe(403);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
    }
    const json = await (await worker("GET /admin/api/consents", { headers: bearer() })).json<{
      error: string;
    }>();
    expect(json.error).toMatch(/Admin is closed: configure Cloudflare Access .* or an ADMIN_TOKEN/);
  });

  it("ignores a token too short to be safe", async () => {
    const worker = await adminWorker({ ADMIN_TOKEN: "short", ACCESS_TEAM_DOMAIN: "" });
    expect((await worker("GET /admin/api/consents", { headers: bearer("short") })).status).toBe(
      403,
    );
  });
});

describe("the bearer token (tools)", () => {
  it("lets the right token in, no-store, and logs the access", async () => {
    const worker = await adminWorker();
    const res = await worker("GET /admin/", { headers: bearer() });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("X-Robots-Tag")).toContain("noindex");
    expect(await accessLog()).toEqual([
      {
        principal: "token",
        auth: "token",
        method: "GET",
        path: "/admin/",
        status: 200,
        kind: "view",
      },
    ]);
  });

  it("refuses a wrong or missing token with 401, and counts the refusals (issue 15, finding 4: not a row each)", async () => {
    const worker = await adminWorker();
    expect((await worker("GET /admin/", { headers: bearer(`${TOKEN}x`) })).status).toBe(401);
    expect((await worker("GET /admin/", { headers: bearer(TOKEN.slice(0, -1)) })).status).toBe(401);
    const anonymous = await worker("GET /admin/api/consents", {
      headers: { "CF-Connecting-IP": "192.0.2.9" },
    });
    expect(anonymous.status).toBe(401);
    // With a token configured, a browser gets its own login prompt (HTTP Basic, the token
    // as password).
    expect(anonymous.headers.get("WWW-Authenticate")).toBe(
      'Basic realm="Far volare Milano admin", charset="UTF-8"',
    );
    expect(await accessLog()).toEqual([]);
    const counted = await selectRows(
      "SELECT reason, status, count FROM admin_refusals ORDER BY reason",
    );
    expect(counted).toEqual([
      { reason: "no_credentials", status: 401, count: 1 },
      { reason: "wrong_token", status: 401, count: 2 },
    ]);
  });
});

describe("the token as a browser's Basic password (local dashboard)", () => {
  const basic = (password: string, extra: Record<string, string> = {}) => ({
    Authorization: `Basic ${btoa(`admin:${password}`)}`,
    "CF-Connecting-IP": "192.0.2.30",
    ...extra,
  });

  it("lets the token in as the password, and refuses anything else", async () => {
    const worker = await adminWorker();
    expect((await worker("GET /admin/", { headers: basic(TOKEN) })).status).toBe(200);
    expect((await worker("GET /admin/", { headers: basic("wrong") })).status).toBe(401);
    expect(
      (
        await worker("GET /admin/", {
          headers: { Authorization: "Basic !!!", "CF-Connecting-IP": "192.0.2.30" },
        })
      ).status,
    ).toBe(401);
  });

  it("signs a head from the dashboard's own form, but not from another site's", async () => {
    const worker = await adminWorker();
    await appendConsentRecord(env, decision());
    const before = await countRows("ledger_heads");
    const foreign = await worker("POST /admin/api/seal", {
      headers: basic(TOKEN, { Origin: "https://evil.example", Accept: "text/html" }),
    });
    expect(foreign.status).toBe(403);
    const own = await worker("POST /admin/api/seal", {
      headers: basic(TOKEN, { Origin: "https://farvolare.test", Accept: "text/html" }),
    });
    expect(own.status).toBe(303);
    expect(own.headers.get("Location")).toBe("/admin/");
    expect(await countRows("ledger_heads")).toBe(before + 1);
  });
});

describe("Cloudflare Access (people)", () => {
  const withJwt = (jwt: string) => ({
    "Cf-Access-Jwt-Assertion": jwt,
    "CF-Connecting-IP": "192.0.2.20",
  });

  it("accepts a valid token signed by the team's key and names the person in the log", async () => {
    serveJwks(issuer.jwk);
    const worker = await adminWorker({ ADMIN_TOKEN: undefined });
    const res = await worker("GET /admin/", {
      headers: withJwt(await issuer.sign(accessClaims())),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("dpo@example.org");
    expect(await accessLog()).toMatchObject([
      { principal: "dpo@example.org", auth: "access", status: 200 },
    ]);
  });

  it("also reads the CF_Authorization cookie, and caches the team's keys", async () => {
    const jwks = serveJwks(issuer.jwk);
    const worker = await adminWorker();
    const cookie = {
      Cookie: `other=1; CF_Authorization=${await issuer.sign(accessClaims())}`,
      "CF-Connecting-IP": "192.0.2.21",
    };
    expect((await worker("GET /admin/", { headers: cookie })).status).toBe(200);
    expect((await worker("GET /admin/", { headers: cookie })).status).toBe(200);
    expect(jwks.fetches()).toBe(1);
  });

  it.each([
    ["expired", accessClaims({ exp: Math.floor(Date.now() / 1000) - 120 })],
    ["for another application", accessClaims({ aud: ["someone-else"] })],
    ["from another team", accessClaims({ iss: "https://evil.cloudflareaccess.com" })],
    ["not yet valid", accessClaims({ nbf: Math.floor(Date.now() / 1000) + 600 })],
  ])("refuses a token %s", async (_why, claims) => {
    serveJwks(issuer.jwk);
    const worker = await adminWorker();
    expect(
      (await worker("GET /admin/", { headers: withJwt(await issuer.sign(claims)) })).status,
    ).toBe(401);
  });

  it("refuses a token signed by another key, a tampered payload and alg=none", async () => {
    const stranger = await accessIssuer("test-key-1");
    serveJwks(issuer.jwk);
    const worker = await adminWorker();
    const forged = await stranger.sign(accessClaims());
    const [head, , sig] = (await issuer.sign(accessClaims())).split(".");
    const payload = btoa(JSON.stringify(accessClaims({ email: "intruder@example.org" }))).replace(
      /=+$/,
      "",
    );
    const none = `${btoa(JSON.stringify({ alg: "none", kid: "test-key-1" })).replace(/=+$/, "")}.${payload}.`;
    for (const jwt of [forged, `${head}.${payload}.${sig}`, none]) {
      expect((await worker("GET /admin/", { headers: withJwt(jwt) })).status).toBe(401);
    }
  });

  it("refetches the keys once when a token names a key it has not seen (rotation)", async () => {
    const rotated = await accessIssuer("test-key-2");
    const jwks = serveJwks(issuer.jwk, rotated.jwk);
    const worker = await adminWorker();
    expect(
      (await worker("GET /admin/", { headers: withJwt(await issuer.sign(accessClaims())) })).status,
    ).toBe(200);
    expect(
      (await worker("GET /admin/", { headers: withJwt(await rotated.sign(accessClaims())) }))
        .status,
    ).toBe(200);
    expect(jwks.fetches()).toBe(1);
  });

  it("a cross-site form post cannot use a person's Access cookie to seal", async () => {
    serveJwks(issuer.jwk);
    const worker = await adminWorker({ LEDGER_SIGNING_KEY: undefined });
    const res = await worker("POST /admin/api/seal", {
      headers: { ...withJwt(await issuer.sign(accessClaims())), Origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a client has made 60 admin calls in a minute", async () => {
    const worker = await adminWorker();
    const headers = { ...bearer(), "CF-Connecting-IP": "192.0.2.99" };
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++)
      statuses.push((await worker("GET /admin/api/public-key", { headers })).status);
    expect(statuses.slice(0, 60).every((s) => s !== 429)).toBe(true);
    expect(statuses[60]).toBe(429);
    const limited = await worker("GET /admin/", { headers });
    expect(limited.headers.get("Retry-After")).toBe("60");
    // Another client is not affected.
    expect((await worker("GET /admin/", { headers: bearer() })).status).toBe(200);
  });
});
