#pragma once
// Values monday stores that their column's SQL type cannot hold: a date column holding
// '2027-02-30' (written by another tool or an old integration), a number column holding words.
// Such a cell reads as NULL with a warning instead of failing the application's fetch, so one
// bad value never breaks a whole result.

#include <optional>
#include <string>

#include "driver/common/data_type.h"
#include "driver/common/value.h"

namespace monday {

// The text of `value` when it is text that the SQL type `type` cannot hold; nullopt when it
// fits (or is not text: numbers and NULLs always fit their columns).
std::optional<std::string> unfitText(DataType type, const Value& value);

}  // namespace monday
