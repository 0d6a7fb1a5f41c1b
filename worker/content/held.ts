// Checked content values an isolate holds (CLOCK: a used one gets a second chance), and the last
// good version.
import type { Pointer } from "../../content/views.ts";

/** How many values an isolate keeps: a few pages' worth per locale, a few megabytes at most. */
const HELD_VALUES = 256;

/**
 * The pointer as this isolate last read it, parsed once (null: absent or invalid): a resolved
 * value, shared; never the read itself.
 */
export type HeldPointer = {
  pointer: Pointer | null;
  readAt: number;
  refreshingSince?: number;
  /**
   * The versions to try while this read is fresh, listed once for the lastGood they were
   * listed with.
   */
  candidates?: { lastGood: string | undefined; list: readonly string[] };
};

export type HeldContent = {
  /**
   * The version whose entry key was last read intact: the fallback when the pointer is missing
   * or unreadable.
   */
  lastGood: string | undefined;
  pointer: HeldPointer | undefined;
  get(key: string): unknown;
  /** Keeps a value, frozen: every request of the isolate shares it, so none may change it. */
  set(key: string, value: unknown): void;
};

/**
 * A hit only marks its entry used: no map is changed on the hot path. When full, the oldest entry
 * goes, unless it was used since it last came round, in which case it moves to the back unmarked
 * (CLOCK, a close kin of LRU).
 */
export function createHeldContent(limit = HELD_VALUES): HeldContent {
  const values = new Map<string, { value: unknown; used: boolean }>();
  return {
    lastGood: undefined,
    pointer: undefined,
    get(key) {
      const entry = values.get(key);
      if (entry === undefined) return undefined;
      entry.used = true;
      return entry.value;
    },
    set(key, value) {
      values.delete(key);
      values.set(key, { value: deepFreeze(value), used: false });
      while (values.size > limit) {
        const [oldest, entry] = values.entries().next().value!;
        values.delete(oldest);
        if (entry.used) values.set(oldest, { value: entry.value, used: false });
      }
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
