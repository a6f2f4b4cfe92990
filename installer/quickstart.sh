#!/usr/bin/env bash
# From a fresh Debian 12 machine (as root) to SQL over monday in one command: installs what is
# missing, builds and installs the driver, registers it as "monday", starts the local monday
# sandbox, writes a DSN "monday-sandbox" for it, and runs sample queries with isql.
# Running it again is safe: it rebuilds, re-registers and reuses a running sandbox.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${MONDAY_BUILD_DIR:-$root/build-release}
sandbox_port=${MONDAY_SANDBOX_PORT:-14443}
sandbox_dir=${MONDAY_SANDBOX_DIR:-$root/build-release/sandbox}
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

say "Installing missing packages"
"$root/installer/install-deps.sh"
"$root/tests/sandbox/install-deps.sh"

say "Building the driver"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DMONDAY_ODBC_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target mondayodbc >/dev/null
library=$(cmake --install "$build" | sed -n 's/^-- \(Installing\|Up-to-date\): \(.*libmondayodbc\.so\)$/\2/p' | head -1)
library=${library:-/usr/local/lib/odbc/libmondayodbc.so}

say "Registering the driver with unixODBC"
"$root/installer/register-driver.sh" "$library"

say "Starting the monday sandbox on port $sandbox_port"
mkdir -p "$sandbox_dir"
url="https://127.0.0.1:$sandbox_port"
if curl -fsS --cacert "$sandbox_dir/ca.pem" "$url/__sandbox/health" >/dev/null 2>&1; then
  echo "A sandbox is already running at $url; reusing it."
else
  nohup setsid "$root/tests/sandbox/start.sh" --port "$sandbox_port" --data "$sandbox_dir" \
    >"$sandbox_dir/sandbox.out" 2>"$sandbox_dir/sandbox.err" </dev/null &
  echo $! >"$sandbox_dir/pid"
  for _ in $(seq 1 1200); do
    grep -q '^READY ' "$sandbox_dir/sandbox.out" 2>/dev/null && break
    sleep 0.1
  done
  grep -q '^READY ' "$sandbox_dir/sandbox.out" || { cat "$sandbox_dir/sandbox.err" >&2; echo "The sandbox did not start." >&2; exit 1; }
  echo "Sandbox running at $url (request log: $sandbox_dir/requests.jsonl; stop it: kill \$(cat $sandbox_dir/pid))"
fi

say "Writing the DSN monday-sandbox"
template=$(mktemp)
cat >"$template" <<INI
[monday-sandbox]
Description=monday sandbox (local, fake data)
Driver=monday
APIURL=$url/v2
SSLServerCert=$sandbox_dir/ca.pem
APIToken=sandbox-admin-token
INI
odbcinst -u -s -l -n monday-sandbox >/dev/null 2>&1 || true
odbcinst -i -s -l -f "$template" >/dev/null
rm -f "$template"

run() {
  echo "SQL> $1"
  printf '%s\n' "$1" | isql monday-sandbox -b -c -d'|' -x0x7c
  echo
}
say "Sample queries with isql (isql -v monday-sandbox)"
run "SELECT id, name, board_kind, items_count FROM Boards WHERE state = 'active' ORDER BY name LIMIT 10"
run "SELECT b.name AS board, i.name AS item, i.group_title FROM Items i JOIN Boards b ON b.id = i.board_id ORDER BY b.name, i.id LIMIT 10"
run "SELECT b.name, COUNT(*) AS items FROM Items i JOIN Boards b ON b.id = i.board_id GROUP BY b.name ORDER BY items DESC"

cat <<'TXT'

Done. Try it yourself:   isql -v monday-sandbox

To use your own monday account, get an API token (monday: your avatar > Developers >
My access tokens) and either connect with a connection string:

  isql -v -k "Driver=monday;APIToken=<your token>"

or add a DSN to /etc/odbc.ini or ~/.odbc.ini:

  [my-monday]
  Driver=monday
  APIToken=<your token>

then:   isql -v my-monday
TXT
