#!/bin/sh
# npm run bench / npm run lighthouse: install what is missing (the project, the test tools of tests/tools, and for
# Lighthouse a Chromium), then run the given script under the project's Node 22.
set -e
cd "$(dirname "$0")/.."
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
elif [ ! -x node_modules/.bin/node ]; then
  npm install --no-audit --no-fund
fi
export PATH="$PWD/node_modules/.bin:$PATH"
case "$1" in
  *lighthouse*) node tests/tools/ensure.ts --system chromium ;;
  *) node tests/tools/ensure.ts ;;
esac
exec node "$@"
