#!/bin/sh
# npm start: install what is missing, publish content/ to local KV (validated; a no-op when unchanged), create .dev.vars
# secrets if missing and migrate the local consent ledger (D1), then serve on $PORT (default 8787).
set -e
cd "$(dirname "$0")/.."
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
elif [ ! -x node_modules/.bin/wrangler ] || [ ! -x node_modules/.bin/node ]; then
  npm install --no-audit --no-fund
fi
# npm scripts run on the Node 22 of the `node` dev dependency, whatever Node is on the machine.
export PATH="$PWD/node_modules/.bin:$PATH"
node scripts/content-publish.ts --local
node scripts/consent-setup.ts
# Both Workers in one session: the site (first: it gets the port) and the compliance Worker behind its ADMIN binding.
exec wrangler dev -c wrangler.toml -c wrangler.admin.toml --port "${PORT:-8787}" --ip 127.0.0.1
