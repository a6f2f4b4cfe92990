#pragma once
// Small RapidJSON helpers every layer needs (the API client, the tables, the procedures).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

namespace monday {

// The deepest nesting accepted in JSON from outside (server answers, files, tokens, what a user
// typed). monday's answers nest about a dozen levels. RapidJSON's reader and writer recurse once
// per level, and a body of many '[' must not exhaust the stack of the process we are loaded into.
inline constexpr int kMaxJsonDepth = 128;

// Parses JSON from outside within kMaxJsonDepth. False when it is not JSON or nests deeper (`out`
// is then null, and `problem`, when given, says what is wrong); true with `out` holding the value.
bool parseJson(std::string_view text, rapidjson::Document& out, std::string* problem = nullptr);

// Compact JSON text of a value.
std::string jsonText(const rapidjson::Value& value);

// An integer from a JSON number or a string of digits (monday sends ids as strings); nullopt for
// anything else.
std::optional<std::int64_t> jsonInteger(const rapidjson::Value& value);

// Member `name` of `object`; nullptr when `object` is not an object or has no such member (a
// server's answer may have any shape, and RapidJSON asserts on FindMember of a non-object).
const rapidjson::Value* jsonMember(const rapidjson::Value& object, const char* name);

// The text of member `name`: a string as it is, an integer in decimal (monday sends ids as
// strings in one place and numbers in another); "" for anything else or no such member.
std::string jsonMemberText(const rapidjson::Value& object, const char* name);

// The whole number in member `name`: a JSON number (clamped, since it came from outside) or a
// decimal string; nullopt for anything else or no such member.
std::optional<std::int64_t> jsonMemberNumber(const rapidjson::Value& object, const char* name);

}  // namespace monday
