#include "driver/config/properties.h"

#include <array>

#include "driver/config/connection_string.h"

namespace monday::config {

namespace {

const std::vector<PropertyDef>& registry() {
  static const std::vector<PropertyDef> properties = {
      {.name = "AuthScheme",
       .aliases = {},
       .kind = PropertyKind::Choice,
       .default_value = "Token",
       .choices = {"Token"},
       .description = "How the driver authenticates. Token: a monday personal API token in APIToken."},
      {.name = "APIToken",
       .aliases = {"Token", "PWD"},
       .kind = PropertyKind::Secret,
       .default_value = "",
       .description =
           "Your monday API token (Developer Center > My access tokens). PWD is accepted as an "
           "alias so tools that ask for a password work. Never logged."},
      {.name = "Schema",
       .aliases = {},
       .kind = PropertyKind::Choice,
       .default_value = "GraphQL",
       .choices = {"GraphQL", "AuditLog"},
       .description = "Which monday API the tables come from. GraphQL: the platform API. AuditLog: "
                      "not supported yet."},
      {.name = "APIVersion",
       .aliases = {"API-Version"},
       .kind = PropertyKind::Text,
       .default_value = "2026-10",
       .description = "monday API version sent as the API-Version header (YYYY-MM)."},
      {.name = "APIURL",
       .aliases = {"GraphQLURL"},
       .kind = PropertyKind::Url,
       .default_value = "https://api.monday.com/v2",
       .description = "GraphQL endpoint. Only change it to reach a proxy or the local sandbox."},
      {.name = "SSLServerCert",
       .aliases = {"CAFile"},
       .kind = PropertyKind::Path,
       .default_value = "",
       .description = "PEM file with the certificate or CA to trust instead of the system store. "
                      "TLS verification is always on."},
      {.name = "Timeout",
       .aliases = {},
       .kind = PropertyKind::Integer,
       .default_value = "60",
       .min_value = 1,
       .max_value = 3600,
       .description = "Seconds to wait for one HTTP request before failing with HYT00."},
      {.name = "LogFile",
       .aliases = {},
       .kind = PropertyKind::Path,
       .default_value = "",
       .description = "Append a driver log (requests, timings, retries; secrets redacted) to this file."},
      {.name = "Verbosity",
       .aliases = {"LogLevel"},
       .kind = PropertyKind::Integer,
       .default_value = "1",
       .min_value = 0,
       .max_value = 3,
       .description = "Log detail: 0 errors only, 1 requests, 2 plans and retries, 3 request bodies "
                      "(variables redacted)."},
  };
  return properties;
}

constexpr std::array<std::string_view, 9> kIgnoredKeys = {
    "DSN", "Driver", "FileDSN", "SaveFile", "Description", "UID", "Trace", "TraceFile", "Threading"};

}  // namespace

std::span<const PropertyDef> propertyRegistry() { return registry(); }

const PropertyDef* findProperty(std::string_view name) {
  for (const auto& def : registry()) {
    if (equalsIgnoreCase(def.name, name)) return &def;
    for (auto alias : def.aliases) {
      if (equalsIgnoreCase(alias, name)) return &def;
    }
  }
  return nullptr;
}

bool isIgnoredKey(std::string_view name) {
  for (auto key : kIgnoredKeys) {
    if (equalsIgnoreCase(key, name)) return true;
  }
  return false;
}

}  // namespace monday::config
