#!/usr/bin/env bash
# Starts or stops the monday sandbox for a test run and writes the ODBC configuration the tests use:
#   sandbox_fixture.sh start RUN_DIR DRIVER_SO   → sandbox on a free port, RUN_DIR/{url,pid,odbcinst.ini,odbc.ini}
#   sandbox_fixture.sh stop RUN_DIR
# The driver and DSNs are registered only in RUN_DIR (ODBCSYSINI/ODBCINI point there), never system-wide.
set -euo pipefail

action=${1:?start|stop}
run_dir=${2:?run directory}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
sandbox_dir=$(cd "$here/../sandbox" && pwd)

stop() {
  if [[ -f "$run_dir/pid" ]]; then
    local pid
    pid=$(cat "$run_dir/pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$run_dir/pid"
  fi
}


case "$action" in
  stop)
    stop
    ;;
  start)
    driver_so=${3:?driver library}
    stop
    mkdir -p "$run_dir"
    rm -f "$run_dir/requests.jsonl" "$run_dir/url"
    port=0  # the sandbox binds a free port itself and prints it (no pick-then-bind race)
    # setsid: the sandbox must outlive this script (ctest runs it as a setup step).
    setsid "$sandbox_dir/start.sh" --port "$port" --data "$run_dir" ${MONDAY_SANDBOX_ARGS:-} \
      >"$run_dir/sandbox.out" 2>"$run_dir/sandbox.err" </dev/null &
    echo $! >"$run_dir/pid"
    for _ in $(seq 1 1200); do
      if grep -q '^READY ' "$run_dir/sandbox.out" 2>/dev/null; then break; fi
      if ! kill -0 "$(cat "$run_dir/pid")" 2>/dev/null; then
        echo "The sandbox exited before it was ready:" >&2
        cat "$run_dir/sandbox.err" >&2
        exit 1
      fi
      sleep 0.1
    done
    url=$(sed -n 's/^READY //p' "$run_dir/sandbox.out" | head -1)
    if [[ -z "$url" ]]; then
      echo "The sandbox did not print READY within 120 s:" >&2
      cat "$run_dir/sandbox.err" >&2
      exit 1
    fi
    echo "$url" >"$run_dir/url"
    cat >"$run_dir/odbcinst.ini" <<INI
[monday]
Description=monday.com ODBC driver (build tree)
Driver=$driver_so
Setup=
UsageCount=1
INI
    cat >"$run_dir/odbc.ini" <<INI
[monday-sandbox]
Description=monday sandbox (admin token)
Driver=monday
APIURL=$url/v2
SSLServerCert=$run_dir/ca.pem
APIToken=sandbox-admin-token

[monday-sandbox-member]
Description=monday sandbox (member token)
Driver=monday
APIURL=$url/v2
SSLServerCert=$run_dir/ca.pem
APIToken=sandbox-member-token

[monday-sandbox-revoked]
Description=monday sandbox with a token monday rejects
Driver=monday
APIURL=$url/v2
SSLServerCert=$run_dir/ca.pem
APIToken=sandbox-revoked-token

[monday-sandbox-oauth]
Description=monday sandbox, AuthScheme=OAuth (the new-flow app) without a token yet: for the OAuth procedures
Driver=monday
APIURL=$url/v2
SSLServerCert=$run_dir/ca.pem
AuthScheme=OAuth
AuthURL=$url
OAuthFlow=OAuth2.1
OAuthClientId=sandbox-oauth21-client-id
OAuthClientSecret=sandbox-oauth21-client-secret
InitiateOAuth=OFF
CallbackURL=http://127.0.0.1:33333/callback
INI
    echo "sandbox ready at $url (run dir $run_dir)"
    ;;
  *)
    echo "usage: $0 start RUN_DIR DRIVER_SO | stop RUN_DIR" >&2
    exit 2
    ;;
esac
