// D28: the record of processing names controller, DPO, the consent log and every tracker, in full.
import { describe, expect, it } from "vitest";
import { buildRecordOfProcessing } from "../../../content/record-of-processing.ts";
import { consentView } from "../../helpers/consent.ts";

describe("D28: the record of processing in the README is the one the dashboard shows", () => {
  it("D28: it has controller, DPO, the consent log and every tracker, each with purposes, data, recipients, transfers, erasure, security", () => {
    const ropa = buildRecordOfProcessing(consentView("it"));
    expect(ropa.controller.dpo.email).toBeTruthy();
    expect(ropa.entries.map((e) => e.id)).toEqual(["consent-log", "site", "ga4", "youtube"]);
    for (const entry of ropa.entries)
      for (const field of [
        "purpose",
        "basis",
        "data",
        "subjects",
        "recipients",
        "transfers",
        "erasure",
        "security",
      ] as const)
        expect(entry[field].length).toBeGreaterThan(10);
  });
});
