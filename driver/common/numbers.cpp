#include "driver/common/numbers.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace monday {

std::optional<std::int64_t> clampedInteger(double value, std::int64_t low, std::int64_t high) {
  if (std::isnan(value)) return std::nullopt;
  // Compare as doubles first: only a value strictly inside the range may be converted.
  if (value <= static_cast<double>(low)) return low;
  if (value >= static_cast<double>(high)) return high;
  return std::clamp(static_cast<std::int64_t>(value), low, high);
}

std::optional<std::int64_t> clampedDecimal(std::string_view text, std::int64_t low, std::int64_t high) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
    text.remove_suffix(1);
  }
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::uint64_t magnitude = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), magnitude);
  if (error == std::errc::result_out_of_range || end != text.data() + text.size()) return negative ? low : high;
  if (negative) {
    if (magnitude > static_cast<std::uint64_t>(INT64_MAX) + 1) return low;
    const std::int64_t value = magnitude == static_cast<std::uint64_t>(INT64_MAX) + 1
                                   ? INT64_MIN
                                   : -static_cast<std::int64_t>(magnitude);
    return std::clamp(value, low, high);
  }
  if (magnitude > static_cast<std::uint64_t>(INT64_MAX)) return high;
  return std::clamp(static_cast<std::int64_t>(magnitude), low, high);
}

std::chrono::seconds serverWait(std::int64_t seconds) {
  return std::chrono::seconds(std::clamp<std::int64_t>(seconds, 0, kMaxServerWaitSeconds));
}

}  // namespace monday
