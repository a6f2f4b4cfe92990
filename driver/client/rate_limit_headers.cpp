#include "driver/client/rate_limit_headers.h"

#include <charconv>

#include "driver/common/numbers.h"

namespace monday::client {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

std::string_view unquote(std::string_view text) {
  text = trim(text);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
  return text;
}

// Splits on `separator` outside double quotes.
std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (text[i] == separator && !quoted) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

// Clamped: a quota or reset too large for an integer is still "large", not absent or negative.
std::optional<long long> integer(std::string_view text) {
  text = unquote(text);
  if (!text.empty() && text.front() == '-') return std::nullopt;
  return clampedDecimal(text, 0, 1LL << 50);
}

}  // namespace

std::vector<RateLimitItem> parseRateLimitItems(std::string_view header) {
  std::vector<RateLimitItem> items;
  for (std::string_view member : split(header, ',')) {
    auto parameters = split(member, ';');
    RateLimitItem item;
    item.name = std::string(unquote(parameters.front()));
    if (item.name.empty() || item.name.find_first_of("=\"") != std::string::npos) continue;
    for (std::size_t i = 1; i < parameters.size(); ++i) {
      std::string_view parameter = trim(parameters[i]);
      auto equals = parameter.find('=');
      if (equals == std::string_view::npos) continue;
      std::string_view key = trim(parameter.substr(0, equals));
      auto value = integer(parameter.substr(equals + 1));
      if (!value) continue;
      if (key == "q") item.quota = value;
      else if (key == "w") item.window_seconds = value;
      else if (key == "r") item.remaining = value;
      else if (key == "t") item.reset_seconds = value;
    }
    items.push_back(std::move(item));
  }
  return items;
}

RateLimitState parseRateLimitHeaders(std::string_view policy_header, std::string_view limit_header) {
  RateLimitState state;
  auto apply = [&](const RateLimitItem& item) {
    if (item.name == "complexityMinute") {
      if (item.quota) state.complexity_quota = item.quota;
      if (item.remaining) state.complexity_remaining = item.remaining;
      if (item.reset_seconds) state.complexity_reset_seconds = item.reset_seconds;
    } else if (item.name == "minuteRate") {
      if (item.quota) state.minute_quota = item.quota;
      if (item.remaining) state.minute_remaining = item.remaining;
      if (item.reset_seconds) state.minute_reset_seconds = item.reset_seconds;
    } else if (item.name == "concurrency") {
      if (item.quota) state.concurrency_quota = item.quota;
      if (item.remaining) state.concurrency_remaining = item.remaining;
    }
  };
  for (const auto& item : parseRateLimitItems(policy_header)) apply(item);
  for (const auto& item : parseRateLimitItems(limit_header)) apply(item);
  return state;
}

}  // namespace monday::client
