// A stored page delivered as one view: its own nonce at every placeholder, a 304 signing nothing.
import { describe, expect, it } from "vitest";
import { deliverPage } from "../../../worker/cache/deliver.ts";
import type { StoredPage } from "../../../worker/cache/memory.ts";

const PLACEHOLDER = "~".repeat(8);
const html = `<form><input name="event" value="${PLACEHOLDER}"></form><form><input name="event" value="${PLACEHOLDER}"></form>`;
const offsets = [...html.matchAll(/~{8}/g)].map((m) => m.index);
const stored = (): StoredPage => ({
  body: new TextEncoder().encode(html),
  headers: { "content-type": "text/html" },
  etag: '"abc"',
  nonceAt: offsets,
});

// worker/cache/deliver.ts: a stored page as one view — its own nonce at every placeholder, the
// stored bytes left as they were (the runtime copies a Response's buffer when the Response is made,
// which the delivery relies on), a 304 without signing anything.
describe("delivering a stored page", () => {
  it("the runtime copies a buffer into a Response when it is made: a later change does not reach the body", async () => {
    const bytes = new TextEncoder().encode("before");
    const response = new Response(bytes);
    bytes.set(new TextEncoder().encode("AFTER!"));
    expect(await response.text()).toBe("before");
  });

  it("gives each view its own nonce at every placeholder and leaves the stored bytes unchanged", async () => {
    const page = stored();
    let n = 0;
    const views = [0, 1, 2].map(() =>
      deliverPage(page, {
        issueNonce: () => new TextEncoder().encode(`nonce-${++n}`.padEnd(8, "x")),
        ifNoneMatch: null,
      }),
    );
    const bodies = await Promise.all(views.map((r) => r.text()));
    expect(bodies).toEqual(
      [1, 2, 3].map((i) => html.replaceAll(PLACEHOLDER, `nonce-${i}`.padEnd(8, "x"))),
    );
    expect(new TextDecoder().decode(page.body)).toBe(html);
    expect(views[0]!.headers.get("ETag")).toBe('"abc"');
  });

  it("answers 304 to its own tag without signing a nonce, and sends a page without forms as stored", async () => {
    const signed: string[] = [];
    const issueNonce = () => (signed.push("x"), new TextEncoder().encode("n".repeat(8)));
    const notModified = deliverPage(stored(), { issueNonce, ifNoneMatch: '"abc"' });
    expect(notModified.status).toBe(304);
    const plain = deliverPage({ ...stored(), nonceAt: [] }, { issueNonce, ifNoneMatch: '"other"' });
    expect(await plain.text()).toBe(html);
    expect(signed).toEqual([]);
  });
});
