// What the ledger fails with: a plain error, no HTTP in it, so the Worker and the offline tools
// share the ledger's code. The HTTP edge (POST /consent, worker/consent/handle-consent-post.ts)
// turns it into a response, and the one log line of the failure is the edge's.

/**
 * `invalid`: the decision breaks the record's rules (the message names the field); `unavailable`:
 * not stored now.
 */
export type LedgerFailure = "invalid" | "unavailable";

export class LedgerError extends Error {
  readonly reason: LedgerFailure;

  constructor(reason: LedgerFailure, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = "LedgerError";
    this.reason = reason;
  }
}
