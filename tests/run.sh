#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: unit, driver-manager integration against
# the monday sandbox, ODBC clients (isql/iusql, pyodbc/pandas, Perl DBI, PHP, Node.js), the .deb
# package, generated-docs drift, sandbox self-tests; then, where clang is installed, a short run of
# every fuzz target (tests/fuzz/run.sh, MONDAY_FUZZ_SECONDS each, default 15; 0 skips it).
# Exit status is non-zero on any failure.
# Usage: tests/run.sh [extra ctest arguments]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${MONDAY_BUILD_DIR:-$root/build}

"$root/installer/install-deps.sh"
"$root/tests/sandbox/install-deps.sh"
"$root/tests/clients/node/install-deps.sh"  # the Node.js odbc addon for the client tests
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMONDAY_ODBC_BUILD_TESTS=ON
cmake --build "$build" -j"$(nproc)"
# Serial on purpose: integration tests count the sandbox's requests, which parallel tests would blur.
cd "$build"
ctest --output-on-failure --no-tests=error --timeout 600 "$@"

# In CI, the unit and integration tests again under AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer (README "Reliability"). MONDAY_SANITIZE=1 asks for it anywhere,
# MONDAY_SANITIZE=0 skips it.
if [[ ${MONDAY_SANITIZE:-${CI:-false}} =~ ^(1|true)$ ]]; then
  "$root/tests/sanitize.sh" address,undefined
fi

# A short run of every fuzz target (tests/fuzz/, README "Fuzzing") when clang is installed;
# MONDAY_FUZZ_SECONDS=0 skips it.
fuzz_seconds=${MONDAY_FUZZ_SECONDS:-15}
if ((fuzz_seconds > 0)) && command -v clang++ >/dev/null 2>&1; then
  MONDAY_FUZZ_JOBS=${MONDAY_FUZZ_JOBS:-$(nproc)} "$root/tests/fuzz/run.sh" "$fuzz_seconds"
fi
