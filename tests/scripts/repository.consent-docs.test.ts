// The retention period and the record of processing are documented as the configuration says.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETENTION_DAYS } from "../../worker/ledger/ledger-config.ts";

const CONSENT = JSON.parse(
  readFileSync(new URL("../../content/consent.json", import.meta.url), "utf8"),
) as {
  services: { name: string; category: string; cookies: { name: string }[] }[];
};
const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const WRANGLER = readFileSync(new URL("../../wrangler.toml", import.meta.url), "utf8");
const section = README.slice(
  README.indexOf("## Compliance: the consent ledger"),
  README.indexOf("## Bindings and secrets"),
);

// The retention period and the record of processing are documented, and the documentation matches
// the configuration.
describe("the compliance documentation", () => {
  it("D27: states the retention period that wrangler.toml and the Worker use", () => {
    const configured = Number(/^LEDGER_RETENTION_DAYS\s*=\s*"(\d+)"/m.exec(WRANGLER)?.[1]);
    expect(configured).toBe(DEFAULT_RETENTION_DAYS);
    expect(section).toContain(`default **${configured}**`);
    expect(section).toMatch(new RegExp(`\\| erasure deadlines \\| ${configured} days`));
  });

  it("has a record of processing with every field of GDPR art. 30(1), for consent management and each tracker", () => {
    const table = section.slice(section.indexOf("### Record of processing"));
    const header = /\n\| processing \| ([^\n]+) \|\n/.exec(table)![1]!.split(" | ");
    for (const service of CONSENT.services.filter((s) => s.category !== "necessary")) {
      expect(
        header.some((column) => column.includes(service.name)),
        service.name,
      ).toBe(true);
    }
    for (const row of [
      "purpose",
      "legal basis",
      "data categories",
      "data subjects",
      "recipients",
      "transfers",
      "erasure deadlines",
      "security measures",
    ]) {
      const cells =
        new RegExp(`\\n\\| ${row} \\| ([^\\n]+) \\|\\n`).exec(table)?.[1]?.split(" | ") ?? [];
      expect(cells, row).toHaveLength(header.length);
      for (const cell of cells) expect(cell.length, row).toBeGreaterThan(10);
    }
    for (const service of CONSENT.services.filter((s) => s.category !== "necessary")) {
      for (const cookie of service.cookies) expect(table, cookie.name).toContain(cookie.name);
    }
  });

  it("names every field of a record, and what is never stored", () => {
    for (const field of [
      "seq",
      "recordedAt",
      "eventId",
      "consentId",
      "action",
      "method",
      "signals",
      "categories",
      "locale",
      "policyVersion",
      "textsHash",
      "shownHash",
    ]) {
      expect(section, field).toContain(`| \`${field}\``);
    }
    expect(section).toContain("no IP address, no user agent");
  });
});
