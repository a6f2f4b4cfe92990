#!/usr/bin/env bash
# iODBC's iodbctest against the sandbox DSN: the same libmondayodbc.so that unixODBC loads, under
# iODBC's driver manager, whose wide characters are UTF-32 (driver/convert/wide.h). iodbctest has
# the driver manager linked in and calls the driver's W functions; rows are compared with the
# sandbox's seeded data, non-ASCII names included.
set -euo pipefail
run_dir=${MONDAY_TEST_RUN_DIR:?run through ctest}
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v iodbctest >/dev/null || fail "iodbctest is missing: installer/install-deps.sh installs Debian's iodbc"

# iODBC reads its configuration from ODBCINI / ODBCINSTINI (unixODBC's ODBCSYSINI is not used).
export ODBCINI="$run_dir/odbc.ini" ODBCINSTINI="$run_dir/odbcinst.ini"

run_iodbctest() {  # run_iodbctest SQL... → iodbctest's output (rows as 'a  |b  ')
  { printf '%s\n' "$@"; echo quit; } | iodbctest "DSN=monday-sandbox" 2>&1
}
rows() {  # the data rows of one result: 'a|b' with the padding removed
  awk '/^-+/ {on=1; next} on && NF == 0 {exit} on' | sed -E 's/ +\|/|/g; s/ +$//'
}

# 1. Boards by id, names exactly as seeded (one of them is "Équipe Café ☕").
out=$(run_iodbctest "SELECT id, name FROM Boards ORDER BY id")
got=$(rows <<<"$out")
want=$(/usr/bin/python3 - "$run_dir/dataset.json" <<'PY'
import json, sys
boards = sorted(json.load(open(sys.argv[1]))["boards"], key=lambda b: int(b["id"]))
print("\n".join(f'{b["id"]}|{b["name"]}' for b in boards))
PY
)
[[ "$got" == "$want" ]] || fail "boards differ under iODBC:
--- got
$got
--- want
$want
--- iodbctest said
$out"

# 2. A filter with a non-ASCII literal travels through the W functions intact.
name=$(/usr/bin/python3 - "$run_dir/dataset.json" <<'PY'
import json, sys
names = [u["name"] for u in json.load(open(sys.argv[1]))["users"] if any(ord(c) > 127 for c in u["name"])]
print(sorted(names)[0])
PY
)
out=$(run_iodbctest "SELECT name FROM Users WHERE name = '$name'")
[[ "$(rows <<<"$out")" == "$name" ]] || fail "user '$name' not found under iODBC: $out"

# 3. An unknown table is a clear 42S02, not garbage.
out=$(run_iodbctest "SELECT * FROM NoSuchTable")
grep -q "42S02" <<<"$out" || fail "no 42S02 for an unknown table: $out"
grep -q "NoSuchTable" <<<"$out" || fail "the message does not name the table: $out"
echo "PASS: iodbctest listed boards and users and reported 42S02 through iODBC"
