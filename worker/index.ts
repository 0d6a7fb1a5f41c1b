// The site's Worker: requests go to handleRequest. The consent log's writer (a Durable Object), the
// cron that signs heads and applies retention, and /admin live in the compliance Worker
// (worker/admin/index.ts, wrangler.admin.toml).
import { handleRequest } from "./router.ts";

export default {
  fetch: handleRequest,
} satisfies ExportedHandler<Env>;
