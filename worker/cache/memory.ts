// The in-isolate tier of the page cache: a small LRU of finished pages. Keys name deploy, version,
// policy, state and path, so an entry never goes stale; the bound keeps memory flat however many
// pages the site has.

/**
 * A finished page as one consent state receives it: UTF-8 bytes with a placeholder at each per-view
 * nonce (`nonceAt`: byte offsets), its headers (CSP for that state), and the strong ETag of those
 * bytes. Status is 200. Shared by every request of the isolate: copied, never changed.
 */
export type StoredPage = {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly headers: Readonly<Record<string, string>>;
  readonly etag: string;
  readonly nonceAt: readonly number[];
};

/**
 * 8 MiB of pages: a few hundred typical ones across consent states, far below an isolate's 128 MB.
 */
const MEMORY_BYTES = 8 * 2 ** 20;

export type PageMemory = {
  get(key: string): StoredPage | undefined;
  set(key: string, page: StoredPage): void;
};

export function createPageMemory(limit = MEMORY_BYTES): PageMemory {
  const pages = new Map<string, StoredPage>();
  let size = 0;
  return {
    get(key) {
      const page = pages.get(key);
      if (page) {
        pages.delete(key);
        pages.set(key, page);
      }
      return page;
    },
    set(key, page) {
      if (page.body.byteLength > limit) return;
      const previous = pages.get(key);
      if (previous) size -= previous.body.byteLength;
      pages.delete(key);
      pages.set(key, page);
      size += page.body.byteLength;
      for (const [oldest, evicted] of pages) {
        if (size <= limit) break;
        pages.delete(oldest);
        size -= evicted.body.byteLength;
      }
    },
  };
}
