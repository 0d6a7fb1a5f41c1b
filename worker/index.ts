// The Worker's entry: requests go to handleRequest; the hourly cron signs a head of the consent log and applies retention.
import { handleScheduled } from "./ledger/scheduled.ts";
import { handleRequest } from "./router.ts";

export { ConsentLog } from "./ledger/consent-log.ts";

export default {
  fetch: handleRequest,
  scheduled: handleScheduled,
} satisfies ExportedHandler<Env>;
