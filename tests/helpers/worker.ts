// One request helper and one seeding helper for whole-Worker tests inside workerd.
import { env, exports } from "cloudflare:workers";
import { buildVersion, type BuiltVersion, type ContentBundle } from "../../content/build.ts";
import { validateContent } from "../../content/validate.ts";
import { POINTER_KEY } from "../../content/views.ts";
import { CONTENT_FILES } from "./content.ts";

export const ORIGIN = "https://farvolare.test";

/** The real content/ tree, validated. */
export function realBundle(): ContentBundle {
  const result = validateContent(CONTENT_FILES);
  if (!result.ok) throw new Error(`content/ is invalid: ${JSON.stringify(result.problems.slice(0, 5))}`);
  return result.bundle;
}

/** Writes a version's keys into the test KV and points "live" at it. */
export async function seed(bundle: ContentBundle = realBundle()): Promise<BuiltVersion> {
  const built = await buildVersion(bundle);
  await Promise.all([...built.entries].map(([key, value]) => env.CONTENT.put(key, value)));
  await env.CONTENT.put(POINTER_KEY, JSON.stringify({ version: built.version, publishedAt: new Date().toISOString() }));
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

/** The response body parsed as HTML, enough for selector-free assertions. */
export async function html(response: Response): Promise<string> {
  expectHtml(response);
  return response.text();
}

function expectHtml(response: Response): void {
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.startsWith("text/html")) throw new Error(`expected HTML, got ${type} (${response.status})`);
}
