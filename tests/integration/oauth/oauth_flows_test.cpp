// AuthScheme=OAuth through the driver manager against the sandbox's OAuth server: every
// InitiateOAuth mode, both monday flows, both headless options, refresh (on expiry and after a
// 401), revocation, and the settings file shared by several connections.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/integration/oauth/oauth_test_support.h"

using namespace monday::test;
using namespace monday::test::oauth;

namespace {

std::string meName(Connection& connection) {
  auto rows = query(connection, "SELECT name FROM Me");
  return rows.size() == 1 && rows[0][0] ? *rows[0][0] : "<none>";
}

// Requests logged since `from` on one path (and optionally with one status).
std::size_t countRequests(std::size_t from, const std::string& path, int status = -1) {
  std::size_t n = 0;
  for (const auto& r : requestsSince(from)) {
    if (r["path"].GetString() == path && (status < 0 || r["status"].GetInt() == status)) ++n;
  }
  return n;
}

class OAuthFlows : public ::testing::TestWithParam<App> {
 protected:
  void TearDown() override {
    setOAuthConfig(R"({"access_token_ttl_seconds":3600,"include_expires_in":false})");
    clearSandboxFaults();
  }

  const App& app() const { return GetParam(); }
  bool newFlow() const { return app().flow == "OAuth2.1"; }

  // GETANDREFRESH/REFRESH connection string with this test's settings file and key.
  std::string fileBacked(const std::string& initiate, const std::string& extra = "") const {
    // The first occurrence of a repeated key wins (ODBC), so `extra` goes first.
    std::string s = extra.empty() ? "" : extra + ";";
    s += "OAuthSettingsLocation=" + settings_file_ + ";OAuthSettingsKey=" + kSettingsKey + ";CallbackURL=" + callback_ +
         ";OAuthAuthorizationTimeout=30";
    return oauthConnectionString(app(), initiate, s);
  }

  // Connects with the desktop flow, the fake browser approving.
  void authorizeWithFakeBrowser() {
    ScopedEnv browser("BROWSER", scriptPath("fake_browser.sh"));
    Environment env;
    Connection connection(env);
    ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(fileBacked("GETANDREFRESH"))))
        << describe(connection.lastDiagnostics());
  }

  TempDir dir_;
  std::string settings_file_ = dir_.file("tokens.settings");
  std::string callback_ = callbackUrl(freeLoopbackPort());
  std::string marker_ = dir_.file("browser-was-opened");
};

INSTANTIATE_TEST_SUITE_P(BothFlows, OAuthFlows, ::testing::Values(kClassicApp, kNewFlowApp),
                         [](const auto& test_info) { return test_info.param.flow == "Classic" ? "Classic" : "OAuth21"; });

TEST_P(OAuthFlows, OffUsesTheGivenAccessTokenAsBearer) {
  const Tokens tokens = issueTokens(app());
  ASSERT_FALSE(tokens.access.empty());
  Environment env;
  Connection connection(env);
  const std::size_t before = requestCount();
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(oauthConnectionString(app(), "OFF", "OAuthAccessToken=" + tokens.access))))
      << describe(connection.lastDiagnostics());
  EXPECT_EQ(meName(connection), "Avery Stone");
  bool saw_oauth = false;
  for (const auto& r : requestsSince(before)) {
    if (std::string(r["path"].GetString()) == "/v2") saw_oauth = saw_oauth || std::string(r["token_kind"].GetString()) == "oauth";
  }
  EXPECT_TRUE(saw_oauth) << "the sandbox did not see the OAuth token";
}

TEST_P(OAuthFlows, GetAndRefreshAuthorizesInTheBrowserOnceThenUsesTheSettingsFile) {
  const long long approvals = oauthStat("approvals");
  {
    ScopedEnv browser("BROWSER", scriptPath("fake_browser.sh"));
    Environment env;
    Connection connection(env);
    ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(fileBacked("GETANDREFRESH"))))
        << describe(connection.lastDiagnostics());
    EXPECT_EQ(meName(connection), "Avery Stone");
  }
  EXPECT_EQ(oauthStat("approvals"), approvals + 1);
  struct stat info {};
  ASSERT_EQ(stat(settings_file_.c_str(), &info), 0) << "no settings file was written";
  EXPECT_EQ(info.st_mode & 0777, 0600);

  // Again: the saved tokens are used; the browser must not open (it would only record and fail).
  ScopedEnv browser("BROWSER", scriptPath("refuse_browser.sh"));
  ScopedEnv marker("FAKE_BROWSER_MARKER", marker_);
  Environment env;
  Connection connection(env);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(fileBacked("GETANDREFRESH"))))
      << describe(connection.lastDiagnostics());
  EXPECT_EQ(meName(connection), "Avery Stone");
  EXPECT_FALSE(std::filesystem::exists(marker_)) << "the browser was opened although tokens were saved";
  EXPECT_EQ(oauthStat("approvals"), approvals + 1);
}

