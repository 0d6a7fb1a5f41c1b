// The cron job: a signed tree head of the log (also when idle, so anyone keeping heads sees it
// alive), then retention (bodies past it redacted, leaves kept).
import { callLog } from "./append.ts";
import { retentionDays } from "./ledger-config.ts";
import { purgeExpired } from "./retention.ts";

/** Signs a head, then purges. Failures are logged and rethrown, so the run shows as failed. */
export async function runLedgerMaintenance(env: Env, now: Date): Promise<void> {
  try {
    const head = await callLog(env, (log) => log.signHead(now));
    if (!head)
      log({ event: "ledger_head_not_signed", reason: "LEDGER_SIGNING_KEY is not configured" });
    else log({ event: "ledger_head_signed", size: head.size, root: head.root });
    const purged = await purgeExpired(env.LEDGER, retentionDays(env), now);
    log({
      event: "ledger_purged",
      throughSeq: purged?.throughSeq ?? null,
      records: purged?.records ?? 0,
    });
  } catch (error) {
    console.error(
      JSON.stringify({
        event: "ledger_maintenance_failed",
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    throw error;
  }
}

export function handleScheduled(
  controller: ScheduledController,
  env: Env,
  ctx: ExecutionContext,
): void {
  ctx.waitUntil(runLedgerMaintenance(env, new Date(controller.scheduledTime)));
}

function log(entry: Record<string, unknown>): void {
  console.log(JSON.stringify(entry));
}
