// npm run consent:keygen: a new Ed25519 key pair for signing the consent log's tree heads
// in production.
import { generateKeyPair } from "../worker/ledger/signing.ts";
import { parseCommandLine } from "./lib/cli.ts";

parseCommandLine(
  { help: { type: "boolean", short: "h" } },
  `Usage: npm run consent:keygen

Prints a new Ed25519 key pair for the ledger's checkpoints: the private key (a JWK on one line) for the
LEDGER_SIGNING_KEY secret, and the public key for LEDGER_PUBLIC_KEY and for whoever verifies exports.`,
);

const pair = await generateKeyPair();
console.log(`# Private key (secret): npx wrangler secret put LEDGER_SIGNING_KEY, then paste the line below.
${pair.privateJwk}

# Public key (key id ${pair.keyId}): LEDGER_PUBLIC_KEY in wrangler.toml [vars]; give it to whoever verifies exports (/consent/log/head serves it too).
${pair.publicKey}`);
