#!/usr/bin/env bash
# Installs what building, testing and running the driver need on Debian 12, and nothing that is
# already there. Used by installer/quickstart.sh and tests/run.sh; safe to run again.
set -euo pipefail

packages=(
  g++ cmake make pkg-config                      # build
  unixodbc unixodbc-dev odbcinst                 # driver manager, headers, isql/iusql, odbcinst
  libcurl4-openssl-dev libssl-dev rapidjson-dev libsqlite3-dev
  libgtest-dev libgmock-dev                      # unit and integration tests
  openssl ca-certificates curl                   # the sandbox makes its own certificates
  python3 python3-pyodbc python3-pytest python3-pandas  # client tests (Debian's python3)
  chromium                                       # the desktop OAuth test (headless, tests/browser)
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# Node.js (for the sandbox) may come from Debian or elsewhere; only install it when absent.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing packages: ${missing[*]}" >&2
    echo "Run as root (or install them with sudo apt-get install ${missing[*]})." >&2
    exit 1
  fi
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
