#include "driver/config/connection_string.h"

#include <cctype>

#include "driver/common/error.h"

namespace monday::config {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool AttributeMap::add(std::string key, std::string value) {
  if (contains(key)) {
    if (!value.empty()) repeated_.push_back(std::move(key));
    return false;
  }
  items_.push_back({std::move(key), std::move(value)});
  return true;
}

std::optional<std::string> AttributeMap::get(std::string_view key) const {
  for (const auto& item : items_) {
    if (equalsIgnoreCase(item.key, key)) return item.value;
  }
  return std::nullopt;
}

void AttributeMap::remove(std::string_view key) {
  std::erase_if(items_, [&](const Attribute& a) { return equalsIgnoreCase(a.key, key); });
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

[[noreturn]] void malformed(std::string_view what, std::size_t position) {
  throw Error(sqlstate::kUnableToConnect,
              "Malformed connection string: " + std::string(what) + " at character " +
                  std::to_string(position + 1) +
                  ". Use key=value pairs separated by ';' and wrap values containing ';' or '}' "
                  "in braces, e.g. APIToken={abc;def}.");
}

}  // namespace

AttributeMap parseConnectionString(std::string_view text) {
  AttributeMap result;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    // Key: up to '='. A segment without '=' that is only blanks is tolerated (";;").
    const std::size_t key_start = i;
    while (i < n && text[i] != '=' && text[i] != ';') ++i;
    const std::string_view key = trim(text.substr(key_start, i - key_start));
    if (i >= n || text[i] == ';') {
      if (!key.empty()) malformed("'" + std::string(key) + "' has no '=' and no value", key_start);
      ++i;
      continue;
    }
    if (key.empty()) malformed("a value without a key", key_start);
    ++i;  // '='
    while (i < n && text[i] != ';' && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::string value;
    if (i < n && text[i] == '{') {
      const std::size_t brace = i;
      ++i;
      bool closed = false;
      while (i < n) {
        if (text[i] == '}') {
          if (i + 1 < n && text[i + 1] == '}') {  // "}}" is a literal '}'
            value.push_back('}');
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        value.push_back(text[i++]);
      }
      if (!closed) malformed("the '{' that opens the value of " + std::string(key) + " is never closed", brace);
      while (i < n && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      if (i < n && text[i] != ';') malformed("unexpected text after '}' in the value of " + std::string(key), i);
    } else {
      const std::size_t value_start = i;
      while (i < n && text[i] != ';') ++i;
      value = std::string(trim(text.substr(value_start, i - value_start)));
    }
    result.add(std::string(key), std::move(value));
    if (i < n && text[i] == ';') ++i;
  }
  return result;
}

std::string formatAttribute(std::string_view key, std::string_view value) {
  bool needs_braces = value.empty() ? false : (std::isspace(static_cast<unsigned char>(value.front())) ||
                                               std::isspace(static_cast<unsigned char>(value.back())));
  for (char c : value) {
    if (c == ';' || c == '{' || c == '}' || c == '=') needs_braces = true;
  }
  std::string out(key);
  out.push_back('=');
  if (!needs_braces) return out.append(value);
  out.push_back('{');
  for (char c : value) {
    out.push_back(c);
    if (c == '}') out.push_back('}');
  }
  out.push_back('}');
  return out;
}

}  // namespace monday::config
