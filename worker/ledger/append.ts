// Appending a consent decision from a request: one call to the log's Durable Object, which
// answers once the record is committed to D1. Each request awaits only its own call; the object
// does the batching.
import type { AppendResult, ConsentLog } from "./consent-log.ts";
import { LedgerError } from "./ledger-error.ts";
import { LOG_NAME } from "./log-name.ts";
import type { DecisionInput, RecordBody } from "./record-types.ts";

/**
 * The log's single writer (a class of the compliance Worker: the binding is typed here, the code is
 * not loaded).
 */
export function consentLog(env: Pick<Env, "CONSENT_LOG">) {
  const namespace = env.CONSENT_LOG as unknown as DurableObjectNamespace<ConsentLog>;
  return namespace.get(namespace.idFromName(LOG_NAME));
}

type LogStub = ReturnType<typeof consentLog>;

/**
 * Calls the log, once more if the runtime says the call may be retried (the object was reset, e.g.
 * by a deploy; locally, a reloaded module says so in its message). An append retried this way is
 * safe: the same event id and choice give back the stored record.
 */
export async function callLog<T>(
  env: Pick<Env, "CONSENT_LOG">,
  call: (log: LogStub) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(consentLog(env));
    } catch (error) {
      if (attempt >= 3 || !isRetryable(error)) throw error;
    }
  }
}

function isRetryable(error: unknown): boolean {
  if ((error as { retryable?: boolean } | null)?.retryable) return true;
  return /invalidating this Durable Object|reset because its code was updated/.test(String(error));
}

/**
 * Stores one consent decision and returns its record (or the stored record it is a retry of).
 * Rejects with a LedgerError: `invalid` (the message names the field) or `unavailable` (not stored;
 * try again).
 */
export async function appendConsentRecord(
  env: Pick<Env, "CONSENT_LOG">,
  input: DecisionInput,
): Promise<RecordBody> {
  let result: AppendResult;
  try {
    result = (await callLog(
      env,
      async (log) => (await log.append(input)) as AppendResult,
    )) as AppendResult;
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new LedgerError("unavailable", `the consent log could not be called: ${why}`, { cause });
  }
  if (result.ok) return result.record;
  if (result.status === 400) throw new LedgerError("invalid", result.message);
  throw new LedgerError("unavailable", result.detail ?? result.message);
}
