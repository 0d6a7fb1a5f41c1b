import { describe, expect, it } from "vitest";
import { HttpError } from "../../worker/http/errors.ts";
import { parseRecordQuery, queryString } from "../../worker/admin/query.ts";
import { dayRange } from "../../worker/admin/dashboard-view.ts";

const parse = (query: string) => parseRecordQuery(new URLSearchParams(query));

describe("admin query parameters", () => {
  it("turn dates into whole UTC days, `to` included", () => {
    expect(parse("from=2026-03-01&to=2026-03-31&format=csv")).toEqual({
      query: { from: "2026-03-01", to: "2026-03-31", format: "csv" },
      filter: { from: "2026-03-01T00:00:00.000Z", to: "2026-04-01T00:00:00.000Z" },
      format: "csv",
    });
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
    expect(queryString({ from: "2026-03-01", action: "save" }, "ndjson")).toBe("from=2026-03-01&action=save&format=ndjson");
  });

  it("chart every day of the range, gaps included", () => {
    expect(dayRange({ from: "2026-02-27", to: "2026-03-02" }, { byDayAction: [] })).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(dayRange({ from: "", to: "" }, { byDayAction: [{ day: "2026-01-05", action: "save", n: 1 }, { day: "2026-01-06", action: "save", n: 1 }] })).toHaveLength(2);
  });
});
