// Encodings OAuth relies on: base64url, percent-encoding, query strings, PKCE (RFC 7636 vector).
#include <gtest/gtest.h>

#include "driver/auth/encoding.h"
#include "driver/auth/pkce.h"

namespace monday::auth {
namespace {

TEST(AuthEncoding, Base64UrlRoundTripsEveryLength) {
  std::string bytes;
  for (int i = 0; i < 40; ++i) {
    const std::string encoded = base64UrlEncode(bytes);
    EXPECT_EQ(encoded.find_first_of("+/="), std::string::npos) << encoded;
    EXPECT_EQ(base64UrlDecode(encoded).value(), bytes);
    bytes.push_back(static_cast<char>(i * 37 + 250));
  }
  EXPECT_EQ(base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_FALSE(base64UrlDecode("a*b").has_value());
  EXPECT_FALSE(base64UrlDecode("abcde").has_value());  // 4n+1 characters cannot be base64
  EXPECT_EQ(base64UrlDecode("YQ==").value(), "a");    // padding tolerated
}

TEST(AuthEncoding, PkceMatchesRfc7636AppendixB) {
  EXPECT_EQ(pkceChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(AuthEncoding, FreshPkceAndStateAreRandomAndWellFormed) {
  const Pkce a = makePkce();
  const Pkce b = makePkce();
  EXPECT_EQ(a.verifier.size(), 43u);
  EXPECT_NE(a.verifier, b.verifier);
  EXPECT_EQ(a.challenge, pkceChallenge(a.verifier));
  EXPECT_NE(makeState(), makeState());
  EXPECT_GE(makeState().size(), 22u);
}

TEST(AuthEncoding, PercentEncodingAndQueries) {
  EXPECT_EQ(percentEncode("a b&c=d/é~"), "a%20b%26c%3Dd%2F%C3%A9~");
  EXPECT_EQ(percentDecode("a+b%20c%zz%4"), "a b c%zz%4");
  const auto query = parseQuery("code=abc%2Fdef&state=x+y&empty=&flag&&scope=me%3Aread%20boards%3Aread");
  EXPECT_EQ(queryValue(query, "code").value(), "abc/def");
  EXPECT_EQ(queryValue(query, "state").value(), "x y");
  EXPECT_EQ(queryValue(query, "empty").value(), "");
  EXPECT_EQ(queryValue(query, "flag").value(), "");
  EXPECT_EQ(queryValue(query, "scope").value(), "me:read boards:read");
  EXPECT_FALSE(queryValue(query, "missing").has_value());
  EXPECT_EQ(formEncode({{"redirect_uri", "http://127.0.0.1:5/cb"}, {"scope", "me:read x"}}),
            "redirect_uri=http%3A%2F%2F127.0.0.1%3A5%2Fcb&scope=me%3Aread%20x");
}

}  // namespace
}  // namespace monday::auth
