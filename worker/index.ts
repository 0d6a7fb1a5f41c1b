// The Worker's entry: requests go to handleRequest; the hourly cron seals and purges the consent ledger.
import { handleScheduled } from "./ledger/scheduled.ts";
import { handleRequest } from "./router.ts";

export default {
  fetch: handleRequest,
  scheduled: handleScheduled,
} satisfies ExportedHandler<Env>;
