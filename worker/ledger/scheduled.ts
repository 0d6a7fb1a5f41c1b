// The cron job: seal the ledger (a signed checkpoint of the head), then purge what is past retention.
import { ledgerSigner, retentionDays } from "./config.ts";
import { purgeExpired } from "./retention.ts";
import { sealLedger } from "./seal.ts";

/** Seals, then purges. A chain that does not verify is neither sealed nor purged: the error is logged and rethrown. */
export async function runLedgerMaintenance(env: Env, now: Date): Promise<void> {
  try {
    const signer = await ledgerSigner(env);
    const checkpoint = signer ? await sealLedger(env.LEDGER, signer, now) : null;
    if (!signer) log({ event: "ledger_not_sealed", reason: "LEDGER_SIGNING_KEY is not configured" });
    else log({ event: "ledger_sealed", seq: checkpoint?.seq ?? null });
    const purged = await purgeExpired(env.LEDGER, retentionDays(env), now);
    log({ event: "ledger_purged", throughSeq: purged?.throughSeq ?? null, records: purged?.records ?? 0 });
  } catch (error) {
    console.error(JSON.stringify({ event: "ledger_maintenance_failed", error: error instanceof Error ? error.message : String(error) }));
    throw error;
  }
}

export function handleScheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): void {
  ctx.waitUntil(runLedgerMaintenance(env, new Date(controller.scheduledTime)));
}

function log(entry: Record<string, unknown>): void {
  console.log(JSON.stringify(entry));
}
