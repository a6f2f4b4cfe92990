#include "schema/auditlog/audit_log_schema.h"

#include "driver/client/api_client.h"
#include "driver/client/audit_rest_client.h"
#include "driver/common/json.h"
#include "driver/config/settings.h"
#include "driver/log/logger.h"
#include "schema/auditlog/audit_api.h"
#include "schema/registry.h"

namespace monday::schema::auditlog {

namespace {

std::string hostOf(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  return url.substr(start, url.find('/', start) - start);
}

// "acme.monday.com" → "acme"; the sandbox's 127.0.0.1 has no slug to offer.
std::string slugOf(const std::string& host) {
  const auto dot = host.find('.');
  if (dot == std::string::npos || host.find(".monday.com") != dot) return {};
  return host.substr(0, dot);
}

void proveRest(client::AuditRestClient& rest, AuditLogConnection& connection) {
  // One entry is enough to prove the token, the Domain and the plan (1 of the 50 a minute).
  rapidjson::Document answer = rest.getLogs(1, 1, "");
  const auto& data = answer["data"];
  if (!data.Empty()) {
    if (std::string slug = jsonMemberText(data[0], "slug"); !slug.empty()) connection.account_slug = slug;
  }
}

void proveGraphql(client::ApiClient& graphql, AuditLogConnection& connection) {
  static const std::string kConnectQuery =
      "query AuditLogConnect { me { id name email } version { value } "
      "audit_logs(limit: 1) { logs { slug } } }";
  rapidjson::Document none;
  rapidjson::Document answer;
  try {
    answer = graphql.query(kConnectQuery, none);
  } catch (const Error& error) {
    throw explainGraphqlAuditError(error);
  }
  const auto& data = answer["data"];
  if (auto me = data.FindMember("me"); me != data.MemberEnd()) {
    connection.user_name = jsonMemberText(me->value, "name");
    connection.user_email = jsonMemberText(me->value, "email");
  }
  if (auto version = data.FindMember("version"); version != data.MemberEnd()) {
    connection.api_version = jsonMemberText(version->value, "value");
  }
  if (auto logs = data.FindMember("audit_logs"); logs != data.MemberEnd() && logs->value.IsObject()) {
    const auto& entries = listAt(logs->value, "logs");
    if (!entries.Empty()) connection.account_slug = jsonMemberText(entries[0], "slug");
  }
}

}  // namespace

AuditLogConnection openAuditLog(const config::Settings& settings, client::ApiClient& graphql,
                                std::shared_ptr<log::Logger> logger) {
  AuditLogConnection connection;
  std::shared_ptr<AuditLogApi> api;
  if (settings.audit_source == config::AuditLogSource::Rest) {
    connection.rest = std::make_shared<client::AuditRestClient>(settings, logger, graphql.seams());
    connection.endpoint = hostOf(settings.audit_domain);
    connection.account_slug = slugOf(connection.endpoint);
    logger->write(log::Level::Info, "connect",
                  "Schema=AuditLog: reading the audit log from " + connection.rest->endpoint() +
                      " with the audit-log token");
    proveRest(*connection.rest, connection);
    api = makeRestAuditLogApi(connection.rest);
  } else {
    connection.endpoint = hostOf(settings.api_url);
    logger->write(log::Level::Info, "connect",
                  "Schema=AuditLog: reading the audit log through the GraphQL API at " + settings.api_url +
                      ", API-Version " + settings.api_version);
    proveGraphql(graphql, connection);
    api = makeGraphqlAuditLogApi();
  }
  connection.tables = auditLogTables(api);
  return connection;
}

}  // namespace monday::schema::auditlog
