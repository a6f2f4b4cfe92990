// JSON Web Tokens (auth/jwt.cpp): the OAuth 2.1 access tokens whose `exp` the driver reads without
// verifying, and the HS256 JWTs of JWTToken, verified before anything of them is parsed. Forged
// tokens never get past the signature, so the input is tried twice: as a token as it is, and as
// header and claims signed with the secret, which reaches the parsing of a verified token.
// Checked besides crashes: a rejection is a monday::Error 28000 that does not show the token;
// an accepted JWT carries a shortLivedToken, has not expired, and has the exp that an
// unverified read finds.
// Input: a token; or a header's JSON on the first line and the claims' JSON after it.

#include "driver/auth/encoding.h"
#include "driver/auth/jwt.h"
#include "driver/common/error.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using namespace monday;

// As in the unit tests (tests/unit/auth_jwt_test.cpp), so their tokens are seeds that verify.
constexpr std::string_view kSecret = "app-signing-secret";
constexpr std::string_view kAudience = "https://app.example.com/action";
const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1'900'000'000));

// `signed_here`: the token is one this target signed, whose signature part alone (43 characters of
// base64url) makes it text that no message can contain by chance.
void verify(std::string_view token, bool signed_here) {
  try {
    const auth::IntegrationJwt jwt = auth::verifyIntegrationJwt(token, kSecret, kAudience, kNow);
    MONDAY_FUZZ_CHECK(!jwt.short_lived_token.empty());
    MONDAY_FUZZ_CHECK(jwt.expires_at + 30 >= 1'900'000'000);
  } catch (const Error& error) {
    MONDAY_FUZZ_CHECK(error.state() == "28000");
    if (signed_here) MONDAY_FUZZ_CHECK(error.message().find(token) == std::string::npos);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = fuzz::bytes(data, size);
  (void)auth::unverifiedExpiry(text);
  verify(text, false);

  const std::string_view header = fuzz::takeLine(text);
  const std::string signing_input = auth::base64UrlEncode(header) + "." + auth::base64UrlEncode(text);
  const std::string token = signing_input + "." + auth::base64UrlEncode(auth::hmacSha256(kSecret, signing_input));
  verify(token, true);
  try {
    const auth::IntegrationJwt jwt = auth::verifyIntegrationJwt(token, kSecret, kAudience, kNow);
    MONDAY_FUZZ_CHECK(auth::unverifiedExpiry(token) == jwt.expires_at);
  } catch (const Error&) {
  }
  return 0;
}
