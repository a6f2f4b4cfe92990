// The audit-log REST client waits out HTTP 429 and server errors with the one retry policy, so
// MaxRetries and MaxRetryWait bound it as they bound the GraphQL client. (It used to have its own
// loop: eight 429s, waits of up to 120 s, whatever the properties said.)

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "driver/client/audit_rest_client.h"
#include "driver/config/connection_string.h"
#include "driver/config/settings.h"
#include "tests/unit/fake_network.h"

namespace monday::client {
namespace {

using test::FakeSeams;
using test::secondsEach;

constexpr const char* kPage = R"({"data":[],"page":1,"per_page":50,"next_page":null})";

std::unique_ptr<AuditRestClient> clientFor(FakeSeams& fake, const std::string& extra = "") {
  const config::Settings settings = config::Settings::fromAttributes(config::parseConnectionString(
      "Schema=AuditLog;Domain=https://acme.monday.example;APIToken=audit-token;AuditRequestsPerMinute=1000;" + extra));
  return std::make_unique<AuditRestClient>(settings, std::make_shared<log::Logger>(), fake.seams());
}

void limited(FakeSeams& fake, int retry_after_seconds) {
  fake.network.answer(429, R"({"message":"Too many requests"})", {{"retry-after", std::to_string(retry_after_seconds)}});
}

TEST(AuditRestClientRetries, ALimitIsWaitedOutForExactlyWhatRetryAfterSays) {
  FakeSeams fake;
  limited(fake, 7);
  fake.network.answer(200, kPage);
  auto client = clientFor(fake);
  EXPECT_TRUE(client->getLogs(1, 50, "")["data"].IsArray());
  EXPECT_EQ(fake.network.requestCount(), 2u);
  EXPECT_EQ(fake.clock->sleeps(), secondsEach({7}));
}

TEST(AuditRestClientRetries, HonoursMaxRetries) {
  FakeSeams fake;
  for (int i = 0; i < 6; ++i) limited(fake, 1);
  auto client = clientFor(fake, "MaxRetries=2");
  EXPECT_THROW(client->getLogs(1, 50, ""), Error);
  EXPECT_EQ(fake.network.requestCount(), 3u) << "the first attempt and MaxRetries=2 resends";
  EXPECT_EQ(fake.clock->sleeps(), secondsEach({1, 1}));
}

TEST(AuditRestClientRetries, HonoursMaxRetryWait) {
  FakeSeams fake;
  limited(fake, 30);
  limited(fake, 30);
  fake.network.answer(200, kPage);
  auto client = clientFor(fake, "MaxRetryWait=10");
  try {
    client->getLogs(1, 50, "");
    ADD_FAILURE() << "a 30 s wait was accepted under MaxRetryWait=10";
  } catch (const Error& error) {
    EXPECT_EQ(error.nativeCode(), 429);
  }
  EXPECT_EQ(fake.network.requestCount(), 1u);
  EXPECT_TRUE(fake.clock->sleeps().empty());
}

TEST(AuditRestClientRetries, ServerErrorsBackOffAndStopAtTheThirdAttempt) {
  FakeSeams fake;
  for (int i = 0; i < 3; ++i) fake.network.answer(503, R"({"message":"unavailable"})");
  fake.network.answer(200, kPage);
  auto client = clientFor(fake);
  EXPECT_THROW(client->getLogs(1, 50, ""), Error);
  EXPECT_EQ(fake.network.requestCount(), 3u);
  EXPECT_EQ(fake.clock->sleeps(), secondsEach({1, 2}));
}

TEST(AuditRestClientRetries, TransportAdviceNamesDomain) {
  FakeSeams fake;
  fake.network.fail(net::FailureKind::CannotConnect, "Connection refused");
  auto client = clientFor(fake);
  try {
    client->getLogs(1, 50, R"({"events":["login"]})");
    ADD_FAILURE() << "getLogs() did not throw";
  } catch (const Error& error) {
    EXPECT_NE(error.message().find("Check the Domain property, proxy and firewall."), std::string::npos)
        << error.message();
  }
  ASSERT_EQ(fake.network.requestCount(), 1u);
  EXPECT_EQ(fake.network.requests()[0].url,
            "https://acme.monday.example/audit-api/get-logs?page=1&per_page=50&filters=%7B%22events%22%3A%5B%22login%22%5D%7D");
}

}  // namespace
}  // namespace monday::client
