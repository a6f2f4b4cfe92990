// Schema=AuditLog connection properties: which token goes with which source, Domain, OAuth.
#include <gtest/gtest.h>

#include "driver/common/error.h"
#include "driver/config/audit_log_settings.h"
#include "driver/config/settings.h"

namespace monday::config {
namespace {

Settings settingsFrom(std::string_view text) { return Settings::fromAttributes(parseConnectionString(text)); }

Error failureOf(std::string_view text) {
  try {
    settingsFrom(text);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "no error for " << text;
  return Error("00000", "");
}

TEST(AuditLogSettings, RestIsTheDefaultSourceAndDomainIsTheAccountUrl) {
  const auto s = settingsFrom("Schema=AuditLog;APIToken=audit;Domain=https://acme.monday.com/");
  EXPECT_EQ(s.schema, ApiSchema::AuditLog);
  EXPECT_EQ(s.audit_source, AuditLogSource::Rest);
  EXPECT_EQ(s.audit_domain, "https://acme.monday.com");
  EXPECT_EQ(s.audit_requests_per_minute, 50);
}

TEST(AuditLogSettings, UrlIsAnAliasOfDomainAndThePastedEndpointIsTrimmed) {
  EXPECT_EQ(settingsFrom("Schema=AuditLog;APIToken=a;URL=https://acme.monday.com/audit-api/get-logs").audit_domain,
            "https://acme.monday.com");
  EXPECT_EQ(settingsFrom("Schema=AuditLog;APIToken=a;Domain=https://127.0.0.1:8443").audit_domain,
            "https://127.0.0.1:8443");
  EXPECT_EQ(auditBaseUrl("https://acme.monday.com/audit-api/"), "https://acme.monday.com");
}

TEST(AuditLogSettings, MissingDomainForRestSaysWhatToSet) {
  const Error e = failureOf("Schema=AuditLog;APIToken=audit");
  EXPECT_EQ(e.state(), "08001");
  EXPECT_NE(e.message().find("Domain=https://myaccount.monday.com"), std::string::npos) << e.message();
}

TEST(AuditLogSettings, DomainMustBeHttpsAndNotTheApiHost) {
  EXPECT_EQ(failureOf("Schema=AuditLog;APIToken=a;Domain=http://acme.monday.com").state(), "08001");
  const Error e = failureOf("Schema=AuditLog;APIToken=a;Domain=https://api.monday.com");
  EXPECT_NE(e.message().find("not api.monday.com"), std::string::npos) << e.message();
}

TEST(AuditLogSettings, GraphqlSourceNeedsNoDomainButApiVersion202507) {
  const auto s = settingsFrom("Schema=AuditLog;AuditLogSource=graphql;APIToken=admin");
  EXPECT_EQ(s.audit_source, AuditLogSource::GraphQL);
  EXPECT_EQ(s.audit_domain, "");
  const Error e = failureOf("Schema=AuditLog;AuditLogSource=GraphQL;APIToken=admin;APIVersion=2025-04");
  EXPECT_EQ(e.state(), "08001");
  EXPECT_NE(e.message().find("2025-07"), std::string::npos);
}

TEST(AuditLogSettings, MissingTokenNamesTheTokenOfTheSource) {
  Error rest = failureOf("Schema=AuditLog;Domain=https://acme.monday.com");
  EXPECT_EQ(rest.state(), "28000");
  EXPECT_NE(rest.message().find("Monitor by API"), std::string::npos) << rest.message();
  Error graphql = failureOf("Schema=AuditLog;AuditLogSource=GraphQL");
  EXPECT_EQ(graphql.state(), "28000");
  EXPECT_NE(graphql.message().find("account admin"), std::string::npos) << graphql.message();
}

TEST(AuditLogSettings, OAuthIsRefusedBeforeItsOwnPropertiesAreChecked) {
  // No OAuthClientId etc.: the AuditLog rule speaks first, since OAuth cannot work here at all.
  const Error e = failureOf("Schema=AuditLog;AuthScheme=OAuth;Domain=https://acme.monday.com");
  EXPECT_EQ(e.state(), "08001");
  EXPECT_NE(e.message().find("only with AuthScheme=Token"), std::string::npos) << e.message();
  EXPECT_NE(e.message().find("Monitor by API"), std::string::npos) << e.message();
}

TEST(AuditLogSettings, RequestsPerMinuteIsBounded) {
  EXPECT_EQ(settingsFrom("Schema=AuditLog;APIToken=a;Domain=https://a.monday.com;AuditRequestsPerMinute=10")
                .audit_requests_per_minute,
            10);
  EXPECT_EQ(failureOf("Schema=AuditLog;APIToken=a;Domain=https://a.monday.com;AuditRequestsPerMinute=0").state(),
            "08001");
}

TEST(AuditLogSettings, GraphqlSchemaIgnoresTheAuditProperties) {
  const auto s = settingsFrom("APIToken=t;AuditLogSource=GraphQL");
  EXPECT_EQ(s.schema, ApiSchema::GraphQL);
  EXPECT_EQ(s.audit_domain, "");
}

}  // namespace
}  // namespace monday::config
