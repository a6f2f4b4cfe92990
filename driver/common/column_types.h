#pragma once
// monday's ColumnType enum (API 2026-10), in one place: checked before a value becomes a
// `ColumnType!` variable, so a typo is a clear SQL error and nothing is sent, instead of a
// GraphQL validation error about a variable.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace monday {

std::span<const std::string_view> mondayColumnTypes();

// The enum value `given` names, compared without regard to case; nullopt when it names none.
std::optional<std::string> mondayColumnType(std::string_view given);

}  // namespace monday
