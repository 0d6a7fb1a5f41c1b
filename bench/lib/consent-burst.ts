// Consent decisions posted the way the banner's form posts them, each on its own connection,
// optionally hanging up mid-request: the instrument of the consent regression test (a burst must
// never leave the endpoint broken).
import { request } from "node:http";

/**
 * How a client leaves: stays for the answer, hangs up after sending the whole form, or halfway
 * through it.
 */
export type Departure =
  | { kind: "stay" }
  | { kind: "after-send"; afterMs: number }
  | { kind: "mid-body" };

export type PostOutcome =
  | {
      kind: "answered";
      status: number;
      retryAfter: string | null;
      setCookie: string[];
      body: string;
    }
  | { kind: "left" }
  | { kind: "error"; message: string };

export type PostOptions = {
  body: string;
  departure?: Departure;
  timeoutMs?: number;
  client?: string;
};

/**
 * The headers a browser sends with the banner's form (same origin, form-encoded, from the page it
 * was on).
 */
export function bannerHeaders(
  origin: string,
  body: string,
  client?: string,
): Record<string, string> {
  const from = new URLSearchParams(body).get("return") ?? "/";
  return {
    // The visitor's address as Cloudflare's edge states it: on workerd's own socket nobody else
    // sets it.
    ...(client ? { "CF-Connecting-IP": client } : {}),
    "Content-Type": "application/x-www-form-urlencoded",
    "Content-Length": String(Buffer.byteLength(body)),
    Origin: origin,
    "Sec-Fetch-Site": "same-origin",
    Referer: origin + from,
  };
}

/**
 * The i-th simulated visitor's address: 198.51.100.0/24 (RFC 5737 TEST-NET-2) for the first 250,
 * then the blocks after it.
 */
export function visitorAddress(i: number): string {
  return `198.51.${100 + (Math.floor(i / 250) % 100)}.${1 + (i % 250)}`;
}

/** A decision alternating accept and reject, returning to the Italian home page. */
export function decisionBody(i: number): string {
  return `action=${i % 2 ? "accept_all" : "reject_all"}&return=%2Fit%2F`;
}

/** POST /consent on a fresh connection (no agent), as simultaneous visitors do. */
export function postConsent(
  origin: string,
  { body, departure = { kind: "stay" }, timeoutMs = 10_000, client }: PostOptions,
): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const req = request(
      `${origin}/consent`,
      { method: "POST", agent: false, headers: bannerHeaders(origin, body, client) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          settle({
            kind: "answered",
            status: res.statusCode ?? 0,
            retryAfter: (res.headers["retry-after"] as string | undefined) ?? null,
            setCookie: res.headers["set-cookie"] ?? [],
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.setTimeout(timeoutMs, () => {
      settle({ kind: "error", message: `no answer within ${timeoutMs} ms` });
      req.destroy();
    });
    req.on("error", (error) =>
      settle(settled ? { kind: "left" } : { kind: "error", message: error.message }),
    );
    const leave = () => {
      settle({ kind: "left" });
      req.destroy();
    };
    if (departure.kind === "mid-body") {
      // Content-Length promises the whole form; half of it comes, then the connection closes.
      req.write(body.slice(0, Math.floor(body.length / 2)), () => setTimeout(leave, 2));
      return;
    }
    req.end(body);
    if (departure.kind === "after-send") setTimeout(leave, departure.afterMs);
  });
}
