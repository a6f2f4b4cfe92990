// Answers no real monday sends but a proxy, a broken gateway or a hostile endpoint can: the
// driver, loaded into the application's process, must turn each into a diagnostic and keep the
// process alive and the statement honest.
#include <gtest/gtest.h>

#include <string>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

class HostileAnswers : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200); }
  void TearDown() override {
    clearSandboxFaults();
    sandboxControl("/__sandbox/reset", "{}");
  }
  void connect(Connection& connection, const std::string& extra = "") {
    ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(sandboxConnectionString("sandbox-admin-token", extra))))
        << describe(connection.lastDiagnostics());
  }
  Environment env_;
};

}  // namespace

TEST_F(HostileAnswers, DeeplyNestedJsonIsAnErrorNotACrash) {
  Connection connection(env_);
  connect(connection, "MaxRetries=0");
  // Two hundred thousand '[': RapidJSON's recursive reader ran out of stack on this.
  const std::string body = "\"" + std::string(200'000, '[') + "\"";
  ASSERT_EQ(sandboxControl("/__sandbox/faults",
                           R"({"kind":"respond","status":200,"headers":{"Content-Type":"application/json"},"body":)" + body +
                               "}"),
            200);
  Statement statement(connection);
  ASSERT_EQ(statement.execDirect("SELECT id FROM Workspaces"), SQL_ERROR);
  const auto d = statement.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].state, "08S01") << describe(d);
  // The connection still works.
  EXPECT_EQ(query(connection, "SELECT id FROM Workspaces").size(), dataset()["workspaces"].Size());
}

TEST_F(HostileAnswers, AHugeRetryAfterGivesUpInsteadOfRetryingAtOnce) {
  Connection connection(env_);
  connect(connection, "MaxRetryWait=30");
  // Before: the header overflowed to "no header" and retry_in_seconds to a negative number, so the
  // driver asked again after a second and reported success.
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"({"kind":"respond","status":429,
      "headers":{"Retry-After":"99999999999999999999999999"},
      "body":{"errors":[{"message":"Rate limit exceeded","extensions":{"code":"RATE_LIMIT_EXCEEDED","retry_in_seconds":1e300}}]}})"),
            200);
  const std::size_t before = requestCount();
  Statement statement(connection);
  ASSERT_EQ(statement.execDirect("SELECT id FROM Workspaces"), SQL_ERROR);
  const auto d = statement.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_NE(d[0].message.find("MaxRetryWait"), std::string::npos) << d[0].message;
  EXPECT_EQ(apiRequestsSince(before).size(), 1u) << "a wait longer than MaxRetryWait is not retried";
}

TEST_F(HostileAnswers, AnUnsignedDeeplyNestedJwtIsRejectedNotParsed) {
  // base64url of 150,000 '[' is 200,000 'W'-and-'1'-ish characters; its signature is wrong, so
  // nothing of it may be parsed.
  std::string nested;
  for (int i = 0; i < 50'000; ++i) nested += "W1tb";  // base64url("[[[") repeated
  Connection connection(env_);
  ASSERT_EQ(connection.driverConnect("Driver=monday;AuthScheme=JWT;JWTSigningSecret=signing-secret;JWTToken=" +
                                     nested + "." + nested + ".c2ln"),
            SQL_ERROR);
  const auto& d = connection.lastDiagnostics().at(0);
  EXPECT_EQ(d.state, "28000");
  EXPECT_NE(d.message.find("signature"), std::string::npos) << d.message;
}
