#include "driver/config/settings.h"

#include <cctype>
#include <charconv>
#include <map>

#include "driver/config/audit_log_settings.h"
#include "driver/config/properties.h"
#include "driver/config/secret_reference.h"
#include "driver/net/url.h"

namespace monday::config {

// The most detailed log level (log::Level::Trace).
constexpr int kMostDetailedVerbosity = 3;

namespace {

[[noreturn]] void invalidValue(const PropertyDef& def, std::string_view value, std::string_view expected) {
  std::string shown = def.kind == PropertyKind::Secret ? std::string("(hidden)") : "'" + std::string(value) + "'";
  throw Error(sqlstate::kUnableToConnect,
              "Invalid value " + shown + " for connection property " + std::string(def.name) +
                  ": expected " + std::string(expected) + ".");
}

std::string choicesText(const PropertyDef& def) {
  std::string out;
  for (std::size_t i = 0; i < def.choices.size(); ++i) {
    if (i) out += i + 1 == def.choices.size() ? " or " : ", ";
    out += def.choices[i];
  }
  return out;
}

// Brings a value to its canonical form and checks it against the property's kind.
std::string normalize(const PropertyDef& def, const std::string& raw) {
  switch (def.kind) {
    case PropertyKind::Choice:
      for (auto choice : def.choices) {
        if (equalsIgnoreCase(choice, raw)) return std::string(choice);
      }
      invalidValue(def, raw, choicesText(def));
    case PropertyKind::Integer: {
      long long parsed = 0;
      auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), parsed);
      if (ec != std::errc() || end != raw.data() + raw.size() || parsed < def.min_value ||
          parsed > def.max_value) {
        invalidValue(def, raw,
                     "a whole number from " + std::to_string(def.min_value) + " to " +
                         std::to_string(def.max_value));
      }
      return std::to_string(parsed);
    }
    case PropertyKind::Boolean: {
      std::string lower;
      for (char c : raw) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      if (lower == "1" || lower == "true" || lower == "yes" || lower == "on") return "true";
      if (lower == "0" || lower == "false" || lower == "no" || lower == "off") return "false";
      invalidValue(def, raw, "true or false");
    }
    case PropertyKind::Url:
      // Parsed as libcurl will parse it when it sends the request, so the host checked here is
      // the host that receives the credentials.
      if (net::isSafeToSendCredentials(raw)) return raw;
      invalidValue(def, raw,
                   "an https:// URL without user:password@ (plain http is allowed only for "
                   "127.0.0.1, localhost or [::1])");
    case PropertyKind::Text:
    case PropertyKind::Secret:
    case PropertyKind::Path:
      return raw;
  }
  return raw;
}

// "AuthScheme=OAuth with InitiateOAuth=REFRESH needs OAuthClientSecret: ...": every property the
// registry requires under the connection's values, in registry order.
void requireWhatTheRegistryRequires(const AttributeMap& canonical) {
  for (const PropertyDef& def : propertyRegistry()) {
    if (def.required_when.empty() || !holds(def.required_when, canonical) ||
        !propertyValue(canonical, def).value.empty()) {
      continue;
    }
    std::string because;
    for (const auto& term : def.required_when) {
      const PropertyValue given = propertyValue(canonical, *findProperty(term.property));
      if (given.value.empty()) continue;  // "OAuthAccessToken is empty" says nothing useful
      because += (because.empty() ? "" : " with ") + std::string(term.property) + "=" + given.value;
      if (!given.given) because += " (the default)";
    }
    throw Error(def.credential ? sqlstate::kInvalidAuthorization : sqlstate::kUnableToConnect,
                because + " needs " + std::string(def.name) + ": " + std::string(def.needed) + ".");
  }
}

}  // namespace

