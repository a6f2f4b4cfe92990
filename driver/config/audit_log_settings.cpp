#include "driver/config/audit_log_settings.h"

#include "driver/common/error.h"
#include "driver/config/settings.h"
#include "driver/net/url.h"

namespace monday::config {

namespace {

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}


}  // namespace

std::string auditBaseUrl(std::string_view domain) {
  std::string_view url = domain;
  // People paste what they find in monday's article: the endpoint itself, or with a slash.
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view suffix : {"/", "/get-logs", "/audit-api"}) {
      if (endsWith(url, suffix)) {
        url.remove_suffix(suffix.size());
        trimmed = true;
      }
    }
  }
  return std::string(url);
}

void requireTokenAuthForAuditLog(AuthScheme scheme, AuditLogSource source) {
  if (scheme == AuthScheme::Token) return;
  // OAuth and JWT tokens are app tokens: monday's audit log is read with an admin's own tokens.
  throw Error(sqlstate::kUnableToConnect,
              "Schema=AuditLog works only with AuthScheme=Token: OAuth and app tokens cannot read "
              "monday's audit log. Set AuthScheme=Token and APIToken to " +
                  std::string(source != AuditLogSource::GraphQL ? "the audit-log token (monday: Admin > Security > "
                                                    "Audit > Monitor by API)"
                                                  : "a personal API token of an account admin") +
                  ", or use Schema=GraphQL for OAuth connections.");
}

void checkAuditLogSettings(Settings& s) {
  const bool rest = s.audit_source == AuditLogSource::Rest;
  requireTokenAuthForAuditLog(s.auth_scheme, s.audit_source);
  if (s.api_token.empty()) {
    throw Error(sqlstate::kInvalidAuthorization,
                rest ? "No audit-log token given. With Schema=AuditLog and AuditLogSource=REST, set "
                       "APIToken to the audit-log token an account admin generates in monday under "
                       "Admin > Security > Audit > Monitor by API."
                     : "No API token given. With Schema=AuditLog and AuditLogSource=GraphQL, set "
                       "APIToken to a personal API token of an account admin (monday: avatar > "
                       "Developers > My access tokens).");
  }
  if (!rest) {
    // The GraphQL source reads through APIURL like every other table; monday added the audit
    // queries in 2025-07 (REFERENCE §2.1). Versions are YYYY-MM, so text order is time order.
    if (s.api_version < "2025-07") {
      throw Error(sqlstate::kUnableToConnect,
                  "AuditLogSource=GraphQL needs APIVersion 2025-07 or later (monday added the "
                  "audit_logs query in 2025-07); APIVersion is " + s.api_version + ".");
    }
    return;
  }

  if (s.audit_domain.empty()) return;  // the registry says Domain is missing
  s.audit_domain = auditBaseUrl(s.audit_domain);
  const auto parsed = net::parseUrl(s.audit_domain);
  const std::string host = parsed ? parsed->host : std::string();
  if (host == "api.monday.com" || host == "auth.monday.com") {
    throw Error(sqlstate::kUnableToConnect,
                "Domain must be your account's URL (https://<account>.monday.com), not " +
                    std::string(host) + ": the audit-log API is served from each account's own "
                    "address.");
  }
}

}  // namespace monday::config