TEST_P(OAuthFlows, DeniedConsentIs28000AndSavesNothing) {
  const long long denials = oauthStat("denials");
  {
    ScopedEnv browser("BROWSER", scriptPath("fake_browser.sh"));
    ScopedEnv deny("FAKE_BROWSER_DECISION", "deny");
    Environment env;
    Connection connection(env);
    ASSERT_EQ(connection.driverConnect(fileBacked("GETANDREFRESH")), SQL_ERROR);
    EXPECT_EQ(firstDiagnostic(connection).state, "28000");
    EXPECT_NE(firstDiagnostic(connection).message.find("access_denied"), std::string::npos);
  }
  EXPECT_EQ(oauthStat("denials"), denials + 1);
  Environment env;
  Connection connection(env);
  ASSERT_EQ(connection.driverConnect(fileBacked("REFRESH")), SQL_ERROR);
  EXPECT_NE(firstDiagnostic(connection).message.find("No usable OAuth tokens"), std::string::npos);
}

TEST_P(OAuthFlows, NoApprovalWithinTheTimeoutIsAClearError) {
  ScopedEnv browser("BROWSER", scriptPath("refuse_browser.sh"));
  Environment env;
  Connection connection(env);
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(connection.driverConnect(fileBacked("GETANDREFRESH", "OAuthAuthorizationTimeout=5")), SQL_ERROR);
  EXPECT_EQ(firstDiagnostic(connection).state, "HYT00");
  EXPECT_NE(firstDiagnostic(connection).message.find("OAuthAuthorizationTimeout"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
}

TEST_P(OAuthFlows, RefreshModeNeverOpensABrowserAndSaysWhatToDo) {
  ScopedEnv browser("BROWSER", scriptPath("refuse_browser.sh"));
  ScopedEnv marker("FAKE_BROWSER_MARKER", marker_);
  Environment env;
  Connection connection(env);
  ASSERT_EQ(connection.driverConnect(fileBacked("REFRESH")), SQL_ERROR);
  // A message longer than unixODBC's 512-byte records continues in the next ones.
  Diagnostic d = firstDiagnostic(connection);
  for (std::size_t i = 1; i < connection.lastDiagnostics().size(); ++i) d.message += connection.lastDiagnostics()[i].message;
  EXPECT_EQ(d.state, "28000");
  EXPECT_NE(d.message.find(sandboxUrl() + "/oauth2/authorize?"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("OAuthVerifier"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("settings file"), std::string::npos);
  EXPECT_EQ(d.message.find("code_challenge=") != std::string::npos, newFlow()) << "PKCE only in the new flow";
  EXPECT_FALSE(std::filesystem::exists(marker_)) << "InitiateOAuth=REFRESH opened a browser";
}

// Headless option 1: the URL from the error, approved in a browser elsewhere; the code comes
// back as OAuthVerifier (with the PKCE verifier the driver kept in the settings file).
TEST_P(OAuthFlows, HeadlessVerifierIsExchangedOnceAndSaved) {
  std::string url;
  {
    Environment env;
    Connection connection(env);
    ASSERT_EQ(connection.driverConnect(fileBacked("REFRESH")), SQL_ERROR);
    const std::string message = firstDiagnostic(connection).message;
    const auto start = message.find(sandboxUrl() + "/oauth2/authorize?");
    ASSERT_NE(start, std::string::npos) << message;
    url = message.substr(start, message.find(' ', start) - start);
  }
  const std::string redirect = approveInBrowserElsewhere(url);
  ASSERT_EQ(redirect.rfind(callback_ + "?", 0), 0u) << "monday did not redirect to the CallbackURL";
  const std::string code = queryParameter(redirect, "code");
  ASSERT_FALSE(code.empty());

  const long long exchanges = oauthStat("code_exchanges");
  for (int attempt = 0; attempt < 2; ++attempt) {  // the second time: a DSN that still carries the used code
    Environment env;
    Connection connection(env);
    ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(fileBacked("REFRESH", "OAuthVerifier=" + code))))
        << describe(connection.lastDiagnostics());
    EXPECT_EQ(meName(connection), "Avery Stone");
  }
  EXPECT_EQ(oauthStat("code_exchanges"), exchanges + 1) << "a used OAuthVerifier was sent again";
  Environment env;
  Connection connection(env);
  EXPECT_TRUE(SQL_SUCCEEDED(connection.driverConnect(fileBacked("REFRESH")))) << describe(connection.lastDiagnostics());
}

// Headless option 2: a settings file made on a machine with a browser, copied with its key.
TEST_P(OAuthFlows, CopiedSettingsFileWorksWithTheSameKeyOnly) {
  authorizeWithFakeBrowser();
  TempDir elsewhere;
  const std::string copy = elsewhere.file("copied.settings");
  std::filesystem::copy_file(settings_file_, copy);
  ScopedEnv key("MONDAY_TEST_COPIED_KEY", kSettingsKey);
  ScopedEnv browser("BROWSER", scriptPath("refuse_browser.sh"));
  ScopedEnv marker("FAKE_BROWSER_MARKER", marker_);
  const std::string base = oauthConnectionString(app(), "REFRESH", "OAuthSettingsLocation=" + copy);
  {
    Environment env;
    Connection connection(env);
    ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(base + ";OAuthSettingsKey=env:MONDAY_TEST_COPIED_KEY")))
        << describe(connection.lastDiagnostics());
    EXPECT_EQ(meName(connection), "Avery Stone");
  }
  {
    Environment env;
    Connection connection(env);
    ASSERT_EQ(connection.driverConnect(base + ";OAuthSettingsKey=" + std::string(64, 'e')), SQL_ERROR);
    EXPECT_EQ(firstDiagnostic(connection).state, "28000");
    EXPECT_NE(firstDiagnostic(connection).message.find("OAuthSettingsKey"), std::string::npos);
  }
  {
    // A changed byte: detected, reported, not used.
    std::fstream file(copy, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(40);
    const char original = static_cast<char>(file.get());
    file.seekp(40);
    file.put(static_cast<char>(original ^ 0x01));
    file.close();
    Environment env;
    Connection connection(env);
    ASSERT_EQ(connection.driverConnect(base + ";OAuthSettingsKey=" + kSettingsKey), SQL_ERROR);
    EXPECT_EQ(firstDiagnostic(connection).state, "28000");
    EXPECT_NE(firstDiagnostic(connection).message.find("integrity"), std::string::npos);
  }
  EXPECT_FALSE(std::filesystem::exists(marker_));
}

TEST_P(OAuthFlows, RevokedAuthorizationIs28000SayingToAuthorizeAgain) {
  authorizeWithFakeBrowser();
  Environment env;
  Connection connection(env);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(fileBacked("REFRESH")))) << describe(connection.lastDiagnostics());
  sandboxJson("POST", "/__sandbox/oauth/revoke-all");
  Statement statement(connection);
  ASSERT_EQ(statement.execDirect("SELECT name FROM Me"), SQL_ERROR);
  const auto d = statement.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].state, "28000");
  EXPECT_NE(d[0].message.find("uthorize again"), std::string::npos) << d[0].message;
}

