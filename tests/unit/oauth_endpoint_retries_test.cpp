// OAuth's token endpoint through a scripted network: a refresh (and a revocation) is sent again
// after a dropped connection, a 5xx or a 429, as MaxRetries and MaxRetryWait allow; the
// authorization-code exchange is sent exactly once, since a code works only once.

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "driver/auth/oauth_endpoints.h"
#include "driver/common/error.h"
#include "tests/unit/fake_network.h"

namespace monday::auth {
namespace {

using test::FakeSeams;
using test::secondsEach;

constexpr const char* kTokens = R"({"access_token":"new-access","refresh_token":"new-refresh","expires_in":3600})";

std::unique_ptr<OAuthEndpoints> endpointsFor(FakeSeams& fake, int max_retries = 5, int max_wait_seconds = 180) {
  config::OAuthSettings settings;
  settings.flow = config::OAuthFlow::OAuth21;
  settings.client_id = "client-id";
  settings.client_secret = "client-secret";
  settings.auth_url = "https://auth.example.test";
  return std::make_unique<OAuthEndpoints>(
      settings, net::TransportOptions{}, std::chrono::seconds(30),
      net::RetryLimits{.max_retries = max_retries, .max_wait = std::chrono::seconds(max_wait_seconds)}, nullptr,
      fake.seams());
}

TEST(OAuthEndpointRetries, ARefreshIsSentAgainAfterAServerErrorOrADroppedConnection) {
  FakeSeams fake;
  fake.network.answer(503, "Service Unavailable");
  fake.network.fail(net::FailureKind::LinkLost, "Connection reset by peer");
  fake.network.answer(200, kTokens);
  auto endpoints = endpointsFor(fake);
  const TokenSet tokens = endpoints->refresh("old-refresh");
  EXPECT_EQ(tokens.access_token, "new-access");
  EXPECT_EQ(fake.network.requestCount(), 3u);
  EXPECT_EQ(fake.clock->sleeps(), secondsEach({1, 2}));
}

TEST(OAuthEndpointRetries, ARefreshWaitsWhatRetryAfterSays) {
  FakeSeams fake;
  fake.network.answer(429, R"({"error":"rate_limited"})", {{"retry-after", "4"}});
  fake.network.answer(200, kTokens);
  auto endpoints = endpointsFor(fake);
  EXPECT_EQ(endpoints->refresh("old-refresh").refresh_token, "new-refresh");
  EXPECT_EQ(fake.clock->sleeps(), secondsEach({4}));
}

TEST(OAuthEndpointRetries, ARefreshGivesUpAtMaxRetriesWithTheLastAnswer) {
  FakeSeams fake;
  for (int i = 0; i < 3; ++i) fake.network.answer(429, "{}", {{"retry-after", "1"}});
  auto endpoints = endpointsFor(fake, /*max_retries=*/1);
  try {
    endpoints->refresh("old-refresh");
    ADD_FAILURE() << "refresh() did not throw";
  } catch (const Error& error) {
    EXPECT_NE(error.message().find("HTTP 429"), std::string::npos) << error.message();
  }
  EXPECT_EQ(fake.network.requestCount(), 2u);
  EXPECT_EQ(fake.clock->sleeps(), secondsEach({1}));
}

TEST(OAuthEndpointRetries, ARefreshAnsweredWithAnOAuthErrorIsNotSentAgain) {
  FakeSeams fake;
  fake.network.answer(400, R"({"error":"invalid_grant"})");
  fake.network.answer(200, kTokens);
  auto endpoints = endpointsFor(fake);
  EXPECT_THROW(endpoints->refresh("old-refresh"), GrantRevoked);
  EXPECT_EQ(fake.network.requestCount(), 1u);
}

TEST(OAuthEndpointRetries, TheCodeExchangeIsSentOnceWhateverHappens) {
  for (bool dropped : {false, true}) {
    FakeSeams fake;
    if (dropped) fake.network.fail(net::FailureKind::LinkLost, "Connection reset by peer");
    else fake.network.answer(503, "Service Unavailable");
    fake.network.answer(200, kTokens);
    auto endpoints = endpointsFor(fake);
    EXPECT_THROW(endpoints->exchangeCode("single-use-code", "http://127.0.0.1:8765/callback", "verifier"), Error);
    ASSERT_EQ(fake.network.requestCount(), 1u) << (dropped ? "dropped" : "503");
    EXPECT_TRUE(fake.network.requests()[0].send_once) << "not even libcurl may resend a code";
    EXPECT_TRUE(fake.clock->sleeps().empty());
  }
}

TEST(OAuthEndpointRetries, TransportAdviceNamesAuthUrl) {
  FakeSeams fake;
  fake.network.fail(net::FailureKind::HostNotResolved, "Could not resolve host");
  auto endpoints = endpointsFor(fake);
  try {
    endpoints->revoke("a-token", "access_token");
    ADD_FAILURE() << "revoke() did not throw";
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), sqlstate::kUnableToConnect);
    EXPECT_NE(error.message().find("Check the AuthURL property and the network/DNS."), std::string::npos)
        << error.message();
  }
  ASSERT_EQ(fake.network.transportsMade().size(), 1u);
  EXPECT_EQ(fake.network.transportsMade()[0].property_names.url, "AuthURL");
}

}  // namespace
}  // namespace monday::auth
