// The GraphQL client's retries through a scripted network and a fake clock: reads are resent
// after limits and transient failures as MaxRetries and MaxRetryWait allow, waiting exactly what
// monday asked; a mutation that may have reached monday is never resent (DESIGN decision 7).
// Asserted on the requests sent and the waits asked of the clock, never on elapsed time.

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include <rapidjson/document.h>

#include "driver/client/api_client.h"
#include "driver/client/mutation_outcome.h"
#include "driver/config/connection_string.h"
#include "driver/config/settings.h"
#include "tests/unit/fake_network.h"

namespace monday::client {
namespace {

using test::FakeSeams;
using test::secondsEach;

constexpr const char* kRead = "query Me { me { id } }";
constexpr const char* kMutation = "mutation Rename { update_board(board_id: 1, board_attribute: name, new_value: \"x\") }";
constexpr const char* kData = R"({"data":{"me":{"id":"1"}}})";

std::string rateLimited(int retry_in_seconds) {
  return R"({"errors":[{"message":"Rate limit exceeded","extensions":{"code":"RATE_LIMIT_EXCEEDED","retry_in_seconds":)" +
         std::to_string(retry_in_seconds) + "}}]}";
}

// A client of its own token: the complexity budget is shared per token across the process, so
// each test's budget starts empty.
std::unique_ptr<ApiClient> clientFor(FakeSeams& fake, const std::string& extra = "") {
  const std::string token = "token-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name());
  const config::Settings settings = config::Settings::fromAttributes(
      config::parseConnectionString("APIURL=https://api.example.test/v2;APIToken=" + token + ";" + extra));
  return std::make_unique<ApiClient>(settings, std::make_shared<log::Logger>(), fake.seams());
}

rapidjson::Document noVariables() {
  rapidjson::Document variables;
  variables.SetObject();
  return variables;
}

TEST(ApiClientRetries, ARateLimitedReadIsSentAgainAfterTheWaitMondayAskedFor) {
  FakeSeams fake;
  fake.network.answer(429, rateLimited(7));
  fake.network.answer(429, R"({"errors":[{"message":"Too many requests"}]})", {{"retry-after", "12"}});
  fake.network.answer(200, kData);
  auto client = clientFor(fake);
  const auto answer = client->query(kRead, noVariables());
  EXPECT_TRUE(answer["data"].HasMember("me"));
  EXPECT_EQ(fake.network.requestCount(), 3u);
  EXPECT_EQ(fake.clock->sleeps(), secondsEach({7, 12})) << "retry_in_seconds, then Retry-After";
}

TEST(ApiClientRetries, AReadGivesUpAfterMaxRetriesResends) {
  FakeSeams fake;
  for (int i = 0; i < 4; ++i) fake.network.answer(429, rateLimited(1));
  auto client = clientFor(fake, "MaxRetries=2");
  try {
    client->query(kRead, noVariables());
    ADD_FAILURE() << "the third refusal did not fail the call";
  } catch (const Error& error) {
    EXPECT_NE(error.message().find("MaxRetries=2"), std::string::npos) << error.message();
  }
  EXPECT_EQ(fake.network.requestCount(), 3u) << "the first attempt and two resends";
  EXPECT_EQ(fake.clock->sleeps(), secondsEach({1, 1}));
}

TEST(ApiClientRetries, AWaitLongerThanMaxRetryWaitFailsAtOnce) {
  FakeSeams fake;
  fake.network.answer(429, rateLimited(30));
  auto client = clientFor(fake, "MaxRetryWait=5");
  try {
    client->query(kRead, noVariables());
    ADD_FAILURE() << "a 30 s wait was accepted under MaxRetryWait=5";
  } catch (const Error& error) {
    EXPECT_NE(error.message().find("monday asked to wait 30.0s"), std::string::npos) << error.message();
    EXPECT_NE(error.message().find("MaxRetryWait=5s"), std::string::npos) << error.message();
  }
  EXPECT_EQ(fake.network.requestCount(), 1u);
  EXPECT_TRUE(fake.clock->sleeps().empty());
}

TEST(ApiClientRetries, ServerErrorsBackOffAndStopAtTheThirdAttempt) {
  FakeSeams fake;
  for (int i = 0; i < 3; ++i) fake.network.answer(500, "Internal Server Error");
  auto client = clientFor(fake, "MaxRetries=10");
  EXPECT_THROW(client->query(kRead, noVariables()), Error);
  EXPECT_EQ(fake.network.requestCount(), 3u);
  EXPECT_EQ(fake.clock->sleeps(), secondsEach({1, 2}));
}

TEST(ApiClientRetries, AReadWhoseConnectionDroppedIsAskedAgain) {
  FakeSeams fake;
  fake.network.fail(net::FailureKind::LinkLost, "Connection reset by peer");
  fake.network.answer(200, kData);
  auto client = clientFor(fake);
  EXPECT_TRUE(client->query(kRead, noVariables())["data"].HasMember("me"));
  EXPECT_EQ(fake.network.requestCount(), 2u);
  EXPECT_EQ(fake.clock->sleeps(), secondsEach({1}));
}

TEST(ApiClientRetries, AMutationThatMayHaveReachedMondayIsNeverSentAgain) {
  for (bool dropped : {false, true}) {
    FakeSeams fake;
    if (dropped) fake.network.fail(net::FailureKind::LinkLost, "Connection reset by peer");
    else fake.network.answer(502, "Bad Gateway");
    fake.network.answer(200, R"({"data":{"update_board":"{}"}})");
    auto client = clientFor(fake);
    EXPECT_THROW(client->mutate(kMutation, noVariables()), MutationOutcomeUnknown) << (dropped ? "dropped" : "502");
    ASSERT_EQ(fake.network.requestCount(), 1u) << (dropped ? "dropped" : "502");
    EXPECT_TRUE(fake.network.requests()[0].send_once) << "not even libcurl may resend it";
    EXPECT_TRUE(fake.clock->sleeps().empty());
  }
}

TEST(ApiClientRetries, AMutationRejectedByARateLimitIsSentAgainAfterTheWait) {
  // monday refuses a 429 before running anything, so the change cannot be applied twice.
  FakeSeams fake;
  fake.network.answer(429, rateLimited(3));
  fake.network.answer(200, R"({"data":{"update_board":"{}"}})");
  auto client = clientFor(fake);
  client->mutate(kMutation, noVariables());
  EXPECT_EQ(fake.network.requestCount(), 2u);
  EXPECT_EQ(fake.clock->sleeps(), secondsEach({3}));
}

TEST(ApiClientRetries, ACallThatWouldExhaustTheBudgetWaitsForTheWindowToReset) {
  FakeSeams fake;
  // The first answer spends the budget: nothing left for 20 s.
  fake.network.answer(
      200, R"({"data":{"me":{"id":"1"},"monday_odbc_budget":{"before":500,"query":500,"after":0,"reset_in_x_seconds":20}}})");
  fake.network.answer(200, kData);
  auto client = clientFor(fake);
  client->query(kRead, noVariables());
  client->query(kRead, noVariables());
  EXPECT_EQ(fake.network.requestCount(), 2u);
  EXPECT_EQ(fake.clock->sleeps(), std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(20'250)})
      << "until the reset, plus the margin for monday's rounded seconds";
}

}  // namespace
}  // namespace monday::client
