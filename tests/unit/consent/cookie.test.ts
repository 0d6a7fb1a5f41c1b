// The choice cookie: encoding, signing, verifying, judging; hostile values thrown at every reader.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Choice,
  CHOICE_MAX_AGE_SECONDS,
  decodeChoice,
  encodeChoice,
  readGranted,
  judgeChoice,
} from "../../../worker/consent/choice-encoding.ts";
import {
  serializeChoiceCookie,
  nameConsentCookie,
  serializeExpiredCookie,
  importConsentKey,
  openChoice,
  readCookieNames,
  readCookieValues,
  sealChoice,
} from "../../../worker/consent/cookie.ts";

const KEY = importConsentKey("k".repeat(40));
const OTHER_KEY = importConsentKey("o".repeat(40));
const NOW = 1_790_000_000;
const POLICY = { version: "0123456789ab", optional: ["analytics", "media"] };

function choice(overrides: Partial<Choice> = {}): Choice {
  return {
    consentId: crypto.randomUUID(),
    policyVersion: POLICY.version,
    granted: ["media"],
    decidedAt: NOW,
    ...overrides,
  };
}

const arbitraryChoice = fc.record({
  consentId: fc.uuid({ version: 4 }),
  policyVersion: fc.stringMatching(/^[0-9a-f]{12}$/),
  granted: fc
    .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,31}$/), { maxLength: 16 })
    .map((c) => c.sort()),
  decidedAt: fc.integer({ min: 1, max: 99_999_999_999 }),
});

