// What the consent benchmark and the load test share: a decision as a browser's form posts it,
// and the check a compliance officer makes afterwards (export through the admin API, then the
// offline verifier).
import { parseExport } from "../../worker/ledger/export-parse.ts";
import { importPublicKeys } from "../../worker/ledger/signing.ts";
import { verifyExport } from "../../worker/ledger/verify.ts";
import type { ParsedExport, VerifyReport } from "../../worker/ledger/verify-types.ts";

/**
 * POST /consent from the site's own page (accept or reject, alternately); resolves to the response.
 * Each decision comes from a visitor of its own (CF-Connecting-IP, which Miniflare keeps when
 * given): the per-client rate limit caps one address at 30 a minute
 * (tests/worker/post-consent.rate-limit.test.ts), and the load is many visitors.
 */
export function postDecision(siteUrl: string, i: number): Promise<Response> {
  return fetch(`${siteUrl}/consent`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: siteUrl,
      "CF-Connecting-IP": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    },
    body: `action=${i % 2 ? "accept_all" : "reject_all"}&return=/it/`,
  });
}

export type ExportCheck = {
  parsed: ParsedExport;
  report: VerifyReport;
  bytes: number;
  exportMs: number;
  verifyMs: number;
};

/**
 * The whole log exported as NDJSON through the admin API (head, proofs, signed manifest), then
 * verified offline.
 */
export async function exportAndVerify(
  siteUrl: string,
  token: string,
  publicKey: string,
): Promise<ExportCheck> {
  const start = performance.now();
  const text = await (
    await fetch(`${siteUrl}/admin/api/consents?format=ndjson`, {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).text();
  const parsed = parseExport(text);
  const exported = performance.now();
  const report = await verifyExport({ parsed, keys: await importPublicKeys([publicKey]) });
  return {
    parsed,
    report,
    bytes: text.length,
    exportMs: exported - start,
    verifyMs: performance.now() - exported,
  };
}
