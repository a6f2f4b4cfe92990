#pragma once
// The one registry of connection properties. Parsing, validation, DSN reading, the output
// connection string and the README's property table all come from this list; adding a property
// means adding one entry here and reading it in Settings.

#include <span>
#include <string_view>
#include <vector>

namespace monday::config {

enum class PropertyKind {
  Text,     // free text
  Secret,   // never logged, never echoed in diagnostics
  Integer,  // decimal, validated against min/max
  Boolean,  // true/false, yes/no, on/off, 1/0
  Choice,   // one of `choices`, case-insensitive
  Path,     // a file on the client machine
  Url,      // https:// (http:// only for loopback hosts)
};

struct PropertyDef {
  std::string_view name;                  // canonical spelling
  std::vector<std::string_view> aliases;  // other accepted spellings
  PropertyKind kind;
  std::string_view default_value;         // "" means no default
  std::vector<std::string_view> choices;  // for Choice
  long long min_value = 0;                // for Integer
  long long max_value = 0;                // for Integer
  std::string_view description;
};

std::span<const PropertyDef> propertyRegistry();

// Finds a property by name or alias, case-insensitively; nullptr when unknown.
const PropertyDef* findProperty(std::string_view name);

// Keys that ODBC tools add on their own (DSN, Driver, Description, ...). Accepted silently.
bool isIgnoredKey(std::string_view name);

}  // namespace monday::config
