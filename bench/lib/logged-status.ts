// The Worker logs each failed request as one JSON line with its status
// (worker/http/respond-error.ts): tests read those lines to see what it answered to visitors who
// hung up before reading the answer.

/** The `status` of a JSON log line, else null. */
export function readLoggedStatus(message: string): number | null {
  try {
    const line = JSON.parse(message) as { status?: unknown };
    return typeof line.status === "number" ? line.status : null;
  } catch {
    return null;
  }
}

/** A 5xx the Worker chose to log, other than a deliberate 503 (which comes with Retry-After). */
export function isServerFailure(status: number | null): boolean {
  return status !== null && status >= 500 && status !== 503;
}
