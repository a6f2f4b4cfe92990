#include "driver/common/json.h"

#include <charconv>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace monday {

std::string jsonText(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::optional<std::int64_t> jsonInteger(const rapidjson::Value& value) {
  if (value.IsInt64()) return value.GetInt64();
  if (value.IsNumber()) return static_cast<std::int64_t>(value.GetDouble());
  if (value.IsString()) {
    std::int64_t parsed = 0;
    const char* begin = value.GetString();
    const char* end = begin + value.GetStringLength();
    auto [stop, ec] = std::from_chars(begin, end, parsed);
    if (ec == std::errc() && stop == end) return parsed;
  }
  return std::nullopt;
}

}  // namespace monday
