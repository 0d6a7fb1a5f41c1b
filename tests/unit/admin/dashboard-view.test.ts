// The dashboard's daily chart covers every day of the range, gaps included.
import { describe, expect, it } from "vitest";
import { dayRange } from "../../../worker/admin/dashboard-view.ts";

describe("admin query parameters", () => {
  it("chart every day of the range, gaps included", () => {
    expect(dayRange({ from: "2026-02-27", to: "2026-03-02" }, { byDayAction: [] })).toEqual([
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
      "2026-03-02",
    ]);
    expect(
      dayRange(
        { from: "", to: "" },
        {
          byDayAction: [
            { day: "2026-01-05", action: "save", n: 1 },
            { day: "2026-01-06", action: "save", n: 1 },
          ],
        },
      ),
    ).toHaveLength(2);
  });
});
