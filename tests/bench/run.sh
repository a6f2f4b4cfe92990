#!/usr/bin/env bash
# Benchmarks against the large sandbox (one board of 100,000 items, 1,000 boards). Each figure is
# reported beside a baseline measured in the same run, so results compare across machines:
#   full scan of the 100k board: the driver (SQL through unixODBC) vs. paging the API directly;
#   listing every board: requests and time.
# Usage: tests/bench/run.sh [BUILD_DIR]   (builds scan_bench if needed; prints a JSON summary)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build}
cmake --build "$build" --target scan_bench mondayodbc >/dev/null
work=$(mktemp -d)
trap '"$root/tests/integration/sandbox_fixture.sh" stop "$work"; rm -rf "$work"' EXIT
MONDAY_SANDBOX_ARGS="--scale large --complexity-budget 1000000000" \
  "$root/tests/integration/sandbox_fixture.sh" start "$work" "$build/driver/libmondayodbc.so" >&2
export ODBCSYSINI=$work ODBCINSTINI=odbcinst.ini ODBCINI=$work/odbc.ini
url=$(cat "$work/url")
board=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(max(s["boards"], key=lambda b: b["active_items"])["id"])' "$work/dataset-summary.json")
cs="Driver=monday;APIURL=$url/v2;SSLServerCert=$work/ca.pem;APIToken=sandbox-admin-token"
requests() { wc -l <"$work/requests.jsonl"; }

before=$(requests)
baseline=$(NODE_EXTRA_CA_CERTS=$work/ca.pem node "$root/tests/bench/raw_scan.mjs" "$url" sandbox-admin-token "$board")
mid=$(requests)
driver=$("$build/tests/scan_bench" "$cs" "SELECT * FROM Items WHERE board_id = $board")
after=$(requests)
boards=$("$build/tests/scan_bench" "$cs" "SELECT COUNT(*) FROM Boards")
end=$(requests)

python3 - "$baseline" "$driver" "$boards" "$((mid - before))" "$((after - mid - 1))" "$((end - after - 1))" <<'PY'
import json, sys
baseline, driver, boards = (json.loads(x) for x in sys.argv[1:4])
base_requests, driver_requests, board_requests = (int(x) for x in sys.argv[4:7])
print(json.dumps({
    "full_scan_100k_items": {
        "rows": driver["rows"], "requests": driver_requests, "seconds": driver["seconds"],
        "peak_rss_mb": round(driver["peak_rss_kb"] / 1024, 1),
        "rss_growth_during_scan_mb": round((driver["peak_rss_kb"] - driver["rss_after_connect_kb"]) / 1024, 1),
        "baseline_direct_api": {"rows": baseline["rows"], "requests": base_requests, "seconds": baseline["seconds"]},
        "time_ratio_driver_vs_direct_api": round(driver["seconds"] / baseline["seconds"], 2),
    },
    "list_1000_boards": {"requests": board_requests, "seconds": boards["seconds"]},
}, indent=2))
PY
