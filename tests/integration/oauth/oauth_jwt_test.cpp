// AuthScheme=JWT through the driver manager: the JWT a monday app receives (signed by the
// sandbox with the app's signing secret) is verified and its shortLivedToken used.
#include <gtest/gtest.h>

#include "tests/integration/oauth/oauth_test_support.h"

using namespace monday::test;
using namespace monday::test::oauth;

namespace {

std::string jwtConnectionString(const std::string& jwt, const std::string& secret, const std::string& extra = "") {
  std::string s = "Driver=monday;APIURL=" + sandboxUrl() + "/v2;SSLServerCert=" + caFile() +
                  ";AuthScheme=JWT;JWTToken=" + jwt + ";JWTSigningSecret=" + secret;
  return extra.empty() ? s : s + ";" + extra;
}

Diagnostic refused(const std::string& connection_string) {
  Environment env;
  Connection connection(env);
  const std::size_t before = requestCount();
  EXPECT_EQ(connection.driverConnect(connection_string), SQL_ERROR);
  EXPECT_EQ(requestCount(), before) << "an unverified JWT's token was sent to monday";
  return firstDiagnostic(connection);
}

TEST(OAuthJwt, ValidJwtConnectsAsItsUser) {
  const std::string jwt = integrationJwt(kNewFlowApp, "member", 300);
  Environment env;
  Connection connection(env);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(
      jwtConnectionString("{Bearer " + jwt + "}", kNewFlowApp.signing_secret, "JWTAudience=https://app.example.com/monday/action"))))
      << describe(connection.lastDiagnostics());
  auto rows = query(connection, "SELECT name FROM Me");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].value_or(""), "Jordan Lee");
}

TEST(OAuthJwt, WrongSigningSecretIs28000) {
  const Diagnostic d = refused(jwtConnectionString(integrationJwt(kNewFlowApp, "admin", 300), kNewFlowApp.client_secret));
  EXPECT_EQ(d.state, "28000");
  EXPECT_NE(d.message.find("signature"), std::string::npos) << d.message;
}

TEST(OAuthJwt, ExpiredJwtIs28000) {
  const Diagnostic d = refused(jwtConnectionString(integrationJwt(kNewFlowApp, "admin", -300), kNewFlowApp.signing_secret));
  EXPECT_EQ(d.state, "28000");
  EXPECT_NE(d.message.find("expired"), std::string::npos) << d.message;
}

TEST(OAuthJwt, MalformedJwtOrWrongAudienceIs28000) {
  EXPECT_EQ(refused(jwtConnectionString("not.a-jwt", kNewFlowApp.signing_secret)).state, "28000");
  const Diagnostic d = refused(jwtConnectionString(integrationJwt(kNewFlowApp, "admin", 300), kNewFlowApp.signing_secret,
                                                   "JWTAudience=https://someone-else.example/endpoint"));
  EXPECT_EQ(d.state, "28000");
  EXPECT_NE(d.message.find("aud"), std::string::npos);
}

}  // namespace
