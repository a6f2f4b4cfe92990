#!/usr/bin/env bash
# Starts the monday API sandbox in the foreground. See README.md.
#   tests/sandbox/start.sh --port 8443 --data /tmp/sandbox [--scale small|large] ...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -f "$here/node_modules/graphql/package.json" ]; then
  # stdout is reserved for the READY line, so npm talks on stderr.
  (cd "$here" && { npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; }) 1>&2
fi
exec node "$here/src/main.mjs" "$@"
