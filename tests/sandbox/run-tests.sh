#!/usr/bin/env bash
# Runs the sandbox's own tests (node's built-in test runner, no extra packages).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -f "$here/node_modules/graphql/package.json" ]; then
  (cd "$here" && { npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; })
fi
cd "$here"
exec node --test --test-concurrency=2 test/*.test.mjs