// ---- OAuth 2.1 only: expiring access tokens and rotating refresh tokens ----------------------

class OAuthRotation : public OAuthFlows {};
INSTANTIATE_TEST_SUITE_P(NewFlow, OAuthRotation, ::testing::Values(kNewFlowApp),
                         [](const auto&) { return "OAuth21"; });

TEST_P(OAuthRotation, ExpiredSavedTokenIsRefreshedWithoutABrowser) {
  setOAuthConfig(R"({"access_token_ttl_seconds":2})");
  authorizeWithFakeBrowser();
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  const long long refreshes = oauthStat("refreshes");
  ScopedEnv browser("BROWSER", scriptPath("refuse_browser.sh"));
  ScopedEnv marker("FAKE_BROWSER_MARKER", marker_);
  setOAuthConfig(R"({"access_token_ttl_seconds":3600})");
  Environment env;
  Connection connection(env);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(fileBacked("GETANDREFRESH"))))
      << describe(connection.lastDiagnostics());
  EXPECT_EQ(meName(connection), "Avery Stone");
  EXPECT_EQ(oauthStat("refreshes"), refreshes + 1);
  EXPECT_FALSE(std::filesystem::exists(marker_));
}

TEST_P(OAuthRotation, TokenExpiringMidSessionIsRefreshedBeforeTheRequest) {
  setOAuthConfig(R"({"access_token_ttl_seconds":3})");
  authorizeWithFakeBrowser();
  Environment env;
  Connection connection(env);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(fileBacked("REFRESH")))) << describe(connection.lastDiagnostics());
  EXPECT_EQ(meName(connection), "Avery Stone");
  std::this_thread::sleep_for(std::chrono::milliseconds(3200));
  const std::size_t before = requestCount();
  const long long refreshes = oauthStat("refreshes");
  EXPECT_EQ(meName(connection), "Avery Stone");
  EXPECT_GE(oauthStat("refreshes"), refreshes + 1);
  EXPECT_EQ(countRequests(before, "/v2", 401), 0u) << "an expired token was sent";
}

