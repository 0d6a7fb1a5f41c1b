// The log's public URLs: GET /consent/log/head (the latest signed tree head and the public key, for
// anyone who keeps heads) and GET /consent/receipt (the visitor's own receipt, from their consent
// cookie, as a file).
import { pathFor } from "../../content/paths.ts";
import { nameConsentCookie, openChoice, readCookieValues } from "../consent/cookie.ts";
import { loadConsentKey } from "../consent/read-visitor.ts";
import { applySecurityHeaders } from "../http/security-headers.ts";
import { ledgerSigner } from "./ledger-config.ts";
import { findErasure } from "./erasure.ts";
import { EXPORT_PAGE, latestHead, selectEntries, seqOf } from "./export-chunks.ts";
import { d1Runner } from "./query-runner.ts";
import { buildReceipt } from "./receipt.ts";

/**
 * Heads change with every batch; a minute keeps a popular monitor off D1 without hiding new heads
 * for long.
 */
const HEAD_CACHE = "public, max-age=60";

export async function serveLogHead(env: Env): Promise<Response> {
  const [head, signer] = await Promise.all([
    latestHead(d1Runner(env.LEDGER)),
    ledgerSigner(env).catch(() => null),
  ]);
  const publicKey = env.LEDGER_PUBLIC_KEY || signer?.publicKey || null;
  const body = {
    treeHead: head,
    publicKey,
    keyId: signer?.keyId ?? head?.keyId ?? null,
    algorithm: "Ed25519",
    format: "RFC 9162 Merkle tree; see the README, Compliance",
  };
  return json(body, { "Cache-Control": HEAD_CACHE, "Access-Control-Allow-Origin": "*" });
}

/**
 * The receipt of the consent id in the visitor's signed cookie: their latest record with its
 * inclusion proof and the latest signed head; after an erasure, what was erased and when. A 404
 * (JSON) without a cookie of ours.
 */
export async function serveReceipt(request: Request, env: Env, origin: string): Promise<Response> {
  const consentId = await readConsentId(request, env);
  if (!consentId)
    return json(
      { error: "No consent choice of this site in this browser: there is no receipt to give." },
      { "Cache-Control": "no-store" },
      404,
    );
  const run = d1Runner(env.LEDGER);
  const head = await latestHead(run);
  const entries = head ? await subjectEntries(run, consentId, head.size) : [];
  const latest = entries.filter((e) => e.type === "record").at(-1) ?? entries.at(-1);
  const erasure = await findErasure(env.LEDGER, consentId);
  if (!latest)
    return json(
      {
        error: "No record of this consent id is in the signed log yet.",
        consentId,
        erased: erasure,
      },
      { "Cache-Control": "no-store" },
      404,
    );
  const signer = await ledgerSigner(env).catch(() => null);
  const locale = latest.type === "record" ? latest.record.locale : "it";
  const receipt = buildReceipt(
    latest,
    head,
    {
      origin,
      policyUrl: origin + pathFor(locale, { page: "cookies" }),
      publicKey: env.LEDGER_PUBLIC_KEY || signer?.publicKey || null,
      jurisdiction: "IT",
    },
    erasure,
  );
  return json(receipt, {
    "Cache-Control": "private, no-store",
    "Content-Disposition": `attachment; filename="consent-receipt-${consentId}.json"`,
  });
}

async function subjectEntries(run: ReturnType<typeof d1Runner>, consentId: string, size: number) {
  const all: Awaited<ReturnType<typeof selectEntries>> = [];
  for (let after = 0; ; ) {
    const page = await selectEntries(run, { consentId }, size, after);
    all.push(...page);
    if (page.length < EXPORT_PAGE) return all;
    after = seqOf(page.at(-1)!);
  }
}

/**
 * The consent id of the first consent cookie whose signature holds (stale or not: the history is
 * the same).
 */
async function readConsentId(request: Request, env: Env): Promise<string | null> {
  const values = readCookieValues(
    request.headers.get("Cookie"),
    nameConsentCookie(env.ENVIRONMENT),
  );
  const key = values.length > 0 ? await loadConsentKey(env) : null;
  for (const value of key ? values.slice(0, 4) : []) {
    const choice = await openChoice(value, key!);
    if (choice) return choice.consentId;
  }
  return null;
}

function json(body: unknown, headers: Record<string, string>, status = 200): Response {
  const response = new Response(`${JSON.stringify(body, null, 2)}\n`, {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
  });
  applySecurityHeaders(response.headers);
  return response;
}
