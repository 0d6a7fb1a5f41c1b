// npm start, step "ledger": local secrets in .dev.vars (only those missing: the admin token, the
// ledger's signing key, and the consent cookie's HMAC key, without which no decision can be made
// locally), then the local D1 migrations.
import { randomBytes } from "node:crypto";
import { relative } from "node:path";
import { generateKeyPair } from "../worker/ledger/signing.ts";
import { parseCommandLine } from "./lib/cli.ts";
import { DEV_VARS, addMissingDevVars } from "./lib/dev-vars.ts";
import { wrangler } from "./lib/wrangler.ts";

parseCommandLine(
  { help: { type: "boolean", short: "h" } },
  `Usage: node scripts/consent-setup.ts   (npm start runs it)

Adds the local secrets that are missing to .dev.vars (ADMIN_TOKEN, LEDGER_SIGNING_KEY, CONSENT_SECRET; FVM_DEV_VARS
names another file), never changing one that is set, then applies the D1 migrations to the local ledger.`,
);

const key = await generateKeyPair();
const added = addMissingDevVars({
  ADMIN_TOKEN: () => randomBytes(32).toString("base64url"),
  LEDGER_SIGNING_KEY: () => key.privateJwk,
  CONSENT_SECRET: () => randomBytes(32).toString("base64url"),
  // Signs and checks the preview links of staged versions (content:publish --stage).
  PREVIEW_SECRET: () => randomBytes(32).toString("base64url"),
});
const where = relative(process.cwd(), DEV_VARS) || DEV_VARS;
if (added.length > 0) console.error(`Wrote ${added.join(" and ")} to ${where}.`);
wrangler(["d1", "migrations", "apply", "LEDGER", "--local"], { quiet: true });
console.error(
  `Consent ledger: local D1 migrated. Admin: /admin/ with the ADMIN_TOKEN in ${where} ` +
    "(as the browser login's password, any user name; or `Authorization: Bearer <token>`).",
);
