#pragma once
// The one registry of connection properties. Parsing, validation, where each value goes in
// Settings, what SQLBrowseConnect asks for, the DSN reading, the output connection string and the
// README's property table all come from this list: adding a property means adding one entry here
// (and its field in Settings).

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace monday::config {

struct Settings;
class AttributeMap;

enum class PropertyKind {
  Text,     // free text
  Secret,   // never logged, never echoed in diagnostics; env:NAME and file:PATH are resolved
  Integer,  // decimal, validated against min/max
  Boolean,  // true/false, yes/no, on/off, 1/0
  Choice,   // one of `choices`, case-insensitive
  Path,     // a file on the client machine
  Url,      // https:// (http:// only for loopback hosts)
};

// "`property` has one of `values`": its given value, or its default when it was not given,
// compared case-insensitively. A condition is a list of them that must all hold; an empty list
// always holds.
struct PropertyIs {
  std::string_view property;
  std::vector<std::string_view> values;
};
using Condition = std::vector<PropertyIs>;

struct PropertyDef {
  std::string_view name;                  // canonical spelling
  std::vector<std::string_view> aliases;  // other accepted spellings
  PropertyKind kind;
  std::string_view default_value;         // "" means no default
  std::vector<std::string_view> choices;  // for Choice
  long long min_value = 0;                // for Integer
  long long max_value = 0;                // for Integer
  std::string_view description;
  // Stores the value (validated, in canonical form, secrets resolved) in its Settings field. This
  // is the only way a property reaches the driver: nothing looks one up by name afterwards.
  void (*bind)(Settings&, const std::string& value) = nullptr;
  // When the driver reads the property at all. Outside it the value is ignored, so an OAuth
  // secret given as env:NAME is not resolved for a Token connection.
  Condition used_when;
  // When the property must have a value; `needed` completes the message "<condition> needs
  // <name>: <needed>." A required property with a default never fails validation, but
  // SQLBrowseConnect still asks for it until it is given.
  Condition required_when;
  std::string_view needed;
  // A missing credential is 28000 (invalid authorization), anything else 08001.
  bool credential = false;
  // The prompt SQLBrowseConnect shows; "" keeps the property out of its requests. A property with
  // a prompt that is not required is offered as optional.
  std::string_view prompt;
};

std::span<const PropertyDef> propertyRegistry();

// Finds a property by name or alias, case-insensitively; nullptr when unknown.
const PropertyDef* findProperty(std::string_view name);

// Keys that ODBC tools add on their own (DSN, Driver, Description, ...). Accepted silently.
bool isIgnoredKey(std::string_view name);

// The value a property has in `attributes` under any of its spellings (the first one given), or
// its default; `given` says whether it was given at all.
struct PropertyValue {
  std::string value;
  bool given = false;
};
PropertyValue propertyValue(const AttributeMap& attributes, const PropertyDef& def);

// Whether `condition` holds for the properties in `attributes`.
bool holds(const Condition& condition, const AttributeMap& attributes);

// What SQLBrowseConnect still needs, as its "KEY:Prompt=?" requests ("*" marks an optional one,
// {a,b} lists the choices). Empty when nothing required is missing and nothing is offered.
std::vector<std::string> browseRequests(const AttributeMap& attributes);

}  // namespace monday::config
