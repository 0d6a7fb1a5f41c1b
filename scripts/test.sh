#!/bin/sh
# npm test: install what is missing, type-check, then run every test tier (workerd and Node/Chromium).
set -e
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/vitest ] || [ ! -x node_modules/.bin/node ]; then
  npm install --no-audit --no-fund
fi
export PATH="$PWD/node_modules/.bin:$PATH"
tsc -p tsconfig.json
exec vitest run "$@"
