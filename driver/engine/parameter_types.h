#pragma once
// SQLite gives parameter markers no type, but SQL does: `1 = ?` compares a number, `name = ?` a
// column's type, `INSERT INTO t (a) VALUES (?)` writes a's type, `LIMIT ?` takes a count. This
// reads the statement's tokens and names the type each `?` takes from what it is compared with,
// inserted into, or passed to. SQLDescribeParam reports it, and a text value bound where a
// number belongs is compared as a number (as SQL does), not as text.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "driver/common/data_type.h"
#include "driver/common/sql_lexer.h"

namespace monday::engine {

struct ParameterTypeLookup {
  // A column the statement reads or writes; `qualifier` is what was written before the dot
  // (a table name or an alias; "" when nothing was).
  std::function<std::optional<DataType>(std::string_view qualifier, std::string_view column)> column;
  // Columns of the table an INSERT writes, in order (for INSERT without a column list).
  std::function<std::vector<std::string>()> insert_target_columns;
  // The n-th (0-based) argument of a table-valued function (a procedure call).
  std::function<std::optional<DataType>(std::string_view function, std::size_t argument)> function_argument;
};

// One entry per parameter marker, in order; nullopt where the context says nothing.
std::vector<std::optional<DataType>> inferParameterTypes(const std::vector<sql::Token>& tokens,
                                                         const ParameterTypeLookup& lookup);

// True for the types a number is compared as.
bool isNumericType(DataType type);

}  // namespace monday::engine
