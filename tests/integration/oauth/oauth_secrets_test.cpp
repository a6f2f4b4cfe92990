// No secret reaches a log or a diagnostic: every OAuth path runs with Verbosity=3 (the most
// detail), then every secret the sandbox issued or holds — client and signing secrets, codes,
// access, refresh and short-lived tokens, JWTs — plus the settings key and PKCE verifiers is
// searched for in the driver log and in every diagnostic the driver returned. Failures name the
// secret's position in the list, never the secret.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "tests/integration/oauth/oauth_test_support.h"

using namespace monday::test;
using namespace monday::test::oauth;

namespace {

std::string quoted(const std::string& value) { return "'" + value + "'"; }

TEST(OAuthSecrets, NothingSecretInTheLogOrDiagnosticsAtHighestVerbosity) {
  TempDir dir;
  const std::string log = dir.file("driver.log");
  const std::string logging = "LogFile=" + log + ";Verbosity=3";
  const std::string callback = callbackUrl(freeLoopbackPort());
  const std::string file = "OAuthSettingsLocation=" + dir.file("t.settings") + ";OAuthSettingsKey=" + kSettingsKey +
                           ";CallbackURL=" + callback + ";" + logging;
  std::vector<std::string> diagnostics_seen;
  std::vector<std::string> extra_secrets = {kSettingsKey};
  auto keep = [&](const std::vector<Diagnostic>& records) {
    for (const auto& d : records) diagnostics_seen.push_back(d.message);
  };
  Environment env;
  setOAuthConfig(R"({"access_token_ttl_seconds":2})");

  {  // Desktop flow, refresh on expiry, refresh after a 401.
    ScopedEnv browser("BROWSER", scriptPath("fake_browser.sh"));
    Connection connection(env);
    ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(oauthConnectionString(kNewFlowApp, "GETANDREFRESH", file))))
        << describe(connection.lastDiagnostics());
    query(connection, "SELECT name FROM Me");
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    query(connection, "SELECT name FROM Me");
    sandboxControl("/__sandbox/faults", R"({"kind":"http401","count":1,"path":"/v2"})");
    query(connection, "SELECT name FROM Me");
  }
  setOAuthConfig(R"({"access_token_ttl_seconds":3600})");
  {  // The procedures (web flow), including a failing exchange.
    Connection connection(env);
    ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(
        oauthConnectionString(kNewFlowApp, "OFF", "CallbackURL=" + callback + ";" + logging))));
    const auto url = query(connection, "EXEC GetOAuthAuthorizationURL");
    ASSERT_EQ(url.size(), 1u);
    extra_secrets.push_back(url[0][2].value_or("missing-verifier"));
    const std::string code = queryParameter(approveInBrowserElsewhere(url[0][0].value_or("")), "code");
    const auto tokens = query(connection, "EXEC GetOAuthAccessToken @Verifier = " + quoted(code));
    ASSERT_EQ(tokens.size(), 1u);
    query(connection, "EXEC RefreshOAuthAccessToken @OAuthRefreshToken = " + quoted(tokens[0][1].value_or("")));
    Statement reused(connection);
    reused.execDirect("EXEC GetOAuthAccessToken @Verifier = " + quoted(code));  // a used code: refused
    keep(reused.diagnostics());
  }
  {  // Headless: no tokens (the message carries a URL), a bad verifier, a wrong client secret.
    TempDir empty;
    const std::string headless = "OAuthSettingsLocation=" + empty.file("h.settings") + ";OAuthSettingsKey=" +
                                 kSettingsKey + ";CallbackURL=" + callback + ";" + logging;
    for (const std::string& extra : {headless, headless + ";OAuthVerifier=bogus-code-value-123",
                                     headless + ";OAuthVerifier=another-bogus-code-456"}) {
      Connection connection(env);
      EXPECT_EQ(connection.driverConnect(oauthConnectionString(kNewFlowApp, "REFRESH", extra)), SQL_ERROR);
      keep(connection.lastDiagnostics());
    }
    Connection wrong_secret(env);
    App wrong = kNewFlowApp;
    wrong.client_secret = "wrong-client-secret-789";
    EXPECT_EQ(wrong_secret.driverConnect(oauthConnectionString(wrong, "REFRESH", headless + ";OAuthVerifier=x-code-0")),
              SQL_ERROR);
    keep(wrong_secret.lastDiagnostics());
    extra_secrets.insert(extra_secrets.end(), {"bogus-code-value-123", "another-bogus-code-456", "wrong-client-secret-789"});
  }
  {  // JWT: accepted, and refused with the wrong secret.
    Connection good(env);
    ASSERT_TRUE(SQL_SUCCEEDED(good.driverConnect("Driver=monday;APIURL=" + sandboxUrl() + "/v2;SSLServerCert=" + caFile() +
                                                 ";AuthScheme=JWT;JWTToken=" + integrationJwt(kNewFlowApp, "admin", 300) +
                                                 ";JWTSigningSecret=" + kNewFlowApp.signing_secret + ";" + logging)));
    query(good, "SELECT name FROM Me");
    Connection bad(env);
    EXPECT_EQ(bad.driverConnect("Driver=monday;APIURL=" + sandboxUrl() + "/v2;SSLServerCert=" + caFile() +
                                ";AuthScheme=JWT;JWTToken=" + integrationJwt(kNewFlowApp, "admin", 300) +
                                ";JWTSigningSecret=not-the-secret;" + logging),
              SQL_ERROR);
    keep(bad.lastDiagnostics());
  }

  const std::string log_text = readFile(log);
  ASSERT_NE(log_text.find("[oauth]"), std::string::npos) << "the OAuth steps were not logged at all";
  ASSERT_NE(log_text.find("TRACE"), std::string::npos) << "Verbosity=3 did not log at trace level";
  ASSERT_GE(diagnostics_seen.size(), 5u);

  std::vector<std::string> secrets = sandboxSecrets();
  secrets.insert(secrets.end(), extra_secrets.begin(), extra_secrets.end());
  ASSERT_GT(secrets.size(), 10u);
  for (std::size_t i = 0; i < secrets.size(); ++i) {
    ASSERT_GE(secrets[i].size(), 8u) << "secret #" << i << " is too short to search for";
    EXPECT_EQ(log_text.find(secrets[i]), std::string::npos) << "secret #" << i << " is in the driver log";
    for (std::size_t m = 0; m < diagnostics_seen.size(); ++m) {
      EXPECT_EQ(diagnostics_seen[m].find(secrets[i]), std::string::npos)
          << "secret #" << i << " is in diagnostic #" << m;
    }
  }
}

}  // namespace
