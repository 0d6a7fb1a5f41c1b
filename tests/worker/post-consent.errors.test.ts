// POST /consent refuses bad input with a localized 4xx, never a 500, and no cookie unrecorded.
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import strings from "../../content/strings.json";
import * as ledger from "../../worker/consent/record-decision.ts";
import { choiceCookie, elements, postConsent } from "../helpers/consent.ts";
import { freshWorker, req, seed } from "../helpers/worker.ts";

beforeAll(async () => {
  await seed();
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function expectRefusal(
  response: Response,
  status: number,
  kind: keyof (typeof strings)["en"]["errors"],
  locale: "it" | "en" = "en",
) {
  expect(response.status).toBe(status);
  expect(response.headers.get("Set-Cookie")).toBeNull();
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  const body = await response.text();
  expect((await elements(body, "h1"))[0]!.text).toBe(strings[locale].errors[kind].title);
  // The visitor can choose again right there.
  expect(body).toContain("data-consent-banner");
  return body;
}

// POST /consent refuses bad input with a clear, localized 4xx (never a 500), and never sets a
// cookie it did not record.
describe("POST /consent refuses what it cannot take", () => {
  it("405 with Allow: POST for any other method", async () => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const response = await req(`${method} /consent`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get("Allow")).toBe("POST");
    }
  });

  it("400 for a missing or unknown action, in the language of the page it came from", async () => {
    await expectRefusal(await postConsent("return=/en/achieved"), 400, "consentRefused");
    await expectRefusal(
      await postConsent("action=accept&return=/it/"),
      400,
      "consentRefused",
      "it",
    );
    await expectRefusal(
      await postConsent("action=save&cat_media=1&return=/en/"),
      400,
      "consentRefused",
    );
  });

  it("400 for a return path off the site", async () => {
    for (const target of ["https://evil.example/", "//evil.example/x", "/\\evil.example"]) {
      await expectRefusal(
        await postConsent(`action=accept_all&return=${encodeURIComponent(target)}`, {
          headers: { "Accept-Language": "en" },
        }),
        400,
        "consentRefused",
      );
    }
  });

  it("415 for another encoding than a form's", async () => {
    for (const type of ["application/json", "multipart/form-data; boundary=x", "text/plain", ""]) {
      const response = await postConsent("action=accept_all&return=/en/", {
        headers: { "Content-Type": type },
      });
      await expectRefusal(response, 415, "consentRefused");
    }
  });

  it("413 for a body over 4 KB, declared or streamed", async () => {
    const big = `action=accept_all&return=/en/&pad=${"x".repeat(5000)}`;
    await expectRefusal(await postConsent(big), 413, "consentRefused");
    const stream = new Blob([big]).stream();
    const response = await req("POST /consent", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: stream,
      // @ts-expect-error: workerd streams a request body only with duplex set
      duplex: "half",
    });
    await expectRefusal(response, 413, "consentRefused", "it");
  });

  it("403 for a post from another site (its Origin, or the browser's Sec-Fetch-Site)", async () => {
    const foreign: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { Origin: "null" },
      { "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site" },
    ];
    for (const headers of foreign)
      await expectRefusal(
        await postConsent("action=accept_all&return=/en/", { headers }),
        403,
        "consentForeign",
      );
  });

  it("answers JSON errors to the script", async () => {
    const response = await postConsent("action=nope&return=/en/", {
      headers: { Accept: "application/json" },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 400 });
  });

  it("never answers 5xx to hostile forms (property)", async () => {
    const field = fc.oneof(
      fc.constantFrom("action", "return", "source", "cat_media", "cat_", "cat_X"),
      fc.string({ maxLength: 12 }),
    );
    const body = fc
      .array(fc.tuple(field, fc.string({ maxLength: 40 })), { maxLength: 8 })
      .map((pairs) => new URLSearchParams(pairs).toString());
    await fc.assert(
      fc.asyncProperty(body, async (form) => {
        expect((await postConsent(form)).status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});

describe("no cookie without a record", () => {
  it("when the decision cannot be recorded: a localized 503, no cookie, and the banner again, even over an earlier choice", async () => {
    vi.spyOn(ledger, "recordDecision").mockRejectedValue(new Error("D1 is unavailable (injected)"));
    const response = await postConsent("action=accept_all&return=/it/", {
      headers: { Cookie: await choiceCookie() },
    });
    await expectRefusal(response, 503, "consentNotSaved", "it");
    expect(response.headers.get("Retry-After")).toBe("5");
  });

  it("every decision goes through recordDecision before its cookie is set", async () => {
    const order: string[] = [];
    vi.spyOn(ledger, "recordDecision").mockImplementation(async (_env, decision) => {
      order.push("recorded");
      return {
        eventId: decision.eventId,
        consentId: decision.consentId,
        recordedAt: new Date().toISOString(),
      };
    });
    for (const action of ["accept_all", "reject_all", "close", "save"]) {
      const response = await postConsent(`action=${action}&return=/en/`);
      order.push(response.headers.get("Set-Cookie") ? "cookie" : "none");
    }
    expect(order).toEqual([
      "recorded",
      "cookie",
      "recorded",
      "cookie",
      "recorded",
      "cookie",
      "recorded",
      "cookie",
    ]);
  });

  it("when CONSENT_SECRET is missing: 503, nothing recorded, no cookie", async () => {
    const unsigned = await freshWorker({ CONSENT_SECRET: "" } as unknown as Partial<Env>);
    const fresh = await import("../../worker/consent/record-decision.ts");
    const record = vi.spyOn(fresh, "recordDecision");
    const response = await postConsent("action=accept_all&return=/en/", { requester: unsigned });
    await expectRefusal(response, 503, "consentNotSaved");
    expect(record).not.toHaveBeenCalled();
  });
});
