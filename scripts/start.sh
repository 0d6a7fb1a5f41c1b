#!/bin/sh
# npm start: install what is missing, seed local KV from content/, then serve the site on $PORT (default 8787).
set -e
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/wrangler ] || [ ! -x node_modules/.bin/node ]; then
  npm install --no-audit --no-fund
fi
export PATH="$PWD/node_modules/.bin:$PATH"
node scripts/seed-local.ts
exec wrangler dev --port "${PORT:-8787}" --ip 127.0.0.1
