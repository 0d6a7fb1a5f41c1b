// Export filters: parameterized SQL, the `to` instant included, and what scope an export has.
import { describe, expect, it } from "vitest";
import { filterSql, redactionFilterSql, scopeOf } from "../../../worker/ledger/filter.ts";

describe("filters", () => {
  it("build parameterized SQL, the `to` instant included, and say what an export is", () => {
    expect(filterSql({})).toEqual({ sql: "", params: [] });
    expect(
      filterSql({
        from: "2026-01-01T00:00:00.000Z",
        to: "2026-01-31T23:59:59.999Z",
        action: "save",
      }),
    ).toEqual({
      sql: "WHERE recorded_at >= ? AND recorded_at <= ? AND action = ?",
      params: ["2026-01-01T00:00:00.000Z", "2026-01-31T23:59:59.999Z", "save"],
    });
    expect(redactionFilterSql({ consentId: "c-12345678" }, "ab".repeat(32))).toEqual({
      sql: "WHERE consent_id_hash = ?",
      params: ["ab".repeat(32)],
    });
    expect(redactionFilterSql({ action: "save" })).toBeNull();
    expect(scopeOf({})).toBe("complete");
    expect(scopeOf({ to: "2026-01-02T23:59:59.999Z" })).toBe("range");
    expect(scopeOf({ from: "2026-01-01T00:00:00.000Z", consentId: "abcdefgh" })).toBe("filtered");
  });
});
