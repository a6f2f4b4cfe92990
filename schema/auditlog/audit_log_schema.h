#pragma once
// Schema=AuditLog for one connection: picks the source (AuditLogSource), builds the AuditLogs and
// AuditEvents tables over it and proves with one request that the token can read this account's
// audit log, so a wrong token, a wrong Domain or a non-Enterprise account fails at connect time.

#include <memory>
#include <string>
#include <vector>

#include "schema/table.h"

namespace monday::config {
struct Settings;
}
namespace monday::client {
class ApiClient;
class AuditRestClient;
}
namespace monday::log {
class Logger;
}

namespace monday::schema::auditlog {

struct AuditLogConnection {
  std::vector<std::shared_ptr<const TableDef>> tables;
  std::shared_ptr<client::AuditRestClient> rest;  // AuditLogSource=REST only: for cancel/timeouts
  std::string user_name;     // GraphQL source: the token's user
  std::string user_email;
  std::string account_slug;  // from the log entries or Domain
  std::string api_version;   // GraphQL source: the version monday served
  std::string endpoint;      // host the audit log is read from
};

// Throws monday::Error (28000 wrong token kind, 42000 not an Enterprise admin, 08001 bad Domain ...).
AuditLogConnection openAuditLog(const config::Settings& settings, client::ApiClient& graphql,
                                std::shared_ptr<log::Logger> logger);

}  // namespace monday::schema::auditlog
