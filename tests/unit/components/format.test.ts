// Dates written the Italian and the British way; placeholders filled, unknown ones left visible.
import { describe, expect, it } from "vitest";
import { fill, formatDate } from "../../../components/format.ts";
import { realBundle } from "../../helpers/worker.ts";

const { strings } = realBundle();

describe("formatDate", () => {
  it("writes Italian dates as dd/mm/yyyy", () => {
    expect(formatDate("2015-12-31", strings.it.dates)).toBe("31/12/2015");
    expect(formatDate("2014-05-09", strings.it.dates)).toBe("09/05/2014");
  });

  it("writes English dates the British way", () => {
    expect(formatDate("2015-12-31", strings.en.dates)).toBe("31 December 2015");
    expect(formatDate("2014-05-09", strings.en.dates)).toBe("9 May 2014");
  });
});

describe("fill", () => {
  it("replaces known placeholders and leaves unknown ones visible", () => {
    expect(fill("{achieved} su {total} · {x}", { achieved: 21, total: 50 })).toBe("21 su 50 · {x}");
  });
});
