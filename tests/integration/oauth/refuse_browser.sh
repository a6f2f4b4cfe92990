#!/usr/bin/env bash
# A BROWSER command for tests that must not open a browser: records that it was asked, fails.
[[ -n "${FAKE_BROWSER_MARKER:-}" ]] && touch "$FAKE_BROWSER_MARKER"
exit 1
