// npm run consent:keygen: a new Ed25519 key pair for signing the consent log's tree heads in production.
import { generateKeyPair } from "../worker/ledger/signing.ts";

const pair = await generateKeyPair();
console.log(`# Private key (secret): npx wrangler secret put LEDGER_SIGNING_KEY, then paste the line below.
${pair.privateJwk}

# Public key (key id ${pair.keyId}): LEDGER_PUBLIC_KEY in wrangler.toml [vars]; give it to whoever verifies exports (/consent/log/head serves it too).
${pair.publicKey}`);
