#!/usr/bin/env bash
# Benchmarks against the large sandbox (one board of 100,000 items in 5 groups, 1,000 small
# boards), with monday-like latency added to every request. Each driver figure is reported beside a
# baseline measured in the same run, so results compare across machines:
#   full scan of the 100k board: the driver (SQL through unixODBC), one request at a time and with
#     MaxConcurrentRequests, vs. paging the API directly the plain way (one cursor chain) and the
#     fastest way it allows (the groups' chains side by side);
#   COUNT(*) of Items over 1,000 boards and a GROUP BY on the big board: pushed to monday
#     (items_count, aggregate) vs. read and aggregated locally;
#   listing every board.
# Usage: tests/bench/run.sh [--latency-ms N] [--parallel N] [BUILD_DIR]
#   --latency-ms  added to every API answer (default 300, about monday's for a 500-item page)
#   --parallel    MaxConcurrentRequests for the concurrent runs and the raw baseline (default 4)
# Prints a JSON summary. Takes a few minutes at the default latency.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
latency=300
parallel=4
build=$root/build
while (($#)); do
  case $1 in
    --latency-ms) latency=$2; shift 2 ;;
    --parallel) parallel=$2; shift 2 ;;
    *) build=$1; shift ;;
  esac
done
cmake --build "$build" --target scan_bench mondayodbc >/dev/null
work=$(mktemp -d)
trap '"$root/tests/integration/sandbox_fixture.sh" stop "$work"; rm -rf "$work"' EXIT
MONDAY_SANDBOX_ARGS="--scale large --complexity-budget 1000000000 --latency-ms $latency" \
  "$root/tests/integration/sandbox_fixture.sh" start "$work" "$build/driver/libmondayodbc.so" >&2
export ODBCSYSINI=$work ODBCINSTINI=odbcinst.ini ODBCINI=$work/odbc.ini
url=$(cat "$work/url")
read -r board board_name < <(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
b = max(s["boards"], key=lambda b: b["active_items"])
print(b["id"], b["name"])' "$work/dataset-summary.json")
cs="Driver=monday;APIURL=$url/v2;SSLServerCert=$work/ca.pem;APIToken=sandbox-admin-token"
bench() { echo "bench: $2" >&2; "$build/tests/scan_bench" "$cs;$1" "$2" ${3:-}; }
raw() { echo "bench: raw API, $1 chain(s) at once" >&2; NODE_EXTRA_CA_CERTS=$work/ca.pem node "$root/tests/bench/raw_scan.mjs" "$url" sandbox-admin-token "$board" "$1"; }
table="boards.\"$board_name\""

raw_plain=$(raw 1)
raw_groups=$(raw "$parallel")
scan_serial=$(bench "MaxConcurrentRequests=1" "SELECT * FROM $table")
scan_parallel=$(bench "MaxConcurrentRequests=$parallel" "SELECT * FROM $table")
items_scan=$(bench "MaxConcurrentRequests=$parallel" "SELECT * FROM Items WHERE board_id = $board")
# A slow consumer: 300 us of work per row (0.15 s per 500-item page), without and with read-ahead.
slow_serial=$(bench "MaxConcurrentRequests=1" "SELECT * FROM Items WHERE board_id = $board" 300)
slow_ahead=$(bench "MaxConcurrentRequests=$parallel" "SELECT * FROM Items WHERE board_id = $board" 300)
count_pushed=$(bench "MaxConcurrentRequests=$parallel" "SELECT COUNT(*) FROM Items")
count_local=$(bench "MaxConcurrentRequests=$parallel;AggregatePushdown=false" "SELECT COUNT(*) FROM Items")
group_pushed=$(bench "MaxConcurrentRequests=$parallel" "SELECT status, COUNT(*), SUM(amount) FROM $table GROUP BY 1")
group_local=$(bench "MaxConcurrentRequests=$parallel;AggregatePushdown=false" "SELECT status, COUNT(*), SUM(amount) FROM $table GROUP BY 1")
boards=$(bench "" "SELECT COUNT(*) FROM Boards")

python3 - "$latency" "$parallel" "$raw_plain" "$raw_groups" "$scan_serial" "$scan_parallel" "$items_scan" \
  "$count_pushed" "$count_local" "$group_pushed" "$group_local" "$boards" "$slow_serial" "$slow_ahead" <<'PY'
import json, sys
latency, parallel = int(sys.argv[1]), int(sys.argv[2])
raw_plain, raw_groups, serial, concurrent, items_scan, count_pushed, count_local, group_pushed, group_local, boards, \
    slow_serial, slow_ahead = (json.loads(x) for x in sys.argv[3:15])

def run(r):
    out = {k: r[k] for k in ("rows", "requests", "peak_in_flight", "complexity_points", "seconds") if k in r}
    if "peak_rss_kb" in r and "rss_after_connect_kb" in r:
        out["rss_growth_mb"] = round((r["peak_rss_kb"] - r["rss_after_connect_kb"]) / 1024, 1)
    return out

def ratio(a, b):
    return round(a["seconds"] / b["seconds"], 2) if b["seconds"] else None

print(json.dumps({
    "latency_ms_per_request": latency,
    "max_concurrent_requests": parallel,
    "full_scan_100k_items": {
        "baseline_api_one_chain": run(raw_plain),
        "baseline_api_groups_side_by_side": run(raw_groups),
        "driver_one_request_at_a_time": run(serial),
        "driver_concurrent": run(concurrent),
        "driver_items_where_board_id_read_ahead": run(items_scan),
        "time_ratio_driver_one_at_a_time_vs_api_one_chain": ratio(serial, raw_plain),
        "time_ratio_driver_concurrent_vs_api_groups_side_by_side": ratio(concurrent, raw_groups),
        "speedup_concurrent_vs_one_at_a_time": round(serial["seconds"] / concurrent["seconds"], 2),
    },
    "count_items_1012_boards": {
        "pushed_items_count": run(count_pushed),
        "read_and_counted_locally": run(count_local),
        "request_ratio_pushed_vs_local": round(count_pushed["requests"] / count_local["requests"], 3),
    },
    "group_by_status_on_100k_board": {
        "pushed_aggregate": run(group_pushed),
        "read_and_aggregated_locally": run(group_local),
        "same_groups": group_pushed["rows"] == group_local["rows"],
    },
    "slow_consumer_300us_per_row_100k_items": {
        "one_request_at_a_time": run(slow_serial),
        "next_page_fetched_while_rows_are_consumed": run(slow_ahead),
        "time_ratio_read_ahead_vs_none": ratio(slow_ahead, slow_serial),
    },
    "list_1000_boards": run(boards),
}, indent=2))
PY
