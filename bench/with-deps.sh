#!/bin/sh
# npm run bench / npm run lighthouse: install what is missing, then run the given script under the project's Node 22.
set -e
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/autocannon ] || [ ! -x node_modules/.bin/lighthouse ] || [ ! -x node_modules/.bin/node ]; then
  npm install --no-audit --no-fund
fi
export PATH="$PWD/node_modules/.bin:$PATH"
exec node "$@"
