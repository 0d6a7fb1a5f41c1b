// The dashboard's query: whole UTC days, empty fields no filter, bad values a 400, written back.
import { describe, expect, it } from "vitest";
import { HttpError } from "../../../worker/http/errors.ts";
import { parseRecordQuery, queryString } from "../../../worker/admin/query.ts";

const parse = (query: string) => parseRecordQuery(new URLSearchParams(query));

describe("admin query parameters", () => {
  it("turn dates into whole UTC days, `to` included up to its last millisecond", () => {
    expect(parse("from=2026-03-01&to=2026-03-31&format=csv")).toEqual({
      query: { from: "2026-03-01", to: "2026-03-31", format: "csv" },
      filter: { from: "2026-03-01T00:00:00.000Z", to: "2026-03-31T23:59:59.999Z" },
      format: "csv",
    });
  });

  it("keep the last possible day a date in the records' own format (it was `+010000-…`, which compares as text before any record)", () => {
    const { filter } = parse("to=9999-12-31");
    expect(filter.to).toBe("9999-12-31T23:59:59.999Z");
    expect(filter.to! > "2026-12-01T10:00:00.000Z").toBe(true);
    expect(parse("since_size=12").sinceSize).toBe(12);
  });

  it("treat empty form fields as no filter and default to JSON", () => {
    expect(parse("from=&action=&consent_id=")).toEqual({ query: {}, filter: {}, format: "json" });
  });

  it.each([
    ["from=2026-02-30", "from"],
    ["to=yesterday", "to"],
    ["action=accept", "action"],
    ["consent_id=%3Cscript%3E", "consent_id"],
    ["format=xlsx", "format"],
    ["from=2026-03-02&to=2026-03-01", "from is after to"],
    ["from=0000-01-01", "from: must be between 1970-01-01 and 9999-12-31"],
    ["to=1969-12-31", "to: must be between"],
    ["since_size=0", "since_size"],
  ])("refuse %s with a 400 naming the problem", (query, named) => {
    const error = (() => {
      try {
        parse(query);
      } catch (e) {
        return e;
      }
    })() as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(400);
    expect(error.message).toContain(named);
  });

  it("write the query back for export links", () => {
    expect(queryString({ from: "2026-03-01", action: "save" }, "ndjson")).toBe(
      "from=2026-03-01&action=save&format=ndjson",
    );
  });
});
