#include "driver/common/cell_check.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string_view>

#include "driver/common/datetime.h"

namespace monday {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

bool isInteger(std::string_view text) {
  text = trimmed(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::int64_t parsed = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  return !text.empty() && error == std::errc() && end == text.data() + text.size();
}

bool isNumber(std::string_view text) {
  text = trimmed(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double parsed = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parsed);
  return !text.empty() && error == std::errc() && end == text.data() + text.size() && std::isfinite(parsed);
}

}  // namespace

std::optional<std::string> unfitText(DataType type, const Value& value) {
  const auto* text = std::get_if<std::string>(&value);
  if (!text) return std::nullopt;
  bool fits = true;
  switch (type) {
    case DataType::Date: fits = parseDate(trimmed(*text)).has_value(); break;
    case DataType::Time: fits = parseTime(trimmed(*text)).has_value(); break;
    case DataType::Timestamp: fits = parseTimestamp(*text).has_value(); break;
    case DataType::Bit:
    case DataType::Integer:
    case DataType::BigInt: fits = isInteger(*text); break;
    case DataType::Double:
    case DataType::Decimal: fits = isNumber(*text); break;
    case DataType::Varchar:
    case DataType::LongVarchar:
    case DataType::LongVarBinary: break;
  }
  if (fits) return std::nullopt;
  return *text;
}

}  // namespace monday
