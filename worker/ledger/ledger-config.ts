// The ledger's configuration from bindings: the signing key (secret), the expected public key and
// retention (vars).
import { type LedgerSigner, importSigner } from "./signing.ts";

/**
 * Secrets are optional: without a signing key the log still records, but signs no head (its exports
 * prove nothing).
 */
export type LedgerSecrets = { LEDGER_SIGNING_KEY?: string };

export const DEFAULT_RETENTION_DAYS = 2010;

let cached: { secret: string; signer: Promise<LedgerSigner> } | undefined;

/** The tree-head signer, imported once per isolate; null when no key is configured. */
export async function ledgerSigner(env: Env & LedgerSecrets): Promise<LedgerSigner | null> {
  const secret = env.LEDGER_SIGNING_KEY?.trim();
  if (!secret) return null;
  if (cached?.secret !== secret) cached = { secret, signer: importSigner(secret) };
  const signer = await cached.signer;
  const expected: string = env.LEDGER_PUBLIC_KEY;
  if (expected && expected !== signer.publicKey) {
    throw new Error(
      "LEDGER_SIGNING_KEY does not belong to LEDGER_PUBLIC_KEY: refusing to sign with an unexpected key",
    );
  }
  return signer;
}

/**
 * LEDGER_RETENTION_DAYS as a whole number of days (at least 1); the default when unset
 * or unreadable.
 */
export function retentionDays(env: Pick<Env, "LEDGER_RETENTION_DAYS">): number {
  const days = Number(env.LEDGER_RETENTION_DAYS);
  return Number.isInteger(days) && days >= 1 ? days : DEFAULT_RETENTION_DAYS;
}
