#pragma once
// What BI tools send, rewritten into SQL the engine runs:
//  - ODBC escapes: {d '...'}, {t '...'}, {ts '...'}, {fn f(...)}, {oj ...} (nested joins
//    included), {escape 'c'}; {call ...} and {?= call ...} are left for the procedure layer.
//  - SQL-92 forms SQLite does not parse or means otherwise: EXTRACT(f FROM x), POSITION(a IN b),
//    TRIM([BOTH|LEADING|TRAILING] [c] FROM x), SUBSTRING(x FROM a [FOR b]), CHAR_LENGTH,
//    CHARACTER_LENGTH, OCTET_LENGTH, BIT_LENGTH, and CAST to DATE, TIME, TIMESTAMP, DECIMAL(p,s),
//    [VAR]CHAR(n) (SQLite's CAST AS DATE would make a number).
// Functions without a SQLite equivalent become odbc_* functions the engine registers
// (driver/engine/odbc_functions.h). The *_FUNCTIONS bitmasks SQLGetInfo reports come from the
// same table that translates them, so nothing is advertised that is not translated.

#include <sql.h>
#include <sqlext.h>

#include <string>
#include <string_view>
#include <vector>

namespace monday::convert {

// Rewrites the statement; text inside string literals, quoted identifiers and comments is left
// alone. Throws monday::Error 42000 for an unterminated escape, literal or comment, an unknown
// escape, or nesting deeper than 64 levels.
std::string rewriteEscapes(std::string_view sql);

struct EscapeFunctionMasks {
  SQLUINTEGER string_functions = 0;
  SQLUINTEGER numeric_functions = 0;
  SQLUINTEGER timedate_functions = 0;
  SQLUINTEGER system_functions = 0;
  SQLUINTEGER convert_functions = 0;
};
const EscapeFunctionMasks& escapeFunctionMasks();

// Every {fn} function translated, for the generated reference: its ODBC name and family
// ("string", "numeric", "time/date", "system", "conversion").
struct EscapeFunctionInfo {
  std::string_view name;
  std::string_view family;
  int min_args;
  int max_args;
};
std::vector<EscapeFunctionInfo> escapeFunctions();

}  // namespace monday::convert
