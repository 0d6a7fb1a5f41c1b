// The in-isolate tier of the page cache: a small LRU of consent-neutral pages. Keys name deploy, version and
// path, so an entry never goes stale; the bound keeps memory flat however many pages the site has.

/**
 * A stored page: its body as UTF-8 bytes (encoded once, copied into each response) and its headers (copied
 * before any change). Status is always 200.
 */
export type StoredPage = { body: Uint8Array<ArrayBuffer>; headers: Headers };

/** 4 MiB of pages: about two hundred typical ones, far below an isolate's 128 MB. */
const MEMORY_BYTES = 4 * 2 ** 20;

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
