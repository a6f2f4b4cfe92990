// AuthScheme=JWT: HS256 verification of the JWTs monday sends to app endpoints (REFERENCE §6.3),
// and reading `exp` from OAuth 2.1 access tokens.
#include <gtest/gtest.h>

#include "driver/auth/encoding.h"
#include "driver/auth/jwt.h"
#include "driver/common/error.h"

namespace monday::auth {
namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

constexpr const char* kSecret = "app-signing-secret";
const system_clock::time_point kNow = system_clock::time_point(seconds(1'900'000'000));

std::string makeJwt(const std::string& payload, const std::string& secret = kSecret,
                    const std::string& header = R"({"alg":"HS256","typ":"JWT"})") {
  const std::string input = base64UrlEncode(header) + "." + base64UrlEncode(payload);
  return input + "." + base64UrlEncode(hmacSha256(secret, input));
}

std::string claims(long long exp, const std::string& extra = "") {
  return R"({"accountId":9000001,"userId":10000002,"aud":"https://app.example.com/action","iat":1899999900,"exp":)" +
         std::to_string(exp) + R"(,"shortLivedToken":"slt-secret-value")" + extra + "}";
}

std::string rejection(const std::string& token, const std::string& secret = kSecret, const std::string& aud = "") {
  try {
    verifyIntegrationJwt(token, secret, aud, kNow);
  } catch (const Error& e) {
    EXPECT_EQ(e.state(), "28000");
    EXPECT_EQ(e.message().find("slt-secret-value"), std::string::npos);
    EXPECT_EQ(e.message().find(token), std::string::npos);
    return e.message();
  }
  ADD_FAILURE() << "the JWT was accepted";
  return {};
}

TEST(AuthJwt, ValidTokenYieldsItsShortLivedToken) {
  const auto jwt = verifyIntegrationJwt(makeJwt(claims(1'900'000'300)), kSecret, "", kNow);
  EXPECT_EQ(jwt.short_lived_token, "slt-secret-value");
  EXPECT_EQ(jwt.user_id, "10000002");
  EXPECT_EQ(jwt.account_id, "9000001");
  // As monday sends it: the whole Authorization header, Bearer included.
  EXPECT_EQ(verifyIntegrationJwt("Bearer " + makeJwt(claims(1'900'000'300)), kSecret, "https://app.example.com/action", kNow)
                .short_lived_token,
            "slt-secret-value");
}

TEST(AuthJwt, WrongSecretIsRejected) {
  EXPECT_NE(rejection(makeJwt(claims(1'900'000'300), "client-secret-instead")).find("signature"), std::string::npos);
}

TEST(AuthJwt, TamperedPayloadIsRejected) {
  std::string token = makeJwt(claims(1'900'000'300));
  const std::string forged = base64UrlEncode(claims(1'900'000'300, R"(,"admin":true)"));
  const auto first = token.find('.');
  const auto second = token.find('.', first + 1);
  token.replace(first + 1, second - first - 1, forged);
  EXPECT_NE(rejection(token).find("signature"), std::string::npos);
}

TEST(AuthJwt, ExpiredTokenIsRejectedWithinLeewayAccepted) {
  EXPECT_NE(rejection(makeJwt(claims(1'899'999'000))).find("expired"), std::string::npos);
  EXPECT_NO_THROW(verifyIntegrationJwt(makeJwt(claims(1'899'999'990)), kSecret, "", kNow));  // 10 s skew
}

TEST(AuthJwt, OnlyHs256IsAccepted) {
  const std::string input = base64UrlEncode(R"({"alg":"none"})") + "." + base64UrlEncode(claims(1'900'000'300));
  EXPECT_NE(rejection(input + ".").find("HS256"), std::string::npos);
  EXPECT_NE(rejection(makeJwt(claims(1'900'000'300), kSecret, R"({"alg":"HS512"})")).find("HS256"), std::string::npos);
}

TEST(AuthJwt, AudienceAndShapeAreChecked) {
  EXPECT_NE(rejection(makeJwt(claims(1'900'000'300)), kSecret, "https://other.example/x").find("aud"), std::string::npos);
  EXPECT_NE(rejection("not-a-jwt").find("not a JWT"), std::string::npos);
  EXPECT_NE(rejection("a.b.c.d").find("not a JWT"), std::string::npos);
  EXPECT_NE(rejection(makeJwt(R"({"exp":1900000300})")).find("shortLivedToken"), std::string::npos);
  EXPECT_NE(rejection(makeJwt(R"({"shortLivedToken":"x"})")).find("exp"), std::string::npos);
}

TEST(AuthJwt, UnverifiedExpiryReadsExpOnly) {
  EXPECT_EQ(unverifiedExpiry(makeJwt(claims(1'900'000'300))).value(), 1'900'000'300);
  EXPECT_FALSE(unverifiedExpiry(makeJwt(R"({"uid":1})")).has_value());
  EXPECT_FALSE(unverifiedExpiry("opaque-token").has_value());
}

}  // namespace
}  // namespace monday::auth
