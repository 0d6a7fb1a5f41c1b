// The in-isolate tier of the page cache: a small LRU of consent-neutral pages. Keys name deploy, version and
// path, so an entry never goes stale; the bound keeps memory flat however many pages the site has.

/** A stored page, as plain values: its body and headers (status is always 200). */
export type StoredPage = { body: string; headers: [string, string][] };

/** About 4 MB of UTF-16 text: a hundred typical pages, far below an isolate's 128 MB. */
const MEMORY_CHARACTERS = 2_000_000;

export type PageMemory = {
  get(key: string): StoredPage | undefined;
  set(key: string, page: StoredPage): void;
};

export function createPageMemory(limit = MEMORY_CHARACTERS): PageMemory {
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
      if (page.body.length > limit) return;
      const previous = pages.get(key);
      if (previous) size -= previous.body.length;
      pages.delete(key);
      pages.set(key, page);
      size += page.body.length;
      for (const [oldest, evicted] of pages) {
        if (size <= limit) break;
        pages.delete(oldest);
        size -= evicted.body.length;
      }
    },
  };
}
