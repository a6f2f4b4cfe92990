#!/usr/bin/env bash
# Client CPU per row: the instructions (callgrind) that reading the rows costs — fetching every
# row and every column as text — for the same rows read through this driver (from the sandbox, every page fetched, TLS and
# JSON included) and through Debian's SQLite ODBC driver (from a SQLite file holding the same
# values, copied with pyodbc). Both through unixODBC, every column read as SQL_C_CHAR. Instructions,
# not seconds, so the figure repeats on any machine.
# Usage: tests/bench/cpu_per_row.sh [BUILD_DIR] [SQL]   (default: every column of every item)
# Needs valgrind, libsqliteodbc and python3-pyodbc (Debian packages); prints a JSON summary.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build}
sql=${2:-SELECT * FROM Items}
sqlite_driver=/usr/lib/x86_64-linux-gnu/odbc/libsqlite3odbc.so
for need in valgrind; do
  command -v "$need" >/dev/null || { echo "needs $need (apt-get install valgrind)" >&2; exit 2; }
done
[[ -e $sqlite_driver ]] || { echo "needs Debian's SQLite ODBC driver (apt-get install libsqliteodbc)" >&2; exit 2; }
cmake --build "$build" --target scan_bench mondayodbc >/dev/null
work=$(mktemp -d)
trap '"$root/tests/integration/sandbox_fixture.sh" stop "$work"; rm -rf "$work"' EXIT
"$root/tests/integration/sandbox_fixture.sh" start "$work" "$build/driver/libmondayodbc.so" >&2
export ODBCSYSINI=$work ODBCINSTINI=odbcinst.ini ODBCINI=$work/odbc.ini
url=$(cat "$work/url")
# One request at a time: the figure is the work per row, not how it is spread over threads.
cs="Driver=monday;APIURL=$url/v2;SSLServerCert=$work/ca.pem;APIToken=sandbox-admin-token;MaxConcurrentRequests=1"

# The same rows, as text, in a SQLite table.
/usr/bin/python3 - "$cs" "$sql" "$work/rows.db" <<'PY'
import sqlite3, sys
import pyodbc
source = pyodbc.connect(sys.argv[1], autocommit=True)
cursor = source.cursor()
cursor.execute(sys.argv[2])
names = [d[0] for d in cursor.description]
target = sqlite3.connect(sys.argv[3])
target.execute("CREATE TABLE t (" + ", ".join(f'"{n}" TEXT' for n in names) + ")")
marks = ", ".join("?" for _ in names)
rows = [tuple(None if v is None else str(v) for v in row) for row in cursor.fetchall()]
target.executemany(f"INSERT INTO t VALUES ({marks})", rows)
target.commit()
PY

# Instructions of a whole run (connect, execute, fetch every row, disconnect); the same statement
# with LIMIT 0 costs everything but the rows, so the difference is what the rows cost.
count() {
  local out=$work/callgrind.$1
  valgrind --tool=callgrind --callgrind-out-file="$out" "$build/tests/scan_bench" "$2" "$3" 2>/dev/null >"$work/$1.json"
  awk '/^(summary|totals):/ {print $2; exit}' "$out"
}
driver=$(( $(count driver "$cs" "$sql") - $(count driver-empty "$cs" "$sql LIMIT 0") ))
sqlite_cs="Driver=$sqlite_driver;Database=$work/rows.db"
sqlite=$(( $(count sqlite "$sqlite_cs" "SELECT * FROM t") - $(count sqlite-empty "$sqlite_cs" "SELECT * FROM t LIMIT 0") ))

python3 - "$driver" "$sqlite" "$work/driver.json" "$work/sqlite.json" <<'PY'
import json, sys
driver, sqlite = int(sys.argv[1]), int(sys.argv[2])
d, s = (json.load(open(p)) for p in sys.argv[3:5])
assert d["rows"] == s["rows"], (d["rows"], s["rows"])
print(json.dumps({
    "rows": d["rows"],
    "driver_instructions_per_row": round(driver / d["rows"]),
    "sqlite_odbc_instructions_per_row": round(sqlite / s["rows"]),
    "ratio_driver_vs_sqlite_odbc": round(driver / sqlite, 2),
}, indent=2))
PY
