// worker/content/held.ts: a full isolate lets unused values go and keeps the ones it uses.
import { describe, expect, it } from "vitest";
import { createHeldContent } from "../../../worker/content/held.ts";

describe("held content", () => {
  it("when full, lets the oldest unused value go and keeps one used since it came in", () => {
    const held = createHeldContent(3);
    for (const key of ["a", "b", "c"]) held.set(key, { key });
    expect(held.get("a")).toEqual({ key: "a" });
    held.set("d", { key: "d" });
    expect(held.get("b")).toBeUndefined();
    expect(held.get("a")).toEqual({ key: "a" });
    expect(held.get("c")).toEqual({ key: "c" });
    expect(held.get("d")).toEqual({ key: "d" });
  });

  it("never holds more than its limit, however the values are used", () => {
    const held = createHeldContent(4);
    for (let i = 0; i < 50; i++) {
      held.set(`k${i}`, i);
      held.get(`k${i - 1}`);
      held.get(`k${i - 3}`);
    }
    const kept = Array.from({ length: 50 }, (_, i) => held.get(`k${i}`)).filter(
      (v) => v !== undefined,
    );
    expect(kept).toHaveLength(4);
    expect(kept).toContain(49);
  });

  it("hands out frozen values: one request cannot change what the next one reads", () => {
    const held = createHeldContent();
    held.set("v", { list: [1, 2] });
    const value = held.get("v") as { list: number[] };
    expect(Object.isFrozen(value.list)).toBe(true);
    expect(() => value.list.push(3)).toThrow();
  });
});
