// The OAuth procedures through the driver manager, on a connection that has no token yet
// (AuthScheme=OAuth, InitiateOAuth=OFF): the web application's flow, APP mode saving to the
// settings file, refresh with rotation, and the checks on state.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/integration/oauth/oauth_test_support.h"

using namespace monday::test;
using namespace monday::test::oauth;

namespace {

using Rows = std::vector<std::vector<std::optional<std::string>>>;

std::string cell(const Rows& rows, std::size_t column) {
  return rows.size() == 1 && rows[0].size() > column && rows[0][column] ? *rows[0][column] : "";
}

std::string quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

class OAuthProcedures : public ::testing::Test {
 protected:
  void TearDown() override { setOAuthConfig(R"({"access_token_ttl_seconds":3600})"); }

  void connectWithoutToken(Connection& connection, const App& app, const std::string& extra = "") {
    const std::size_t before = requestCount();
    ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(oauthConnectionString(app, "OFF", "CallbackURL=" + callback_ +
                                                                                             (extra.empty() ? "" : ";" + extra)))))
        << describe(connection.lastDiagnostics());
    EXPECT_EQ(requestCount(), before) << "connecting without a token must not call monday";
  }

  std::string callback_ = callbackUrl(freeLoopbackPort());
};

TEST_F(OAuthProcedures, TokenlessConnectionOpensWithoutApiCallsAndSaysWhatToDo) {
  Environment env;
  Connection connection(env);
  connectWithoutToken(connection, kNewFlowApp);
  Statement statement(connection);
  ASSERT_EQ(statement.execDirect("SELECT name FROM Me"), SQL_ERROR);
  const auto d = statement.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].state, "28000");
  EXPECT_NE(d[0].message.find("GetOAuthAccessToken"), std::string::npos) << d[0].message;
}

TEST_F(OAuthProcedures, WebFlowAuthorizationUrlCodeTokensRefresh) {
  Environment env;
  Connection connection(env);
  connectWithoutToken(connection, kNewFlowApp);

  const Rows url_rows = query(connection, "EXEC GetOAuthAuthorizationURL @Scope = 'me:read boards:read'");
  const std::string url = cell(url_rows, 0);
  const std::string state = cell(url_rows, 1);
  const std::string verifier = cell(url_rows, 2);
  EXPECT_EQ(url.rfind(sandboxUrl() + "/oauth2/authorize?", 0), 0u) << "not monday's authorize endpoint";
  EXPECT_EQ(queryParameter(url, "client_id"), kNewFlowApp.client_id);
  EXPECT_EQ(queryParameter(url, "redirect_uri"), callback_);
  EXPECT_EQ(queryParameter(url, "state"), state);
  EXPECT_EQ(queryParameter(url, "scope"), "me:read boards:read");
  EXPECT_EQ(queryParameter(url, "code_challenge_method"), "S256");
  EXPECT_EQ(verifier.size(), 43u);
  EXPECT_EQ(url.find(verifier), std::string::npos) << "the PKCE verifier must not be in the URL";
  EXPECT_EQ(cell(url_rows, 3), callback_);

  // The user approves; the web application receives code and state on its redirect URL.
  const std::string redirect = approveInBrowserElsewhere(url);
  ASSERT_EQ(queryParameter(redirect, "state"), state);
  const std::string code = queryParameter(redirect, "code");

  // The web application runs the exchange on a fresh connection, passing what it kept.
  Connection web(env);
  connectWithoutToken(web, kNewFlowApp);
  const Rows tokens = query(web, "EXEC GetOAuthAccessToken @AuthMode = 'WEB', @Verifier = " + quoted(code) +
                                     ", @State = " + quoted(state) + ", @CodeVerifier = " + quoted(verifier));
  const std::string access = cell(tokens, 0);
  const std::string refresh = cell(tokens, 1);
  EXPECT_FALSE(access.empty());
  EXPECT_FALSE(refresh.empty());
  EXPECT_GT(std::stoll(cell(tokens, 2)), 3000);
  EXPECT_EQ(cell(tokens, 3), "me:read boards:read");
  // The same connection uses the new token at once.
  auto me = query(web, "SELECT name FROM Me");
  ASSERT_EQ(me.size(), 1u);
  EXPECT_EQ(me[0][0].value_or(""), "Avery Stone");

  // Refresh: new tokens, the old refresh token is spent.
  const Rows refreshed = query(web, "{call RefreshOAuthAccessToken(" + quoted(refresh) + ")}");
  EXPECT_FALSE(cell(refreshed, 0).empty());
  EXPECT_NE(cell(refreshed, 0), access);
  EXPECT_NE(cell(refreshed, 1), refresh);
  Statement again(web);
  ASSERT_EQ(again.execDirect("EXEC RefreshOAuthAccessToken @OAuthRefreshToken = " + quoted(refresh)), SQL_ERROR);
  EXPECT_EQ(again.diagnostics().at(0).state, "28000");
  EXPECT_NE(again.diagnostics().at(0).message.find("invalid_grant"), std::string::npos);
}

