#include "driver/common/json.h"

#include <charconv>

#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "driver/common/numbers.h"

namespace monday {

namespace {

// Nesting depth of the brackets outside strings, stopping as soon as it exceeds `limit`. Invalid
// text is left for the parser to reject.
bool nestsWithin(std::string_view text, int limit) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

}  // namespace

bool parseJson(std::string_view text, rapidjson::Document& out, std::string* problem) {
  out.SetNull();
  if (text.empty()) {
    if (problem) *problem = "no text";
    return false;
  }
  if (!nestsWithin(text, kMaxJsonDepth)) {
    if (problem) *problem = "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    return false;
  }
  out.Parse(text.data(), text.size());
  if (out.HasParseError()) {
    if (problem) {
      *problem = std::string(rapidjson::GetParseError_En(out.GetParseError())) + " at offset " +
                 std::to_string(out.GetErrorOffset());
    }
    out.SetNull();
    return false;
  }
  return true;
}

std::string jsonText(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<std::int64_t> jsonInteger(const rapidjson::Value& value) {
  if (value.IsInt64()) return value.GetInt64();
  if (value.IsNumber()) return clampedInteger(value.GetDouble());
  if (value.IsString()) {
    std::int64_t parsed = 0;
    const char* begin = value.GetString();
    const char* end = begin + value.GetStringLength();
    auto [stop, ec] = std::from_chars(begin, end, parsed);
    if (ec == std::errc() && stop == end) return parsed;
  }
  return std::nullopt;
}

const rapidjson::Value* jsonMember(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

std::string jsonMemberText(const rapidjson::Value& object, const char* name) {
  const rapidjson::Value* member = jsonMember(object, name);
  if (!member) return {};
  if (member->IsString()) return std::string(member->GetString(), member->GetStringLength());
  if (member->IsInt64()) return std::to_string(member->GetInt64());
  return {};
}

std::optional<std::int64_t> jsonMemberNumber(const rapidjson::Value& object, const char* name) {
  const rapidjson::Value* member = jsonMember(object, name);
  if (!member) return std::nullopt;
  if (member->IsInt64()) return member->GetInt64();
  if (member->IsNumber()) return clampedInteger(member->GetDouble());
  if (member->IsString()) return clampedDecimal(std::string_view(member->GetString(), member->GetStringLength()));
  return std::nullopt;
}

}  // namespace monday
