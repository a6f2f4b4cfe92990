// The OAuth and JWT connection properties: choices, what each InitiateOAuth mode requires,
// env:/file: secret references, and that references (not secrets) reach the output string.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "driver/common/error.h"
#include "driver/config/settings.h"

namespace monday::config {
namespace {

Settings settingsFrom(const std::string& text) { return Settings::fromAttributes(parseConnectionString(text)); }

std::string failure(const std::string& text, const std::string& state) {
  try {
    settingsFrom(text);
  } catch (const Error& e) {
    EXPECT_EQ(e.state(), state) << e.message();
    return e.message();
  }
  ADD_FAILURE() << "accepted: " << text;
  return {};
}

TEST(AuthSettings, OAuthOffWithoutTokenConnectsForTheProcedures) {
  const Settings s = settingsFrom("AuthScheme=oauth;OAuthClientId=c");
  EXPECT_EQ(s.auth_scheme, AuthScheme::OAuth);
  EXPECT_EQ(s.oauth.initiate, InitiateOAuth::Off);
  EXPECT_EQ(s.oauth.flow, OAuthFlow::Classic);
  EXPECT_EQ(s.oauth.auth_url, "https://auth.monday.com");
  EXPECT_EQ(s.oauth.callback_url, "http://localhost:33333/callback");
  EXPECT_TRUE(s.awaitsOAuthToken());
  EXPECT_FALSE(settingsFrom("AuthScheme=OAuth;OAuthAccessToken=t").awaitsOAuthToken());
  EXPECT_FALSE(settingsFrom("APIToken=t").awaitsOAuthToken());
}

TEST(AuthSettings, InitiateModesNeedTheClientAndALoopbackCallback) {
  EXPECT_NE(failure("AuthScheme=OAuth;InitiateOAuth=REFRESH;OAuthClientId=c", "28000").find("OAuthClientSecret"),
            std::string::npos);
  const std::string remote = failure(
      "AuthScheme=OAuth;InitiateOAuth=GETANDREFRESH;OAuthClientId=c;OAuthClientSecret=s;"
      "CallbackURL=https://app.example.com/cb",
      "08001");
  EXPECT_NE(remote.find("localhost"), std::string::npos);
  const Settings s = settingsFrom(
      "AuthScheme=OAuth;InitiateOAuth=getandrefresh;OAuthFlow=oauth2.1;OAuthClientId=c;OAuthClientSecret=s;"
      "CallbackURL=http://127.0.0.1:5000/cb;AuthURL=http://127.0.0.1:9/;Scope=me:read boards:read");
  EXPECT_EQ(s.oauth.initiate, InitiateOAuth::GetAndRefresh);
  EXPECT_EQ(s.oauth.flow, OAuthFlow::OAuth21);
  EXPECT_EQ(s.oauth.auth_url, "http://127.0.0.1:9");
  // REFRESH (headless) may use any registered redirect URL: nothing listens there.
  EXPECT_NO_THROW(settingsFrom("AuthScheme=OAuth;InitiateOAuth=REFRESH;OAuthClientId=c;OAuthClientSecret=s;"
                               "CallbackURL=https://app.example.com/cb"));
}

TEST(AuthSettings, OAuthHostMustBeHttpsUnlessLoopback) {
  failure("AuthScheme=OAuth;AuthURL=http://auth.monday.com", "08001");
  EXPECT_FALSE(isLoopbackUrl("http://127.0.0.1.evil.com/"));
  EXPECT_TRUE(isLoopbackUrl("http://[::1]:8080/x"));
}

TEST(AuthSettings, JwtNeedsTokenAndSigningSecret) {
  EXPECT_NE(failure("AuthScheme=JWT;JWTSigningSecret=s", "28000").find("JWTToken"), std::string::npos);
  EXPECT_NE(failure("AuthScheme=JWT;JWTToken=a.b.c", "28000").find("JWTSigningSecret"), std::string::npos);
  const Settings s = settingsFrom("AuthScheme=JWT;JWT=a.b.c;SigningSecret=s;JWTAudience=https://x");
  EXPECT_EQ(s.jwt.token, "a.b.c");
  EXPECT_EQ(s.jwt.audience, "https://x");
}

TEST(AuthSettings, SecretsFromEnvironmentAndFilesStayReferencesInTheOutputString) {
  setenv("MONDAY_UNIT_CLIENT_SECRET", "secret-from-env", 1);
  const std::string path = "/tmp/monday-unit-token-" + std::to_string(getpid());
  {
    std::ofstream(path) << "token-from-file\n";
  }
  const Settings s = settingsFrom("AuthScheme=OAuth;OAuthClientSecret=env:MONDAY_UNIT_CLIENT_SECRET;"
                                  "OAuthAccessToken=file:" + path + ";APIToken=env:MONDAY_UNIT_CLIENT_SECRET");
  EXPECT_EQ(s.oauth.client_secret, "secret-from-env");
  EXPECT_EQ(s.oauth.access_token, "token-from-file");
  EXPECT_EQ(s.api_token, "secret-from-env");
  const std::string out = s.toConnectionString();
  EXPECT_NE(out.find("env:MONDAY_UNIT_CLIENT_SECRET"), std::string::npos) << out;
  EXPECT_EQ(out.find("secret-from-env"), std::string::npos) << out;
  EXPECT_EQ(out.find("token-from-file"), std::string::npos) << out;
  std::remove(path.c_str());

  const std::string unset = failure("APIToken=env:MONDAY_UNIT_NOT_SET_ANYWHERE", "28000");
  EXPECT_NE(unset.find("MONDAY_UNIT_NOT_SET_ANYWHERE"), std::string::npos);
  EXPECT_NE(failure("APIToken=file:/nonexistent/monday-token", "28000").find("/nonexistent/monday-token"),
            std::string::npos);
  unsetenv("MONDAY_UNIT_CLIENT_SECRET");
}

}  // namespace
}  // namespace monday::config
