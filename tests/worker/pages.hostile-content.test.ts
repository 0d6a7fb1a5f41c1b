// Content is data, never markup: markup in every text field is validated, built and shown escaped.
import { describe, expect, it } from "vitest";
import { HISTORY_FILE, recordPolicy } from "../../content/consent-history.ts";
import { fingerprintWording } from "../../content/consent-substance.ts";
import { ConsentConfig, type ConsentHistory } from "../../content/schema.ts";
import { type ContentFile, validateContent } from "../../content/validate.ts";
import { CONTENT_FILES } from "../helpers/content.ts";
import { freshWorker, html, seed } from "../helpers/worker.ts";

/**
 * Breaks out of text, of a double- or single-quoted attribute, of an inline script or style, and of
 * a comment.
 */
const PAYLOAD = `<script>alert(1)</script>"><img src=x onerror=alert(2)>'><svg onload=alert(3)></style></script><!--`;
/** What would be live if anything came through unescaped. */
const LIVE = [/<script>alert/i, /<img src=x/i, /<svg onload/i, /<\/style><\/script><!--/];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * How a field takes the payload: appended, instead of its text (a length limit), or not at all
 * (a pattern).
 */
type Mode = "append" | "replace" | "skip";

/** Every string leaf of `value` with the payload, each leaf named by its path. */
function poison(value: Json, path: string, modes: Map<string, Mode>, touched: string[]): Json {
  if (typeof value === "string") {
    const mode = modes.get(path) ?? "append";
    if (mode === "skip") return value;
    touched.push(path);
    return mode === "append" ? value + PAYLOAD : PAYLOAD;
  }
  if (Array.isArray(value))
    return value.map((item, i) => poison(item, `${path}.${i}`, modes, touched));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        poison(item, path ? `${path}.${key}` : key, modes, touched),
      ]),
    );
  }
  return value;
}

const TARGETS = ["plan.json", "strings.json", "consent.json", "projects/07-life-sciences.json"];

/**
 * content/ with the payload in every string field the validator lets hold it. Fields it refuses
 * (ids, slugs, dates, links, provider ids: all pattern-checked) are left as they are: they cannot
 * carry markup at all.
 */
/**
 * A purpose reworded is marked as a wording change, as the validator asks an editor to (E31): its
 * fingerprint again.
 */
function rewordAsEditor(path: string, data: Json): Json {
  if (path !== "consent.json") return data;
  const config = data as {
    services: { purpose: Record<string, string>; purposeReview?: { wording: string } }[];
  };
  for (const service of config.services)
    if (service.purposeReview) service.purposeReview.wording = fingerprintWording(service.purpose);
  return data;
}

/**
 * A changed provider or purpose is what visitors agree to: recorded in the history, as npm run
 * consent:policy does.
 */
function recordAsEditor(files: ContentFile[]): void {
  const { $schema: _schema, ...raw } = JSON.parse(
    files.find((f) => f.path === "consent.json")!.text,
  ) as Record<string, unknown>;
  const config = ConsentConfig.safeParse(raw);
  const at = files.findIndex((f) => f.path === HISTORY_FILE);
  if (!config.success || at < 0) return;
  const history = JSON.parse(files[at]!.text) as ConsentHistory;
  files[at] = {
    ...files[at]!,
    text: JSON.stringify(recordPolicy(history, config.data, "2026-12-01")),
  };
}

function hostileFiles(): { files: ContentFile[]; touched: string[]; refused: string[] } {
  const modes = new Map<string, Mode>();
  for (let round = 0; round < 6; round++) {
    const touched: string[] = [];
    const files = CONTENT_FILES.map((file) =>
      TARGETS.includes(file.path)
        ? {
            ...file,
            text: JSON.stringify(
              rewordAsEditor(
                file.path,
                poison(JSON.parse(file.text) as Json, file.path, modes, touched),
              ),
            ),
          }
        : file,
    );
    recordAsEditor(files);
    const result = validateContent(files);
    const refused = [...modes].filter(([, mode]) => mode === "skip").map(([path]) => path);
    if (result.ok) return { files, touched, refused };
    for (const { file, field } of result.problems) {
      const path = `${file}.${field}`;
      modes.set(path, modes.get(path) === undefined ? "replace" : "skip");
    }
  }
  throw new Error(`content with the payload never validated: ${JSON.stringify([...modes])}`);
}

// Content is data, never markup: markup and script put into every text field of a project, of the
// plan, of strings.json and of consent.json go through the real validator and build, and every page
// renders them escaped.
describe("markup and script in every text field", () => {
  it("are escaped on every page type, in both languages, and in the sitemap", async () => {
    const { files, touched, refused } = hostileFiles();
    // The payload reached the text fields: titles, summaries, paragraphs, labels, the
    // plan's chapters.
    expect(touched.length).toBeGreaterThan(200);
    expect(
      refused.every((field) =>
        /\.(id|chapter|state|kind|provider|videoId|slug|date|presentedOn|updated|category|requires|embeds|htmlLang|ogLocale|basis|maxAge|\(file name\))$|\.purposes\.\d+$|\.transferBasis\.\d+$|\.origins\.|\.cookies\.\d+\.name$/.test(
          field,
        ),
      ),
      refused.join(", "),
    ).toBe(true);
    const result = validateContent(files);
    if (!result.ok) throw new Error("unreachable");
    await seed(result.bundle);
    const get = await freshWorker();
    const project = result.bundle.projects.find((p) => p.id === "life-sciences")!;
    const pages = [
      "/it/",
      "/en/",
      "/it/obiettivi-raggiunti",
      "/en/achieved",
      `/it/progetti/${project.text.it.slug}`,
      `/en/projects/${project.text.en.slug}`,
      "/it/cookie",
      "/en/cookies",
      "/en/projects/no-such-project",
    ];
    for (const path of pages) {
      const res = await get(`GET ${path}`);
      expect(res.status, path).toBeLessThan(500);
      const body = await html(res);
      // The payload is there, as text (`<` escaped; `>` needs no escape in text): the test sees
      // it arrive.
      expect(body.includes("&lt;script>alert(1)&lt;/script>"), path).toBe(true);
      for (const pattern of LIVE) expect(pattern.test(body), `${path} ${pattern}`).toBe(false);
    }
    const sitemap = await (await get("GET /sitemap.xml")).text();
    for (const pattern of LIVE) expect(pattern.test(sitemap), `sitemap ${pattern}`).toBe(false);
  });
});