Settings Settings::fromAttributes(const AttributeMap& given, const AttributeMap& from_dsn) {
  Settings s;
  if (auto dsn = given.get("DSN")) s.dsn = *dsn;
  if (auto driver = given.get("DRIVER"); driver && s.dsn.empty()) s.driver = *driver;

  // Resolve every known property: the first spelling (name or alias) present wins, and what the
  // application gave wins over the DSN.
  AttributeMap canonical;
  auto take = [&](const AttributeMap& source, std::string_view origin, bool remember) {
    // ODBC: the first occurrence of a key wins. A second one is a mistake worth saying.
    std::map<std::string_view, std::string> spelled;  // property → first spelling in this source
    for (const auto& key : source.repeated()) {
      s.warnings.push_back({std::string(sqlstate::kInvalidConnectionAttribute),
                            "Connection property '" + key + "' is given more than once in the " + std::string(origin) +
                                "; the first value is used."});
    }
    for (const auto& item : source.items()) {
      if (const PropertyDef* def = findProperty(item.key)) {
        std::string value = normalize(*def, item.value);
        if (auto [first, fresh] = spelled.emplace(def->name, item.key); !fresh && !item.value.empty()) {
          s.warnings.push_back({std::string(sqlstate::kInvalidConnectionAttribute),
                                "Connection property " + std::string(def->name) + " is given twice in the " +
                                    std::string(origin) + " (as '" + first->second + "' and '" + item.key +
                                    "'); the first value is used."});
        }
        if (canonical.add(std::string(def->name), value) && remember) {
          s.given_attributes.add(std::string(def->name), value);
        }
      } else if (!isIgnoredKey(item.key)) {
        s.warnings.push_back({std::string(sqlstate::kInvalidConnectionAttribute),
                              "Unknown connection property '" + item.key + "' in the " +
                                  std::string(origin) +
                                  " was ignored. See the README's property reference for the "
                                  "properties this driver understands."});
      }
    }
  };
  take(given, "connection string", true);
  take(from_dsn, "DSN", false);

  // Every property goes to its field; secrets are resolved only where they are used.
  for (const PropertyDef& def : propertyRegistry()) {
    if (!holds(def.used_when, canonical)) continue;
    std::string value = propertyValue(canonical, def).value;
    if (def.kind == PropertyKind::Secret) value = resolveSecretReference(def.name, value);
    def.bind(s, value);
  }

  // Before the OAuth/JWT checks: their missing properties do not matter when the scheme cannot work.
  if (s.schema == ApiSchema::AuditLog) requireTokenAuthForAuditLog(s.auth_scheme, s.audit_source);
  checkAuthSettings(s);
  if (s.verbosity > kMostDetailedVerbosity) {
    // Other monday drivers count 1-5; this one's most detailed level is 3.
    s.warnings.push_back({std::string(sqlstate::kOptionValueChanged),
                          "Verbosity=" + std::to_string(s.verbosity) + " is more detailed than this driver's most "
                          "detailed level; Verbosity=" + std::to_string(kMostDetailedVerbosity) +
                              " (requests with their GraphQL documents and variables) is used."});
    s.verbosity = kMostDetailedVerbosity;
  }
  if (s.api_version.size() != 7 || s.api_version[4] != '-' ||
      !std::isdigit(static_cast<unsigned char>(s.api_version[0]))) {
    throw Error(sqlstate::kUnableToConnect,
                "Invalid value '" + s.api_version +
                    "' for connection property APIVersion: expected a monday API version such as "
                    "2026-10.");
  }
  if (s.schema == ApiSchema::AuditLog) checkAuditLogSettings(s);
  if (s.strict_properties) {
    for (const auto& warning : s.warnings) {
      if (warning.state == sqlstate::kInvalidConnectionAttribute) {
        throw Error(sqlstate::kUnableToConnect, warning.message + " (StrictProperties=true makes this an error.)");
      }
    }
  }
  requireWhatTheRegistryRequires(canonical);
  return s;
}

std::string Settings::toConnectionString() const {
  std::string out;
  auto append = [&](std::string_view key, std::string_view value) {
    if (!out.empty()) out.push_back(';');
    out += formatAttribute(key, value);
  };
  if (!dsn.empty()) append("DSN", dsn);
  else if (!driver.empty()) append("DRIVER", driver);  // without it the string names no driver (IM002)
  for (const auto& item : given_attributes.items()) append(item.key, item.value);
  return out;
}

}  // namespace monday::config
