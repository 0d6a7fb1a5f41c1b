#!/bin/sh
# npm test [-- FILES…]: installs what is missing (the project; the test tools of tests/tools; Chromium and Java when
# the chosen tests need them, from Debian where this process may), checks the generated binding types, type-checks,
# formats-checks, then runs the tests: every tier, or the files given. `--typecheck-only` (npm run typecheck) stops after tsc.
set -e
cd "$(dirname "$0")/.."
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
elif [ ! -x node_modules/.bin/vitest ] || [ ! -x node_modules/.bin/node ]; then
  npm install --no-audit --no-fund
fi
# npm scripts run on the Node 22 of the `node` dev dependency, whatever Node is on the machine.
export PATH="$PWD/node_modules/.bin:$PATH"
if [ "$1" = "--typecheck-only" ]; then
  node tests/tools/ensure.ts
else
  node tests/tools/ensure.ts --tests "$@"
fi
# The same types with or without a .dev.vars: they are generated from .dev.vars.example (npm run cf-typegen).
if ! out=$(WRANGLER_SEND_METRICS=false wrangler types --check --env-file .dev.vars.example 2>&1); then
  printf '%s\n' "$out" >&2
  echo "worker-configuration.d.ts is out of date with wrangler.toml: run npm run cf-typegen and commit it." >&2
  exit 1
fi
# Format (Biome, 100 columns) and import cycles, one config: biome.json. `npm run format` rewrites the tree.
if ! biome ci --reporter=summary . >/dev/null 2>&1; then
  biome ci . >&2 || true
  echo "Unformatted files or an import cycle (above): run npm run format, and break the cycle." >&2
  exit 1
fi
tsc -p tsconfig.json
[ "$1" = "--typecheck-only" ] && exit 0
exec vitest run "$@"
