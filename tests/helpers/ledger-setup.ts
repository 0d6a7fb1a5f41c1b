// Every workerd test file starts with the ledger's D1 schema in place, as `npm start` and deploys
// have it.
import { applyD1Migrations, type D1Migration } from "cloudflare:test";
import { env } from "cloudflare:workers";

await applyD1Migrations(
  env.LEDGER,
  (env as unknown as { TEST_MIGRATIONS: D1Migration[] }).TEST_MIGRATIONS,
);
