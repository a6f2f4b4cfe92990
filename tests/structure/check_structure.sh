#!/usr/bin/env bash
# Fails on any source edge the design forbids (docs: ../README.md "Layout" and the design notes):
#  - includes point down the layers only: odbc → handles → engine / convert → procedures → schema
#    → client → auth → config → log → net → common;
#  - schema/ and procedures/ include no ODBC header; nothing from driver/client down knows SQLite;
#    nothing below driver/odbc names SQLWCHAR;
#  - a SQLSTATE is chosen only through the named constants of driver/common/error.h;
#  - every slot of a SQLite module is filled through cCallback(), which accepts only noexcept
#    functions (engine/c_boundary.h).
# Usage: check_structure.sh <source root>
set -uo pipefail
root=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
cd "$root" || exit 2
report=$(mktemp)
trap 'rm -f "$report"' EXIT

sources=$(find driver schema procedures -name '*.h' -o -name '*.cpp' | sort)
[ -n "$sources" ] || { echo "structure: no sources under $root"; exit 2; }

# One pass over every file (a subprocess per include would take most of a minute).
# shellcheck disable=SC2086
awk '
  function layer(path) {
    if (path ~ /^driver\/odbc\//) return 0
    if (path ~ /^driver\/handles\//) return 1
    if (path ~ /^driver\/(engine|convert)\//) return 2
    if (path ~ /^procedures\//) return 3
    if (path ~ /^schema\//) return 4
    if (path ~ /^driver\/client\//) return 5
    if (path ~ /^driver\/auth\//) return 6
    if (path ~ /^driver\/config\//) return 7
    if (path ~ /^driver\/log\//) return 8
    if (path ~ /^driver\/net\//) return 9
    if (path ~ /^driver\/common\//) return 10
    return -1
  }
  function unit(path,   parts) {  # same-unit includes are always fine
    split(path, parts, "/")
    return parts[1] == "driver" ? parts[1] "/" parts[2] : parts[1]
  }
  function fail(text) { print "structure: " FILENAME ":" FNR ": " text }
  /^[ \t]*\/\// { next }  # comment lines say what they like
  /^#include "/ {
    target = $0; sub(/^#include "/, "", target); sub(/".*/, "", target)
    from = layer(FILENAME); to = layer(target)
    if (from >= 0 && to >= 0 && unit(target) != unit(FILENAME) && to <= from)
      fail("includes " target ": includes must point down the layers")
  }
  FILENAME ~ /^(schema|procedures)\// && /^#include <(sql|sqlext|sqltypes|sqlucode|odbcinst)\.h>/ {
    fail("schema/ and procedures/ include no ODBC header")
  }
  FILENAME ~ /^driver\/(client|auth|net|log|common|config)\// && /^#include <sqlite3\.h>|sqlite3_/ {
    fail("uses SQLite: the layers from driver/client down know nothing of it")
  }
  FILENAME !~ /^driver\/odbc\// && /SQLWCHAR/ { fail("names SQLWCHAR: only driver/odbc knows it") }
  FILENAME !~ /^driver\/(common\/error\.h|handles\/diagnostics\.cpp)$/ &&
      /"(01|07|08|21|22|23|24|25|28|34|3C|3D|3F|40|42|44|HY|IM)[0-9A-Z][0-9A-Z][0-9A-Z]"/ {
    fail("a SQLSTATE literal; use the named constants of driver/common/error.h")
  }
  /[^A-Za-z_]module\.x[A-Za-z]+ = / && !/cCallback\(|= nullptr;/ {
    fail("fills a SQLite module slot without cCallback(): a callback that can throw would unwind into C")
  }
' $sources >>"$report"

if [ -s "$report" ]; then
  cat "$report"
  echo "structure: $(wc -l <"$report") violation(s)"
  exit 1
fi
echo "structure: $(echo "$sources" | wc -l) files follow the layering, SQLSTATE and C-boundary rules"
