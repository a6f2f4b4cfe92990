#!/usr/bin/env bash
# The .deb end to end: build it with CPack, install it with dpkg, check that it registered the
# driver "monday" with the system's unixODBC, query the sandbox with isql through the installed
# driver, remove it, and check that the registration and the files are gone.
#   deb_test.sh BUILD_DIR   (run by ctest as package_deb, with the sandbox fixture)
# Needs root (dpkg). Leaves the machine as it found it: the package is removed and the system
# odbcinst.ini restored on every exit, and a machine that already has the package is not touched.
set -euo pipefail
build_dir=${1:?build directory}
run_dir=${MONDAY_TEST_RUN_DIR:?run through ctest}
package=monday-odbc
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }

[[ $(id -u) -eq 0 ]] || skip "installing a .deb needs root"
command -v dpkg >/dev/null && command -v cpack >/dev/null || skip "needs dpkg and cpack"
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
  skip "$package is already installed on this machine; not touching it"
fi

# The ctest environment points unixODBC at the build tree's odbcinst.ini; this test is about the
# system's, so dpkg's maintainer scripts and every check below must see the real one.
unset ODBCSYSINI ODBCINSTINI ODBCINI
system_ini=$(odbcinst -j | sed -n 's/^DRIVERS[. ]*: *//p')
[[ -n "$system_ini" ]] || fail "odbcinst -j names no DRIVERS file"

work=$(mktemp -d)
had_ini=0
if [[ -f "$system_ini" ]]; then cp -p "$system_ini" "$work/odbcinst.ini.saved"; had_ini=1; fi
cleanup() {
  if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "installed"; then
    dpkg -r "$package" >/dev/null 2>&1 || dpkg --purge --force-all "$package" >/dev/null 2>&1 || true
  fi
  if ((had_ini)); then cp -p "$work/odbcinst.ini.saved" "$system_ini"; else rm -f "$system_ini"; fi
  rm -rf "$work"
}
trap cleanup EXIT

# 1. Build the package from this build directory.
(cd "$build_dir" && cpack -G DEB -B "$work/package" >"$work/cpack.log" 2>&1) || {
  cat "$work/cpack.log" >&2
  fail "cpack -G DEB failed"
}
deb=$(ls "$work"/package/*.deb 2>/dev/null | head -1)
[[ -n "$deb" ]] || fail "cpack made no .deb"
depends=$(dpkg-deb -f "$deb" Depends)
depends_names=$(echo "$depends" | tr ',|' '\n\n' | awk '{print $1}')
for needed in odbcinst libodbc2 libodbcinst2 libcurl4 libssl3 libsqlite3-0; do
  grep -qx "$needed" <<<"$depends_names" || fail "Depends lacks $needed: $depends"
done
# One listing, read from a variable: grep -q on dpkg-deb's pipe would kill it mid-write (pipefail).
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
library=$(grep -E '^\./usr/lib/[^/]+/odbc/libmondayodbc\.so$' <<<"$contents" | head -1 || true)
[[ -n "$library" ]] || fail "no usr/lib/<multiarch>/odbc/libmondayodbc.so in the package: $contents"
library=${library#.}
for doc in README.md tables.md procedures.md odbc-conformance.md; do
  grep -qx "\./usr/share/doc/$package/$doc" <<<"$contents" || fail "the package lacks /usr/share/doc/$package/$doc"
done

# 2. Install: the driver is registered system-wide and points at the installed library.
dpkg -i "$deb" >"$work/dpkg-install.log" 2>&1 || { cat "$work/dpkg-install.log" >&2; fail "dpkg -i failed"; }
odbcinst -q -d | grep -qx '\[monday\]' || fail "odbcinst -q -d does not list [monday] after dpkg -i"
registered=$(odbcinst -q -d -n monday | sed -n 's/^Driver *= *//p')
[[ "$registered" == "$library" ]] || fail "registered Driver=$registered, want $library"
[[ -f "$library" ]] || fail "$library is not installed"
grep -q "^Driver=$library\$" /usr/share/$package/odbcinst.ini.template || fail "odbcinst.ini.template does not name $library"

# 3. isql through the installed driver: a DSN of our own, Driver = the registered name.
url=$(cat "$run_dir/url")
cat >"$work/odbc.ini" <<INI
[deb-sandbox]
Driver=monday
APIURL=$url/v2
SSLServerCert=$run_dir/ca.pem
APIToken=sandbox-admin-token
INI
out=$(printf 'SELECT id, name FROM Boards ORDER BY id\n' | ODBCINI="$work/odbc.ini" isql deb-sandbox -b -d'|' -x0x7c 2>&1) ||
  fail "isql through the installed driver failed: $out"
want=$(/usr/bin/python3 - "$run_dir/dataset.json" <<'PY'
import json, sys
boards = sorted(json.load(open(sys.argv[1]))["boards"], key=lambda b: int(b["id"]))
print("\n".join(f'{b["id"]}|{b["name"]}' for b in boards))
PY
)
[[ "$out" == "$want" ]] || fail "boards through the installed driver differ:
--- got
$out
--- want
$want"

# 4. Remove: unregistered, files gone.
dpkg -r "$package" >"$work/dpkg-remove.log" 2>&1 || { cat "$work/dpkg-remove.log" >&2; fail "dpkg -r failed"; }
if odbcinst -q -d 2>/dev/null | grep -qx '\[monday\]'; then fail "[monday] is still registered after dpkg -r"; fi
for path in "$library" "$(dirname "$library")/libmondayodbc.so.0" /usr/share/doc/$package /usr/share/$package; do
  [[ ! -e "$path" ]] || fail "$path is still there after dpkg -r"
done
echo "PASS: $package built, installed ($library), queried with isql, removed"
