// The versions index and the pruning rule: which versions a publish keeps and which it deletes.
import { describe, expect, it } from "vitest";
import type { Manifest } from "../../content/build.ts";
import {
  describeFieldChanges,
  diffFields,
  diffManifests,
  shortenChange,
} from "../../scripts/lib/changes.ts";
import {
  type VersionRecord,
  choosePrunable,
  findVersion,
  isStaged,
  parseVersionsIndex,
  withRecord,
} from "../../scripts/lib/versions.ts";

const record = (version: string, overrides: Partial<VersionRecord> = {}): VersionRecord => ({
  version,
  builtAt: "2026-01-01T00:00:00.000Z",
  projects: 50,
  keys: 110,
  complete: true,
  ...overrides,
});
const index = (...versions: string[]) => versions.map((v) => record(v));

// The versions index and the pruning rule, as pure functions: which versions a publish keeps and
// which it deletes.
describe("choosePrunable", () => {
  it("deletes the versions beyond the newest --keep", () => {
    expect(
      choosePrunable(index("a", "b", "c", "d"), { keep: 2, live: "d", previous: "c" }),
    ).toEqual(["a", "b"]);
  });

  it("never deletes the version before the live one, however old (the rollback target)", () => {
    expect(
      choosePrunable(index("a", "b", "c", "d"), { keep: 2, live: "d", previous: "a" }),
    ).toEqual(["b"]);
  });

  it("never deletes the live version, even when the index lists it first", () => {
    expect(choosePrunable(index("a", "b", "c"), { keep: 2, live: "a" })).toEqual([]);
  });

  it("deletes nothing while there are no more than --keep versions", () => {
    expect(choosePrunable(index("a", "b"), { keep: 10, live: "b", previous: "a" })).toEqual([]);
  });
});

describe("the versions index", () => {
  it("moves a version made live again to the end, keeping the date it was first built", () => {
    const before = [record("a", { builtAt: "2026-01-01T00:00:00.000Z" }), record("b")];
    const after = withRecord(
      before,
      record("a", { builtAt: "2026-02-01T00:00:00.000Z", publishedAt: "2026-02-01T00:00:00.000Z" }),
    );
    expect(after.map((r) => r.version)).toEqual(["b", "a"]);
    expect(after[1]).toMatchObject({
      builtAt: "2026-01-01T00:00:00.000Z",
      publishedAt: "2026-02-01T00:00:00.000Z",
    });
  });

  it("reads an absent or corrupt index as empty", () => {
    expect(parseVersionsIndex(null)).toEqual([]);
    expect(parseVersionsIndex("{oops")).toEqual([]);
    expect(parseVersionsIndex('[{"version":"a"},42,null]')).toEqual([{ version: "a" }]);
  });

  it("finds a version by an unambiguous start of its id", () => {
    const versions = index("3f2a1b9c0d1e", "3f2a77777777", "8e7d6c5b4a39");
    expect(findVersion(versions, "8e7")).toMatchObject({ version: "8e7d6c5b4a39" });
    expect(findVersion(versions, "3f2a")).toBe("ambiguous");
    expect(findVersion(versions, "ffff")).toBe("none");
  });
});

describe("staged versions", () => {
  const staged = { at: "2026-02-01T00:00:00.000Z", digest: "d" };

  it("a version staged and never made live since is staged; one published or rolled back to after is not", () => {
    expect(isStaged(record("a", { staged }))).toBe(true);
    expect(isStaged(record("a", { staged, publishedAt: "2026-01-01T00:00:00.000Z" }))).toBe(true);
    expect(isStaged(record("a", { staged, publishedAt: "2026-03-01T00:00:00.000Z" }))).toBe(false);
    expect(isStaged(record("a"))).toBe(false);
  });

  it("a publish of the staged version keeps the record's staging but makes it live, so it is no longer listed as staged", () => {
    const after = withRecord(
      [record("a", { staged })],
      record("a", { publishedAt: "2026-03-01T00:00:00.000Z" }),
    );
    expect(after).toHaveLength(1);
    expect(isStaged(after[0]!)).toBe(false);
  });
});

describe("diffManifests", () => {
  const manifest = (projects: Record<string, string>, shared = "s"): Manifest => ({
    version: "v",
    builtAt: "",
    keys: [],
    projects,
    shared,
  });

  it("names the projects added, changed and removed, and whether the rest changed", () => {
    expect(
      diffManifests(manifest({ a: "1", b: "1", c: "1" }), manifest({ a: "1", b: "2", d: "1" })),
    ).toEqual({
      added: ["d"],
      changed: ["b"],
      removed: ["c"],
      shared: false,
    });
  });

  it("counts everything as added when nothing is live yet", () => {
    expect(diffManifests(null, manifest({ a: "1" }))).toEqual({
      added: ["a"],
      changed: [],
      removed: [],
      shared: true,
    });
  });
});

describe("field-level changes", () => {
  const project = {
    id: "p",
    status: { state: "achieved", date: "2015-12-31" },
    text: { it: { title: "Uno", done: ["a", "b"] }, en: { title: "One", done: ["a"] } },
  };
  const edited = structuredClone(project);
  edited.status.date = "2016-01-15";
  edited.text.en.done.push("c");
  edited.text.it.title = "Uno bis";

  it("names each changed field as the validator does, with its locale, old and new", () => {
    expect(diffFields(project, edited)).toEqual([
      { field: "status.date", before: "2015-12-31", after: "2016-01-15" },
      { field: "text.it.title", locale: "it", before: "Uno", after: "Uno bis" },
      { field: "text.en.done.1", locale: "en", before: undefined, after: "c" },
    ]);
    expect(diffFields(project, structuredClone(project))).toEqual([]);
  });

  it("shortens long texts around the change", () => {
    const before = `${"Lorem ipsum dolor sit amet. ".repeat(10)}The fund raised 12 million euro.${" Sed do eiusmod tempor.".repeat(10)}`;
    const after = before.replace("12 million", "15 million");
    const [from, to] = shortenChange(before, after);
    expect(from).toBe(JSON.stringify("… amet. The fund raised 12 million euro. Sed do ei…"));
    expect(to).toBe(JSON.stringify("… amet. The fund raised 15 million euro. Sed do ei…"));
    expect(shortenChange(undefined, "c")).toEqual(["(none)", '"c"']);
  });

  it("prints one line per field under its project", () => {
    expect(describeFieldChanges([{ name: "p", fields: diffFields(project, edited) }])).toEqual([
      "    p: 3 fields",
      '      status.date: "2015-12-31" → "2016-01-15"',
      '      text.it.title (it): "Uno" → "Uno bis"',
      '      text.en.done.1 (en): (none) → "c"',
    ]);
  });
});
