#pragma once
// Small RapidJSON helpers every layer needs (the API client, the tables, the procedures).

#include <cstdint>
#include <optional>
#include <string>

#include <rapidjson/document.h>

namespace monday {

// Compact JSON text of a value.
std::string jsonText(const rapidjson::Value& value);

// An integer from a JSON number or a string of digits (monday sends ids as strings); nullopt for
// anything else.
std::optional<std::int64_t> jsonInteger(const rapidjson::Value& value);

}  // namespace monday
