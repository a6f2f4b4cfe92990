#pragma once
// ODBC escape sequences -> SQLite SQL: {d '...'}, {t '...'}, {ts '...'}, {fn f(...)}, {oj ...},
// {escape 'c'}. BI tools emit {fn} calls according to the *_FUNCTIONS bitmasks SQLGetInfo reports,
// so those masks (escapeFunctionMasks) are computed from the same table that translates them.
// {call ...} is left untouched for the procedure layer.

#include <sql.h>
#include <sqlext.h>

#include <string>
#include <string_view>

namespace monday::convert {

// Rewrites every escape outside string literals, quoted identifiers and comments. Throws
// monday::Error 42000 for an unterminated escape or literal.
std::string rewriteEscapes(std::string_view sql);

struct EscapeFunctionMasks {
  SQLUINTEGER string_functions = 0;
  SQLUINTEGER numeric_functions = 0;
  SQLUINTEGER timedate_functions = 0;
  SQLUINTEGER system_functions = 0;
  SQLUINTEGER convert_functions = 0;
};
const EscapeFunctionMasks& escapeFunctionMasks();

}  // namespace monday::convert
