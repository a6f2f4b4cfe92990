#!/usr/bin/env bash
# Runs node_odbc_test.js; the odbc addon comes from install-deps.sh (tests/run.sh calls it), and a
# missing addon is a failure that says so, not a skip.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
if ! node -e 'require("odbc")' 2>/dev/null; then
  echo "FAIL: the Node.js odbc package is not installed; run $here/install-deps.sh (tests/run.sh does)" >&2
  exit 1
fi
exec node node_odbc_test.js