TEST_P(OAuthRotation, RejectedTokenIsRefreshedAndTheRequestRetriedOnce) {
  authorizeWithFakeBrowser();
  Environment env;
  Connection connection(env);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(fileBacked("REFRESH")))) << describe(connection.lastDiagnostics());
  sandboxJson("POST", "/__sandbox/oauth/invalidate-access-tokens");  // still before their exp
  const std::size_t before = requestCount();
  EXPECT_EQ(meName(connection), "Avery Stone");
  EXPECT_EQ(countRequests(before, "/v2", 401), 1u);
  EXPECT_EQ(countRequests(before, "/oauth_ms/oauth/token", 200), 1u);
  EXPECT_EQ(countRequests(before, "/v2", 200), 1u);
}

TEST_P(OAuthRotation, ASecondRejectionAfterTheRefreshEndsTheStatement) {
  authorizeWithFakeBrowser();
  Environment env;
  Connection connection(env);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(fileBacked("REFRESH")))) << describe(connection.lastDiagnostics());
  // The next two /v2 answers are 401 whatever the token: one refresh, one retry, then an error.
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"({"kind":"http401","count":2,"path":"/v2"})"), 200);
  const std::size_t before = requestCount();
  Statement statement(connection);
  ASSERT_EQ(statement.execDirect("SELECT name FROM Me"), SQL_ERROR);
  EXPECT_EQ(statement.diagnostics().at(0).state, "28000");
  EXPECT_EQ(countRequests(before, "/oauth_ms/oauth/token"), 1u) << "refreshed more than once for one request";
  EXPECT_EQ(countRequests(before, "/v2", 401), 2u) << "the request was not retried exactly once";
  // The refreshed token is good: the next statement works.
  EXPECT_EQ(meName(connection), "Avery Stone");
}

TEST_P(OAuthRotation, ConnectionsSharingTheFileNeverReuseARotatedRefreshToken) {
  setOAuthConfig(R"({"access_token_ttl_seconds":2})");
  authorizeWithFakeBrowser();
  Environment env;
  Connection first(env);
  Connection second(env);
  ASSERT_TRUE(SQL_SUCCEEDED(first.driverConnect(fileBacked("REFRESH")))) << describe(first.lastDiagnostics());
  ASSERT_TRUE(SQL_SUCCEEDED(second.driverConnect(fileBacked("REFRESH")))) << describe(second.lastDiagnostics());
  const long long reuse = oauthStat("refresh_token_reuse");
  for (int round = 0; round < 3; ++round) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    EXPECT_EQ(meName(first), "Avery Stone");
    EXPECT_EQ(meName(second), "Avery Stone");
  }
  EXPECT_EQ(oauthStat("refresh_token_reuse"), reuse) << "a rotated refresh token was used twice";
}

TEST_P(OAuthRotation, OffWithRefreshTokenRefreshesInMemory) {
  setOAuthConfig(R"({"access_token_ttl_seconds":2,"include_expires_in":true})");
  const Tokens tokens = issueTokens(app());
  Environment env;
  Connection connection(env);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(oauthConnectionString(
      app(), "OFF", "OAuthAccessToken=" + tokens.access + ";OAuthRefreshToken=" + tokens.refresh))))
      << describe(connection.lastDiagnostics());
  std::this_thread::sleep_for(std::chrono::milliseconds(2200));
  const long long refreshes = oauthStat("refreshes");
  EXPECT_EQ(meName(connection), "Avery Stone");
  EXPECT_EQ(oauthStat("refreshes"), refreshes + 1);
}

}  // namespace
