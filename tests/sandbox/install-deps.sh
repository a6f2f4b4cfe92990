#!/usr/bin/env bash
# Installs the sandbox's npm dependencies (from package-lock.json) when they are missing, as its
# own step: a registry problem then reads as one, not as a sandbox that never became ready.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -f "$here/node_modules/graphql/package.json" ]; then
  cd "$here"
  npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error
fi
