// POST /admin/api/seal (sign a tree head now) and GET /admin/api/public-key (what heads
// verify with).
import { HttpError } from "../http/errors.ts";
import { ledgerSigner } from "../ledger/ledger-config.ts";
import { callLog } from "../ledger/append.ts";
import type { AdminContext } from "./context.ts";
import { adminResponse } from "./admin-response.ts";

export async function serveSeal({ request, url, env, principal }: AdminContext): Promise<Response> {
  // Access cookies and Basic credentials ride along with any request a browser makes: a post must
  // come from this site.
  if (principal.ambient && request.headers.get("Origin") !== url.origin) {
    throw new HttpError(403, "Cross-site request refused");
  }
  const signer = await ledgerSigner(env);
  if (!signer) throw new HttpError(409, "No signing key configured (LEDGER_SIGNING_KEY)");
  const head = await callLog(env, (log) => log.signHead());
  if ((request.headers.get("Accept") ?? "").includes("text/html")) {
    return adminResponse(null, { status: 303, headers: { Location: "/admin/" } });
  }
  return adminResponse(JSON.stringify({ head }), {
    headers: { "Content-Type": "application/json" },
  });
}

export async function servePublicKey({ env }: AdminContext): Promise<Response | undefined> {
  const signer = await ledgerSigner(env);
  if (!signer) return undefined;
  return adminResponse(
    JSON.stringify({ publicKey: signer.publicKey, keyId: signer.keyId, algorithm: "Ed25519" }),
    {
      headers: { "Content-Type": "application/json" },
    },
  );
}
