#pragma once
// SQLite declares no type for expressions (COUNT(*), CASE, literals), but BI tools describe columns
// right after SQLPrepare, before any row exists. This reads the SELECT list of the statement text
// and infers a type from each expression's shape: aggregates, CASTs, literals.

#include <optional>
#include <string_view>
#include <vector>

#include "driver/common/data_type.h"

namespace monday::engine {

// One entry per top-level expression of the outermost SELECT list; nullopt where the shape says
// nothing. Empty when the text is not a plain SELECT or the list cannot be read (e.g. `*`).
std::vector<std::optional<DataType>> inferSelectListTypes(std::string_view sql);

}  // namespace monday::engine
