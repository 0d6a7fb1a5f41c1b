// The in-isolate page memory stays within its size and forgets the least recently used page first.
import { describe, expect, it } from "vitest";
import { createPageMemory } from "../../../worker/cache/memory.ts";

describe("the in-isolate page memory", () => {
  const page = (size: number) => ({
    body: new Uint8Array(size),
    headers: {},
    etag: '"t"',
    nonceAt: [],
  });

  it("keeps pages up to its size and forgets the least recently used first", () => {
    const memory = createPageMemory(30);
    memory.set("a", page(10));
    memory.set("b", page(10));
    memory.set("c", page(10));
    expect(memory.get("a")).toBeDefined();
    memory.set("d", page(10));
    expect(memory.get("b")).toBeUndefined();
    expect(["a", "c", "d"].map((k) => memory.get(k) !== undefined)).toEqual([true, true, true]);
  });

  it("never keeps a page larger than itself", () => {
    const memory = createPageMemory(30);
    memory.set("big", page(31));
    expect(memory.get("big")).toBeUndefined();
  });
});
