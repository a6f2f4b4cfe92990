#!/usr/bin/env bash
# The suite under sanitizers: the unit tests and the integration tests (the real driver through the
# unixODBC driver manager, over HTTPS to the sandbox), built with -DMONDAY_ODBC_SANITIZE in a build
# directory of their own. Any finding fails the run.
#   address,undefined (default): AddressSanitizer with LeakSanitizer, and UndefinedBehaviorSanitizer
#   thread: ThreadSanitizer, over the tests that run threads (give ctest arguments to widen it)
# The client tests (isql, Python, Perl, PHP, Node) are left out: those programs are not built with
# the sanitizer runtime, which has to be the first library a process loads.
# Usage: tests/sanitize.sh [address,undefined|thread] [extra ctest arguments]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kind=${1:-address,undefined}
shift || true
build=${MONDAY_SANITIZE_BUILD_DIR:-$root/build-${kind//,/-}}

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMONDAY_ODBC_BUILD_TESTS=ON \
  -DMONDAY_ODBC_SANITIZE="$kind" >/dev/null
cmake --build "$build" -j"${MONDAY_BUILD_JOBS:-$(nproc)}" --target mondayodbc unit_tests odbc_integration_tests

suppressions=$root/tests/sanitizers
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1:strict_init_order=1"
export LSAN_OPTIONS="suppressions=$suppressions/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$suppressions/ubsan.supp"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$suppressions/tsan.supp"

cd "$build"
if [[ $kind == thread ]]; then
  selection=(-R "Concurrency|Threads|Cancel|ResponseCache|Budget|sandbox_")
else
  selection=(-L "unit|integration" -LE docs)  # docs_up_to_date checks text, not the driver
fi
# Serial on purpose, as in tests/run.sh: integration tests count the sandbox's requests.
ctest --output-on-failure --no-tests=error --timeout 900 "${selection[@]}" "$@"
