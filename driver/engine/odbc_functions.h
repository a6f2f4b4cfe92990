#pragma once
// The SQL functions ODBC applications and BI tools call, registered on every connection's SQLite
// database under names with the `odbc_` prefix (ODBC's own names clash with SQLite keywords:
// LEFT, RIGHT, INSERT ...). driver/convert/escapes.cpp rewrites `{fn ...}` escapes and SQL-92
// forms (EXTRACT, POSITION, TRIM, SUBSTRING ... FROM, CAST to dates and decimals) into calls of
// these; the names are the contract between the two files. Semantics follow the ODBC 3.8
// reference's scalar-function appendix; timestamps are text 'YYYY-MM-DD HH:MM:SS[.fff]' in UTC,
// like every timestamp the driver returns.

#include <optional>
#include <string_view>

#include "driver/common/data_type.h"

struct sqlite3;

namespace monday::engine {

class SessionState;

// Registers every odbc_* function on `state.db`.
void registerOdbcFunctions(SessionState& state);

// The type of a value an odbc_* or SQLite built-in function returns, when its name says
// (COUNT → BIGINT, odbc_cast_date → DATE ...); nullopt when it depends on the arguments.
std::optional<DataType> functionResultType(std::string_view name);

}  // namespace monday::engine
