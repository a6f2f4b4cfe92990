#!/usr/bin/env bash
# Registers (or with --remove unregisters) the driver with unixODBC under the name "monday".
#   installer/register-driver.sh /path/to/libmondayodbc.so
#   installer/register-driver.sh --remove
set -euo pipefail
name=monday

if [[ "${1:-}" == "--remove" ]]; then
  odbcinst -u -d -n "$name" >/dev/null 2>&1 || true
  echo "Driver '$name' unregistered."
  exit 0
fi

library=${1:?path to libmondayodbc.so}
[[ -f "$library" ]] || { echo "No driver library at $library" >&2; exit 1; }
template=$(mktemp)
trap 'rm -f "$template"' EXIT
cat >"$template" <<INI
[$name]
Description=monday.com ODBC driver
Driver=$library
Setup=
INI
# Unregister first so running this twice leaves one clean entry (odbcinst -i would bump UsageCount).
odbcinst -u -d -n "$name" >/dev/null 2>&1 || true
odbcinst -i -d -f "$template" >/dev/null
echo "Driver '$name' registered: $library"
