// npm start, step "ledger": local secrets for /admin and the ledger's signing key in .dev.vars (only those missing),
// then the D1 migrations on the local database.
import { randomBytes } from "node:crypto";
import { relative } from "node:path";
import { generateKeyPair } from "../worker/ledger/signing.ts";
import { DEV_VARS, addMissingDevVars } from "./lib/dev-vars.ts";
import { wrangler } from "./lib/wrangler.ts";

const key = await generateKeyPair();
const added = addMissingDevVars({
  ADMIN_TOKEN: () => randomBytes(32).toString("base64url"),
  LEDGER_SIGNING_KEY: () => key.privateJwk,
});
const where = relative(process.cwd(), DEV_VARS) || DEV_VARS;
if (added.length > 0) console.error(`Wrote ${added.join(" and ")} to ${where}.`);
wrangler(["d1", "migrations", "apply", "LEDGER", "--local"], { quiet: true });
console.error(
  `Consent ledger: local D1 migrated. Admin: /admin/ with the ADMIN_TOKEN in ${where} ` +
    "(as the browser login's password, any user name; or `Authorization: Bearer <token>`).",
);
