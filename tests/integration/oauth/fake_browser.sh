#!/usr/bin/env bash
# A BROWSER command standing in for a person (fast, no Chromium): opens monday's consent page,
# presses Approve (or Deny with FAKE_BROWSER_DECISION=deny) and follows the redirect to the
# driver's callback. Prints nothing: the redirect carries the authorization code.
#   Usage (by the driver): fake_browser.sh URL
set -euo pipefail
url=$1
ca=${MONDAY_TEST_RUN_DIR:?}/ca.pem
[[ -n "${FAKE_BROWSER_MARKER:-}" ]] && touch "$FAKE_BROWSER_MARKER"
page=$(curl -sS --cacert "$ca" "$url")
request_id=$(sed -n 's/.*name="request_id" value="\([^"]*\)".*/\1/p' <<<"$page")
[[ -n "$request_id" ]] || { echo "fake_browser: no consent form on the page" >&2; exit 1; }
location=$(curl -sS --cacert "$ca" -o /dev/null -w '%{redirect_url}' \
  --data "request_id=$request_id&decision=${FAKE_BROWSER_DECISION:-approve}" "${url%%/oauth2/authorize*}/oauth2/authorize")
curl -sS -o /dev/null "$location"
