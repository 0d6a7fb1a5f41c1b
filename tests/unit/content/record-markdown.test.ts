// D28: README.md's record of processing is exactly what npm run consent:ropa writes.
import { describe, expect, it } from "vitest";
import readme from "../../../README.md?raw";
import admin from "../../../content/admin.json";
import { replaceRecordSection } from "../../../content/record-markdown.ts";
import { consentView } from "../../helpers/consent.ts";

describe("D28: the record of processing in the README is the one the dashboard shows", () => {
  it("D28: README.md's table is exactly what npm run consent:ropa makes of content/consent.json (run it after editing)", () => {
    expect(replaceRecordSection(readme, consentView("en"), admin.en.record)).toBe(readme);
  });
});
