// Whole-Worker tests inside workerd: requests to the Worker or to a fresh isolate of it, content
// seeded (real or retitled), KV spied on.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { expect, vi } from "vitest";
import { buildVersion, type BuiltVersion, type ContentBundle } from "../../content/build.ts";
import { validateContent } from "../../content/validate.ts";
import { POINTER_KEY, type Pointer } from "../../content/views.ts";
import { CONTENT_FILES } from "./content.ts";

export const ORIGIN = "https://farvolare.test";

/** The real content/ tree, validated. */
export function realBundle(): ContentBundle {
  const result = validateContent(CONTENT_FILES);
  if (!result.ok)
    throw new Error(`content/ is invalid: ${JSON.stringify(result.problems.slice(0, 5))}`);
  return result.bundle;
}

/**
 * The real content with its Italian plan title replaced, so a page tells which version served it.
 */
export function titled(title: string): ContentBundle {
  const bundle = structuredClone(realBundle());
  bundle.plan.title.it = title;
  return bundle;
}

/** Writes a version's keys (those `only` accepts) into the test KV without making it live. */
export async function upload(
  bundle: ContentBundle = realBundle(),
  only: (key: string) => boolean = () => true,
): Promise<BuiltVersion> {
  const built = await buildVersion(bundle);
  await Promise.all(
    [...built.entries]
      .filter(([key]) => only(key))
      .map(([key, value]) => env.CONTENT.put(key, value)),
  );
  return built;
}

/**
 * Writes a version's keys into the test KV and points "live" at it (`pointer` overrides the
 * pointer's fields).
 */
export async function seed(
  bundle: ContentBundle = realBundle(),
  pointer: Partial<Pointer> = {},
): Promise<BuiltVersion> {
  const built = await upload(bundle);
  await env.CONTENT.put(
    POINTER_KEY,
    JSON.stringify({ version: built.version, publishedAt: new Date().toISOString(), ...pointer }),
  );
  return built;
}

/**
 * `req("GET /it/")`, `req("POST /consent", { body })`: a request to the Worker under test.
 * Redirects are returned, not followed.
 */
export function req(line: string, init: RequestInit = {}): Promise<Response> {
  const [method = "GET", path = "/"] = line.split(" ");
  return exports.default.fetch(new Request(ORIGIN + path, { method, redirect: "manual", ...init }));
}

/** GET `path` of the Worker under test: a 301 to `location`. */
export async function expectMovedTo(path: string, location: string): Promise<void> {
  const res = await req(`GET ${path}`);
  expect(res.status).toBe(301);
  expect(res.headers.get("Location")).toBe(location);
}

export type Requester = typeof req;

/**
 * The Worker as a new isolate runs it (its modules freshly loaded, so nothing held in memory), with
 * some bindings replaced. Answers requests like `req`, once their `waitUntil` work is done. Each
 * one is a deploy of its own, so its page cache starts empty, unless `bindings` names a
 * CF_VERSION_METADATA to share.
 */
export async function freshWorker(bindings: Partial<Env> = {}): Promise<Requester> {
  vi.resetModules();
  const worker = (await import("./test-worker.ts")).default;
  const scoped = {
    ...env,
    CF_VERSION_METADATA: { id: crypto.randomUUID(), tag: "", timestamp: "" },
    ...bindings,
  };
  return async (line, init = {}) => {
    const [method = "GET", path = "/"] = line.split(" ");
    const ctx = createExecutionContext();
    const response = await worker.fetch(
      new Request(ORIGIN + path, { method, redirect: "manual", ...init }),
      scoped,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return response;
  };
}

/**
 * A KV binding that records the keys read through it and fails every read while `failing` is set.
 */
export type KvSpy = { kv: KVNamespace; reads: string[]; failing: boolean };

export function spyKv(kv: KVNamespace = env.CONTENT): KvSpy {
  const spy: KvSpy = { kv, reads: [], failing: false };
  spy.kv = new Proxy(kv, {
    get(target, property) {
      const member = Reflect.get(target, property);
      if (typeof member !== "function") return member;
      if (property !== "get") return member.bind(target);
      return (key: string, options?: unknown) => {
        spy.reads.push(key);
        return spy.failing
          ? Promise.reject(new Error("KV is unavailable (injected)"))
          : member.call(target, key, options);
      };
    },
  });
  return spy;
}

/** The response body parsed as HTML, enough for selector-free assertions. */
export async function html(response: Response): Promise<string> {
  expectHtml(response);
  return response.text();
}

function expectHtml(response: Response): void {
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.startsWith("text/html"))
    throw new Error(`expected HTML, got ${type} (${response.status})`);
}
