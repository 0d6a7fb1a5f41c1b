// A small LRU of checked content values, and the last version that served well. Lives as long as the isolate.
import type { Pointer } from "../../content/views.ts";

/** How many values an isolate keeps: a few pages' worth per locale, a few megabytes at most. */
const HELD_VALUES = 256;

/** The pointer as this isolate last read it, parsed once (null: absent or invalid): a resolved value, shared; never the read itself. */
export type HeldPointer = { pointer: Pointer | null; readAt: number; refreshingSince?: number };

export type HeldContent = {
  /** The version whose entry key was last read intact: the fallback when the pointer is missing or unreadable. */
  lastGood: string | undefined;
  pointer: HeldPointer | undefined;
  get(key: string): unknown;
  /** Keeps a value, frozen: every request of the isolate shares it, so none may change it. */
  set(key: string, value: unknown): void;
};

export function createHeldContent(limit = HELD_VALUES): HeldContent {
  const values = new Map<string, unknown>();
  return {
    lastGood: undefined,
    pointer: undefined,
    get(key) {
      const value = values.get(key);
      if (value !== undefined) {
        values.delete(key);
        values.set(key, value);
      }
      return value;
    },
    set(key, value) {
      values.delete(key);
      values.set(key, deepFreeze(value));
      if (values.size > limit) values.delete(values.keys().next().value!);
    },
  };
}

function deepFreeze(value: unknown): unknown {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
