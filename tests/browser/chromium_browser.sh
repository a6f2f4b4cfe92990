#!/usr/bin/env bash
# A BROWSER command for the driver's desktop OAuth flow in tests: real headless Chromium approves
# monday's consent page (approve.mjs). Result JSON to $MONDAY_BROWSER_RESULT, screenshots to
# $MONDAY_BROWSER_SCREENSHOTS when set.   Usage (by the driver): chromium_browser.sh URL
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
  (cd "$here" && { npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; }) 1>&2
fi
exec node "$here/approve.mjs" "$1" "${MONDAY_BROWSER_RESULT:?set MONDAY_BROWSER_RESULT}" ${MONDAY_BROWSER_SCREENSHOTS:-}