TEST_F(OAuthProcedures, StateFromAnotherAuthorizationIsRefused) {
  Environment env;
  Connection connection(env);
  connectWithoutToken(connection, kClassicApp);
  const Rows url_rows = query(connection, "EXEC GetOAuthAuthorizationURL");
  EXPECT_FALSE(cell(url_rows, 2).size()) << "the classic flow has no PKCE verifier";
  const std::string code = queryParameter(approveInBrowserElsewhere(cell(url_rows, 0)), "code");
  Statement statement(connection);
  ASSERT_EQ(statement.execDirect("EXEC GetOAuthAccessToken @Verifier = " + quoted(code) + ", @State = 'forged'"),
            SQL_ERROR);
  EXPECT_EQ(statement.diagnostics().at(0).state, "28000");
  EXPECT_NE(statement.diagnostics().at(0).message.find("State"), std::string::npos);
  // With the right state (remembered by this connection) it works.
  const Rows tokens = query(connection, "EXEC GetOAuthAccessToken @Verifier = " + quoted(code) + ", @State = " +
                                            quoted(cell(url_rows, 1)));
  EXPECT_FALSE(cell(tokens, 0).empty());
  EXPECT_EQ(cell(tokens, 1), "") << "no refresh token in the classic flow";
  EXPECT_EQ(cell(tokens, 2), "") << "classic tokens do not expire";
}

TEST_F(OAuthProcedures, AppModeSavesTheTokensForLaterConnections) {
  TempDir dir;
  const std::string file = "OAuthSettingsLocation=" + dir.file("app.settings") + ";OAuthSettingsKey=" + kSettingsKey;
  Environment env;
  Connection connection(env);
  connectWithoutToken(connection, kNewFlowApp, file);
  const Rows url_rows = query(connection, "EXEC GetOAuthAuthorizationURL");
  const std::string code = queryParameter(approveInBrowserElsewhere(cell(url_rows, 0)), "code");
  const Rows tokens = query(connection, "EXEC GetOAuthAccessToken @AuthMode = 'APP', @Verifier = " + quoted(code));
  EXPECT_FALSE(cell(tokens, 0).empty());
  ASSERT_TRUE(std::filesystem::exists(dir.file("app.settings")));

  ScopedEnv browser("BROWSER", scriptPath("refuse_browser.sh"));
  Connection later(env);
  ASSERT_TRUE(SQL_SUCCEEDED(later.driverConnect(oauthConnectionString(kNewFlowApp, "REFRESH", file + ";CallbackURL=" + callback_))))
      << describe(later.lastDiagnostics());
  EXPECT_EQ(query(later, "SELECT name FROM Me").at(0).at(0).value_or(""), "Avery Stone");
}

TEST_F(OAuthProcedures, ClassicFlowHasNothingToRefreshAndTokenSchemeHasNoOAuth) {
  Environment env;
  Connection classic(env);
  connectWithoutToken(classic, kClassicApp);
  Statement refresh(classic);
  ASSERT_EQ(refresh.execDirect("EXEC RefreshOAuthAccessToken @OAuthRefreshToken = 'x'"), SQL_ERROR);
  EXPECT_EQ(refresh.diagnostics().at(0).state, "HYC00");
  EXPECT_NE(refresh.diagnostics().at(0).message.find("OAuthFlow"), std::string::npos);

  Connection token(env);
  ASSERT_TRUE(SQL_SUCCEEDED(token.connectDsn("monday-sandbox"))) << describe(token.lastDiagnostics());
  Statement url(token);
  ASSERT_EQ(url.execDirect("EXEC GetOAuthAuthorizationURL"), SQL_ERROR);
  EXPECT_EQ(url.diagnostics().at(0).state, "28000");
  EXPECT_NE(url.diagnostics().at(0).message.find("AuthScheme=OAuth"), std::string::npos);
}

}  // namespace
