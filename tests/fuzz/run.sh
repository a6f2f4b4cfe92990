#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each one for a while on a copy of
# its seed corpus (tests/fuzz/corpus/<target>/; new inputs never land in the repository).
# Prints how many inputs each target ran; exits non-zero when any target finds a crash, a leak,
# undefined behaviour, a timeout or a broken invariant, and says where the input that did it is.
# Usage: tests/fuzz/run.sh [SECONDS] [TARGET...]
#   SECONDS  per target (default 30)
#   TARGET   e.g. jwt url (default: every *_fuzz.cpp here)
# Environment: MONDAY_FUZZ_BUILD_DIR (default build-fuzz), MONDAY_FUZZ_JOBS (build jobs, default 2).
# Without clang++ it says so and exits 0: the fuzz smoke is optional where clang is not installed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${MONDAY_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${1:-30}
(($#)) && shift
if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds < 1)); then
  echo "usage: tests/fuzz/run.sh [SECONDS] [TARGET...]" >&2
  exit 2
fi

if ! command -v clang++ >/dev/null 2>&1 || ! command -v clang >/dev/null 2>&1; then
  echo "fuzz: skipped, clang is not installed (Debian: apt-get install clang libclang-rt-14-dev)."
  exit 0
fi

targets=("$@")
if ((${#targets[@]} == 0)); then
  for source in "$here"/*_fuzz.cpp; do
    name=$(basename "$source" _fuzz.cpp)
    targets+=("$name")
  done
fi
for target in "${targets[@]}"; do
  if [[ ! -f $here/${target}_fuzz.cpp ]]; then
    echo "fuzz: no target '$target' (tests/fuzz/${target}_fuzz.cpp)" >&2
    exit 2
  fi
done

# -O1 and line tables only: the build is part of every test run, and libFuzzer needs no more.
cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" \
  -DMONDAY_ODBC_FUZZ=ON -DMONDAY_ODBC_BUILD_TESTS=OFF >/dev/null
build_targets=()
for target in "${targets[@]}"; do build_targets+=(--target "fuzz_$target"); done
cmake --build "$build" "${build_targets[@]}" -j"${MONDAY_FUZZ_JOBS:-2}"

# Undefined behaviour stops the run; the only exception is the one in ubsan.supp, with its reason.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$here/ubsan.supp"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
artifacts=$build/fuzz-artifacts
failed=()
summary=()
for target in "${targets[@]}"; do
  corpus=$work/$target
  mkdir -p "$corpus" "$artifacts/$target"
  if [[ -d $here/corpus/$target ]]; then cp "$here/corpus/$target"/* "$corpus"/ 2>/dev/null || true; fi
  log=$work/$target.log
  echo "fuzz: $target for ${seconds}s"
  status=0
  "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$artifacts/$target/" "$corpus" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if ((status != 0)); then
    failed+=("$target")
    summary+=("$(printf '%-20s FAILED (exit %d; input kept in %s)' "$target" "$status" "$artifacts/$target")")
    tail -n 60 "$log" >&2
  else
    summary+=("$(printf '%-20s %12s executions in %ss' "$target" "${runs:-?}" "$seconds")")
  fi
done

echo "fuzz: summary"
printf '  %s\n' "${summary[@]}"
if ((${#failed[@]})); then
  echo "fuzz: FAILED: ${failed[*]}. Reproduce with: $build/tests/fuzz/fuzz_<target> <input>" >&2
  exit 1
fi
