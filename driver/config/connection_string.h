#pragma once
// ODBC connection strings: `key=value;key={value with ; and }} inside}`. Keys are
// case-insensitive, surrounding blanks are trimmed, the first occurrence of a key wins.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace monday::config {

struct Attribute {
  std::string key;    // as written by the user
  std::string value;  // unquoted
};

// Ordered, case-insensitive key → value map with "first one wins" semantics.
class AttributeMap {
 public:
  // Adds key=value unless the key is already present; returns whether it was added.
  bool add(std::string key, std::string value);
  std::optional<std::string> get(std::string_view key) const;
  bool contains(std::string_view key) const { return get(key).has_value(); }
  void remove(std::string_view key);
  const std::vector<Attribute>& items() const { return items_; }
  bool empty() const { return items_.empty(); }
  // Keys given again after their first occurrence (with a non-empty value), whose later values
  // were dropped: a mistake worth a warning.
  const std::vector<std::string>& repeated() const { return repeated_; }

 private:
  std::vector<Attribute> items_;
  std::vector<std::string> repeated_;
};

// Throws monday::Error (08001) when the text is malformed, e.g. an unterminated `{`.
AttributeMap parseConnectionString(std::string_view text);

// Writes one attribute, bracing the value when it holds characters that need it.
std::string formatAttribute(std::string_view key, std::string_view value);

bool equalsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace monday::config