// The choice cookie: encoding, signing, verifying, judging. Property tests throw hostile values at
// every reader.
describe("C19: the choice cookie holds a consent id, the granted categories, the time and the policy version", () => {
  it("encodes them as short plain text and reads exactly that back", () => {
    const value = choice({
      consentId: "3f2c1a9e-8b7d-4c6e-9f01-23456789abcd",
      granted: ["media", "analytics"],
    });
    expect(encodeChoice(value)).toBe(
      `1.3f2c1a9e-8b7d-4c6e-9f01-23456789abcd.0123456789ab.analytics-media.${NOW}`,
    );
    expect(decodeChoice(encodeChoice(value))).toEqual({
      ...value,
      granted: ["analytics", "media"],
    });
  });

  it("round-trips any choice through seal and open (property)", async () => {
    const key = await KEY;
    await fc.assert(
      fc.asyncProperty(arbitraryChoice, async (value) => {
        expect(await openChoice(await sealChoice(value, key), key)).toEqual(value);
      }),
    );
  });

  it("is HttpOnly, Secure, SameSite=Lax, Path=/, lasts at least six months, with __Host- in production", () => {
    expect(nameConsentCookie("production")).toBe("__Host-fvm_consent");
    expect(nameConsentCookie("development")).toBe("fvm_consent");
    const line = serializeChoiceCookie("__Host-fvm_consent", "v");
    expect(line).toMatch(/^__Host-fvm_consent=v; /);
    for (const attribute of ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"])
      expect(line.split("; ")).toContain(attribute);
    expect(line).not.toMatch(/Domain=/i);
    expect(Number(/Max-Age=(\d+)/.exec(line)?.[1])).toBeGreaterThanOrEqual(183 * 86_400);
    expect(serializeExpiredCookie("_ga")).toBe("_ga=; Max-Age=0; Path=/; Secure; SameSite=Lax");
  });
});

describe("C20: anything we did not sign, exactly as we sign it, is no choice", () => {
  it("rejects a value signed with another key", async () => {
    expect(await openChoice(await sealChoice(choice(), await OTHER_KEY), await KEY)).toBeNull();
  });

  it("rejects the payload without its signature, and a forged grant", async () => {
    const sealed = await sealChoice(choice({ granted: [] }), await KEY);
    const payload = sealed.slice(0, sealed.lastIndexOf("."));
    expect(await openChoice(payload, await KEY)).toBeNull();
    expect(await openChoice(sealed.replace("..", ".media."), await KEY)).toBeNull();
  });

  it("rejects every single-character change of a signed value (property)", async () => {
    const key = await KEY;
    const sealed = await sealChoice(choice(), key);
    const alphabet = "0123456789abcdefABCDEF-_.=%; x";
    await fc.assert(
      fc.asyncProperty(
        fc.nat(sealed.length - 1),
        fc.constantFrom(...alphabet),
        async (at, char) => {
          fc.pre(sealed[at] !== char);
          const tampered = sealed.slice(0, at) + char + sealed.slice(at + 1);
          expect(await openChoice(tampered, key)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it("rejects every other spelling of the signature's last character (base64 has several for the same bytes)", async () => {
    const key = await KEY;
    const sealed = await sealChoice(choice(), key);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const others = [...alphabet]
      .filter((c) => c !== sealed.at(-1))
      .map((c) => sealed.slice(0, -1) + c);
    expect(await Promise.all(others.map((value) => openChoice(value, key)))).toEqual(
      others.map(() => null),
    );
  });

  it("never throws and never accepts hostile strings (property)", async () => {
    const key = await KEY;
    const hostile = fc.oneof(
      fc.string({ maxLength: 600 }),
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.array(fc.string({ maxLength: 60 }), { maxLength: 8 }).map((parts) => parts.join(".")),
      arbitraryChoice.map((c) => `${encodeChoice(c)}.${"A".repeat(43)}`),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (value) => {
        expect(await openChoice(value, key)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it("decodes only the exact format: unsorted, duplicate or malformed categories are not a choice", () => {
    const base = `1.${choice().consentId}.0123456789ab`;
    expect(decodeChoice(`${base}.media-analytics.${NOW}`)).toBeNull();
    expect(decodeChoice(`${base}.media-media.${NOW}`)).toBeNull();
    expect(decodeChoice(`${base}.Media.${NOW}`)).toBeNull();
    expect(decodeChoice(`${base}.media.0${NOW}`)).toBeNull();
    expect(decodeChoice(`2${base.slice(1)}.media.${NOW}`)).toBeNull();
    expect(decodeChoice(`1.not-a-uuid.0123456789ab.media.${NOW}`)).toBeNull();
  });

  it("reads cookie headers of any shape without throwing (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 20 }), (header, name) => {
        expect(Array.isArray(readCookieValues(header, name))).toBe(true);
        expect(Array.isArray(readCookieNames(header))).toBe(true);
      }),
    );
    expect(readCookieValues(`fvm_consent=${"x".repeat(9000)}`, "fvm_consent")).toEqual([]);
  });

  // Issue 15, finding 5: a Cookie header over 8,192 bytes, or junk under the cookie's own name, hid
  // a valid choice.
  it("reads every sealed value of the name, once each, from a header up to the platform's 128 KB", async () => {
    const [a, b] = [await sealChoice(choice(), await KEY), await sealChoice(choice(), await KEY)];
    expect(
      readCookieValues(
        `a=1; fvm_consent=x; fvm_consent="${a}"; fvm_consent=${b}; fvm_consent=${a}`,
        "fvm_consent",
      ),
    ).toEqual([a, b]);
    const junk = Array.from({ length: 10 }, (_, i) => `fvm_consent=junk${i}`).join("; ");
    expect(readCookieValues(`${junk}; fvm_consent=${a}`, "fvm_consent")).toEqual([a]);
    const padded = (kb: number) => `pad=${"p".repeat(kb * 1024 - 200)}; fvm_consent=${a}`;
    expect(readCookieValues(padded(127), "fvm_consent")).toEqual([a]);
    expect(readCookieValues(padded(129), "fvm_consent")).toEqual([]);
  });

  it("lists each cookie name once, at most the 180 a browser keeps per domain", () => {
    expect(readCookieNames("_ga=1; b=2; _ga=3; x y=4")).toEqual(["_ga", "b"]);
    const many = Array.from({ length: 500 }, (_, i) => `c${i}=1`).join("; ");
    expect(readCookieNames(many)).toHaveLength(180);
    expect(readCookieNames(`${"n".repeat(300)}=1; _ga=1`)).toEqual(["_ga"]);
  });
});

describe("C20, E29: a signed choice holds for six months under the policy it was made for", () => {
  it("is valid within six months and for the current policy", () => {
    const value = choice({ decidedAt: NOW - 183 * 86_400 });
    expect(judgeChoice(value, POLICY, NOW)).toEqual({ kind: "valid", choice: value });
    expect(readGranted(judgeChoice(value, POLICY, NOW))).toEqual(["media"]);
  });

  it("is stale once six months have passed, or when it claims to come from the future", () => {
    expect(
      judgeChoice(choice({ decidedAt: NOW - CHOICE_MAX_AGE_SECONDS }), POLICY, NOW),
    ).toMatchObject({ kind: "stale", reason: "expired" });
    expect(judgeChoice(choice({ decidedAt: NOW + 3600 }), POLICY, NOW)).toMatchObject({
      kind: "stale",
      reason: "expired",
    });
  });

  it("E30: is stale under another policy version, or when it grants a category that no longer exists", () => {
    expect(judgeChoice(choice({ policyVersion: "ba9876543210" }), POLICY, NOW)).toMatchObject({
      kind: "stale",
      reason: "policy",
    });
    expect(judgeChoice(choice({ granted: ["ads"] }), POLICY, NOW)).toMatchObject({
      kind: "stale",
      reason: "policy",
    });
    expect(
      readGranted(judgeChoice(choice({ policyVersion: "ba9876543210" }), POLICY, NOW)),
    ).toEqual([]);
  });

  it("is no choice at all when there is none", () => {
    expect(judgeChoice(null, POLICY, NOW)).toEqual({ kind: "none" });
  });
});

describe("the signing key", () => {
  it("refuses a secret shorter than 32 characters", () => {
    expect(() => importConsentKey("short")).toThrow(/at least 32/);
  });
});
