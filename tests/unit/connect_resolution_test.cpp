// How SQLConnect and SQLDriverConnect turn their arguments into Settings, before any network:
// connection-string keys beat the DSN's, DSN and DRIVER do not mix, PWD is the token.

#include "driver/handles/connection.h"

#include <gtest/gtest.h>

#include "driver/common/error.h"

namespace monday::handles {
namespace {

config::AttributeMap sandboxDsn() {
  config::AttributeMap dsn;
  dsn.add("Driver", "monday");
  dsn.add("APIToken", "dsn-token");
  dsn.add("Timeout", "30");
  dsn.add("APIURL", "https://127.0.0.1:8443/v2");
  return dsn;
}

TEST(ConnectResolution, ConnectionStringKeysBeatDsnKeys) {
  const config::AttributeMap dsn = sandboxDsn();
  const auto r = resolveConnectionString("DSN=sandbox;Timeout=5", &dsn);
  EXPECT_EQ(r.settings.dsn, "sandbox");
  EXPECT_EQ(r.settings.timeout_seconds, 5);
  EXPECT_EQ(r.settings.api_token, "dsn-token");
  EXPECT_EQ(r.settings.api_url, "https://127.0.0.1:8443/v2");
}

TEST(ConnectResolution, DriverBeforeDsnIgnoresTheDsn) {
  const config::AttributeMap dsn = sandboxDsn();
  const auto r = resolveConnectionString("Driver=monday;DSN=sandbox;APIToken=abc", &dsn);
  EXPECT_EQ(r.settings.dsn, "");
  EXPECT_EQ(r.settings.api_token, "abc");
  EXPECT_EQ(r.settings.timeout_seconds, 60);  // the DSN's 30 was not read
}

TEST(ConnectResolution, DsnBeforeDriverUsesTheDsn) {
  const config::AttributeMap dsn = sandboxDsn();
  const auto r = resolveConnectionString("DSN=sandbox;Driver={something else}", &dsn);
  EXPECT_EQ(r.settings.dsn, "sandbox");
  EXPECT_EQ(r.settings.api_token, "dsn-token");
}

TEST(ConnectResolution, PwdIsTheTokenAndWinsOverTheDsn) {
  const config::AttributeMap dsn = sandboxDsn();
  EXPECT_EQ(resolveDsnLogin("sandbox", "someone", "login-token", &dsn).settings.api_token, "login-token");
  EXPECT_EQ(resolveDsnLogin("sandbox", "", "", &dsn).settings.api_token, "dsn-token");
  EXPECT_EQ(resolveConnectionString("DSN=sandbox;PWD=pwd-token", &dsn).settings.api_token, "pwd-token");
  // DBD::ODBC appends an empty UID and PWD to every connection string.
  EXPECT_EQ(resolveConnectionString("DSN=sandbox;UID=;PWD=", &dsn).settings.api_token, "dsn-token");
}

TEST(ConnectResolution, UnknownKeysBecome01S00Warnings) {
  const auto r = resolveConnectionString("APIToken=abc;Colour=blue");
  ASSERT_EQ(r.settings.warnings.size(), 1u);
  EXPECT_EQ(r.settings.warnings[0].state, "01S00");
  EXPECT_NE(r.settings.warnings[0].message.find("Colour"), std::string::npos);
}

TEST(ConnectResolution, MissingTokenIs28000) {
  try {
    resolveConnectionString("Timeout=5");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.state(), "28000");
  }
}

TEST(ConnectResolution, OutputConnectionStringReconnects) {
  const auto r = resolveConnectionString("APIToken={a;b};Timeout=7");
  const auto again = resolveConnectionString(r.settings.toConnectionString());
  EXPECT_EQ(again.settings.api_token, "a;b");
  EXPECT_EQ(again.settings.timeout_seconds, 7);
}

}  // namespace
}  // namespace monday::handles
