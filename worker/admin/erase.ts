// POST /admin/api/erase (consent_id=…): erasure of one data subject's record bodies (GDPR art. 17);
// their leaves stay, so every proof of the log still verifies. Logged in the admin access log like
// every admin request.
import { HttpError } from "../http/errors.ts";
import { eraseSubject } from "../ledger/erasure.ts";
import { LEDGER_ID } from "../ledger/record-types.ts";
import type { AdminContext } from "./context.ts";
import { adminResponse } from "./admin-response.ts";

export async function serveErase({
  request,
  url,
  env,
  principal,
}: AdminContext): Promise<Response> {
  // Access cookies and Basic credentials ride along with any request a browser makes: a post must
  // come from this site.
  if (principal.ambient && request.headers.get("Origin") !== url.origin)
    throw new HttpError(403, "Cross-site request refused");
  const form = await request.formData().catch(() => null);
  const consentId = String(form?.get("consent_id") ?? "").trim();
  if (!LEDGER_ID.test(consentId))
    throw new HttpError(400, "Invalid erasure: consent_id must be 8-64 letters, digits, - or _");
  const erasure = await eraseSubject(env.LEDGER, consentId);
  console.log(
    JSON.stringify({ event: "ledger_erased", by: principal.id, records: erasure.seqs.length }),
  );
  if ((request.headers.get("Accept") ?? "").includes("text/html")) {
    return adminResponse(null, {
      status: 303,
      headers: { Location: `/admin/?consent_id=${encodeURIComponent(consentId)}` },
    });
  }
  return adminResponse(JSON.stringify({ erasure }), {
    headers: { "Content-Type": "application/json" },
  });
}
