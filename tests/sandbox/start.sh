#!/usr/bin/env bash
# Starts the monday API sandbox in the foreground. See README.md.
#   tests/sandbox/start.sh --port 8443 --data /tmp/sandbox [--scale small|large] ...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# stdout is reserved for the READY line, so npm talks on stderr.
"$here/install-deps.sh" 1>&2
exec node "$here/src/main.mjs" "$@"
