#!/usr/bin/env bash
# Installs what building, testing and running the driver need on Debian 12, and nothing that is
# already there. Used by installer/quickstart.sh and tests/run.sh; safe to run again.
set -euo pipefail

packages=(
  g++ cmake make pkg-config                      # build
  unixodbc unixodbc-dev odbcinst                 # driver manager, headers, isql/iusql, odbcinst
  libcurl4-openssl-dev libssl-dev rapidjson-dev libsqlite3-dev
  libgtest-dev libgmock-dev                      # unit and integration tests
  clang libclang-rt-14-dev                       # fuzz targets (libFuzzer, ASan, UBSan): tests only
  openssl ca-certificates curl                   # the sandbox makes its own certificates
  python3 python3-pyodbc python3-pytest python3-pandas  # client tests (Debian's python3)
  libdbd-odbc-perl php-cli php-odbc              # Perl DBI and PHP client tests
  iodbc                                          # iodbctest: the driver under iODBC's manager
  chromium                                       # the desktop OAuth test (headless, tests/browser)
  dpkg-dev file                                  # cpack -G DEB: dpkg-shlibdeps finds the .deb's dependencies
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

# The Node client test compiles the `odbc` addon against Node's headers. Debian's nodejs keeps
# them in libnode-dev (other builds of node, e.g. NodeSource's, ship them with node itself).
if [[ ! -f /usr/include/node/node_api.h ]] && dpkg-query -W -f='${Version}' nodejs 2>/dev/null | grep -qv nodesource; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing package: libnode-dev (run as root, or: sudo apt-get install libnode-dev)" >&2
    exit 1
  fi
  echo "Installing: libnode-dev node-gyp"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends libnode-dev node-gyp >/dev/null
fi
