#!/usr/bin/env bash
# Installs the Node.js `odbc` package (from package-lock.json) for tests/clients/node/node_odbc_test.js
# when it is missing. The package is a native addon: it is compiled here against this machine's
# unixODBC headers (unixodbc-dev, g++, make from installer/install-deps.sh) and Node's own headers,
# rather than taking a prebuilt binary from GitHub, so it matches the driver manager the tests use.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
if node -e 'require("odbc")' 2>/dev/null; then
  exit 0
fi
export npm_config_build_from_source=true
# Debian's and NodeSource's node ship their headers under /usr/include/node; use them instead of
# letting node-gyp download a header tarball.
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node_api.h && "$(command -v node)" == /usr/bin/node ]]; then
  export npm_config_nodedir=/usr
fi
npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error
node -e 'require("odbc")'
