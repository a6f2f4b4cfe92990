#!/usr/bin/env bash
# isql (unixODBC's command-line client) against the sandbox DSN: connect, list tables, describe,
# select and join; values are compared with the sandbox's seeded data.
set -euo pipefail
run_dir=${MONDAY_TEST_RUN_DIR:?run through ctest}
fail() { echo "FAIL: $*" >&2; exit 1; }

run_isql() {  # run_isql DSN SQL → rows as 'a|b|c', no headers
  printf '%s\n' "$2" | isql "$1" -b -d'|' -x0x7c 2>&1
}

# 1. Connect and a plain query.
out=$(run_isql monday-sandbox "SELECT COUNT(*) FROM Workspaces")
expected=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["workspaces"]))' "$run_dir/dataset.json")
[[ "$(echo "$out" | tr -d '[:space:]')" == "$expected" ]] || fail "workspace count: got '$out', want $expected"

# 2. Boards by id: names exactly as seeded (including non-ASCII ones).
out=$(run_isql monday-sandbox "SELECT id, name FROM Boards ORDER BY id")
want=$(python3 - "$run_dir/dataset.json" <<'PY'
import json, sys
boards = sorted(json.load(open(sys.argv[1]))["boards"], key=lambda b: int(b["id"]))
print("\n".join(f'{b["id"]}|{b["name"]}' for b in boards))
PY
)
[[ "$out" == "$want" ]] || fail "boards differ:
--- got
$out
--- want
$want"

# 3. The README's join: items per board.
out=$(run_isql monday-sandbox "SELECT b.name, COUNT(*) FROM Items i JOIN Boards b ON b.id = i.board_id GROUP BY b.name ORDER BY b.name" | sort)
want=$(python3 - "$run_dir/dataset.json" <<'PY'
import json, sys, collections
counts = collections.Counter()
for b in json.load(open(sys.argv[1]))["boards"]:
    n = sum(1 for i in b["items"] if i["state"] == "active")
    if n:
        counts[b["name"]] += n
print("\n".join(sorted(f"{name}|{n}" for name, n in counts.items())))
PY
)
[[ "$out" == "$want" ]] || fail "join counts differ:
--- got
$out
--- want
$want"

# 4. Table list and column description (isql's 'help' uses SQLTables / SQLColumns).
out=$(run_isql monday-sandbox "help")
for table in Boards Columns Groups Items Users Workspaces; do
  grep -q "|$table|" <<<"$out" || fail "help does not list $table: $out"
done
out=$(run_isql monday-sandbox "help Items")
for column in id name board_id group_id created_at; do
  grep -q "|$column|" <<<"$out" || fail "help Items does not describe $column: $out"
done

# 5. A wrong token: isql reports the driver's 28000 diagnostic.
if out=$(printf 'SELECT 1\n' | isql -v monday-sandbox-revoked -b 2>&1); then fail "revoked token connected"; fi
grep -q "28000" <<<"$out" || fail "no 28000 for a revoked token: $out"
grep -q "sandbox-revoked-token" <<<"$out" && fail "the token was echoed: $out"

# 6. iusql (the Unicode client) reads the same rows through the W entry points. iusql prints each
#    UTF-16 code unit as its low byte, so that is what a correct round trip looks like.
python3 - "$run_dir/dataset.json" <<'PY' || fail "iusql output differs"
import json, subprocess, sys
boards = sorted(json.load(open(sys.argv[1]))["boards"], key=lambda b: int(b["id"]))
got = subprocess.run(["iusql", "monday-sandbox", "-b", "-d|", "-x0x7c"], input=b"SELECT name FROM Boards ORDER BY id\n",
                     capture_output=True).stdout
want = b"".join(bytes(u & 0xFF for u in memoryview(b["name"].encode("utf-16-le")).cast("H")) + b"\n" for b in boards)
if got != want:
    print("got:", got, "\nwant:", want, file=sys.stderr)
    sys.exit(1)
PY

echo "isql client test passed"
