// The shared per-token complexity budget: what monday reported, and how long to wait before a
// call that would exhaust it. Time is passed in, so nothing here sleeps.
#include <gtest/gtest.h>

#include "driver/client/api_budget.h"

using monday::client::ApiBudget;
using monday::client::ApiOutcome;
using monday::client::Complexity;
using monday::client::Limit;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

const auto t0 = std::chrono::steady_clock::time_point{} + std::chrono::hours(1);
const auto wall0 = std::chrono::system_clock::time_point{} + std::chrono::hours(24 * 365 * 56);

ApiOutcome charged(long long cost, long long after, long long reset_in) {
  ApiOutcome outcome;
  outcome.kind = ApiOutcome::Kind::Data;
  outcome.complexity = Complexity{after + cost, cost, after, reset_in};
  return outcome;
}

ApiOutcome exhausted(long long wait_seconds) {
  ApiOutcome outcome;
  outcome.kind = ApiOutcome::Kind::RetryAfter;
  outcome.limit = Limit::ComplexityBudget;
  outcome.rejected_unexecuted = true;
  outcome.wait = seconds(wait_seconds);
  outcome.budget_left = 0;
  return outcome;
}

}  // namespace

TEST(ApiBudget, UnknownBudgetNeverWaits) {
  ApiBudget budget;
  EXPECT_EQ(budget.waitBefore(1'000'000, t0), milliseconds(0));
  EXPECT_EQ(budget.estimate("Items", false), 0);
}

TEST(ApiBudget, WaitsForTheResetWhenTheNextCallWouldNotFit) {
  ApiBudget budget;
  budget.observe(charged(6000, 5000, 30), "ItemsPage", t0, wall0);
  EXPECT_EQ(budget.estimate("ItemsPage", false), 6000) << "the last cost of the same operation";
  EXPECT_EQ(budget.waitBefore(6000, t0 + seconds(10)), seconds(20)) << "the window resets 30 s after t0";
  EXPECT_EQ(budget.waitBefore(4000, t0 + seconds(10)), milliseconds(0)) << "a cheaper call fits";
  EXPECT_EQ(budget.waitBefore(6000, t0 + seconds(31)), milliseconds(0)) << "the window has reset";
}

TEST(ApiBudget, AFreshWindowStartsFullWhenTheLimitIsKnown) {
  ApiBudget budget;
  ApiOutcome first = charged(100, 900, 5);
  first.rate_limits.complexity_quota = 1000;
  budget.observe(first, "Q", t0, wall0);
  auto during = budget.snapshot(t0 + seconds(1), wall0 + seconds(1));
  EXPECT_EQ(during.limit, 1000);
  EXPECT_EQ(during.left, 900);
  ASSERT_TRUE(during.resets_at.has_value());
  EXPECT_EQ(*during.resets_at, wall0 + seconds(5));
  auto after = budget.snapshot(t0 + seconds(6), wall0 + seconds(6));
  EXPECT_EQ(after.left, 1000);
  EXPECT_FALSE(after.resets_at.has_value());
}

TEST(ApiBudget, AnswersArrivingOutOfOrderKeepTheSmallerRemainder) {
  ApiBudget budget;
  budget.observe(charged(10, 500, 40), "A", t0, wall0);
  budget.observe(charged(10, 700, 40), "B", t0 + milliseconds(300), wall0);  // an older answer
  EXPECT_EQ(budget.snapshot(t0 + seconds(1), wall0).left, 500);
  // A later reset time means monday opened a new window: trust the new remainder.
  budget.observe(charged(10, 9000, 59), "C", t0 + seconds(45), wall0);
  EXPECT_EQ(budget.snapshot(t0 + seconds(46), wall0).left, 9000);
}

TEST(ApiBudget, AComplexityRejectionMakesEveryCallerWait) {
  ApiBudget budget;
  budget.observe(exhausted(12), "Items", t0, wall0);
  EXPECT_EQ(budget.waitBefore(0, t0), seconds(12)) << "even a call of unknown cost";
  EXPECT_EQ(budget.waitBefore(1, t0 + seconds(2)), seconds(10));
  EXPECT_EQ(budget.waitBefore(1, t0 + seconds(12)), milliseconds(0));
}

TEST(ApiBudget, ACallLargerThanTheWholeBudgetIsNotDelayedForNothing) {
  ApiBudget budget;
  ApiOutcome first = charged(100, 100, 30);
  first.rate_limits.complexity_quota = 200;
  budget.observe(first, "Q", t0, wall0);
  EXPECT_EQ(budget.waitBefore(150, t0), seconds(30));
  EXPECT_EQ(budget.waitBefore(500, t0), milliseconds(0)) << "no window would ever fit it";
}

TEST(ApiBudget, ReservationsOfCallsInFlightCount) {
  ApiBudget budget;
  budget.observe(charged(100, 1000, 30), "Q", t0, wall0);
  EXPECT_EQ(budget.waitBefore(600, t0), milliseconds(0));
  budget.reserve(600);
  EXPECT_EQ(budget.waitBefore(600, t0), seconds(30)) << "another connection is spending 600";
  budget.release(600);
  EXPECT_EQ(budget.waitBefore(600, t0), milliseconds(0));
}

TEST(ApiBudget, ASpentMinuteRequestQuotaIsWaitedOut) {
  ApiBudget budget;
  ApiOutcome answer = charged(1, 1000, 30);
  answer.rate_limits.minute_quota = 100;
  answer.rate_limits.minute_remaining = 0;
  answer.rate_limits.minute_reset_seconds = 8;
  budget.observe(answer, "Q", t0, wall0);
  EXPECT_EQ(budget.waitBefore(1, t0), seconds(8));
  auto s = budget.snapshot(t0, wall0);
  EXPECT_EQ(s.minute_request_limit, 100);
  EXPECT_EQ(s.minute_requests_left, 0);
  EXPECT_EQ(budget.waitBefore(1, t0 + seconds(9)), milliseconds(0));
  EXPECT_EQ(budget.snapshot(t0 + seconds(9), wall0).minute_requests_left, 100);
}

TEST(ApiBudget, HeadersAloneTeachTheBudget) {
  ApiBudget budget;
  ApiOutcome answer;
  answer.kind = ApiOutcome::Kind::Data;
  answer.rate_limits.complexity_quota = 5'000'000;
  answer.rate_limits.complexity_remaining = 2000;
  answer.rate_limits.complexity_reset_seconds = 15;
  budget.observe(answer, "Q", t0, wall0);
  EXPECT_EQ(budget.waitBefore(3000, t0), seconds(15));
}

TEST(ApiBudget, EstimatesFallBackToMutationCostThenToTheLastCall) {
  ApiBudget budget;
  EXPECT_EQ(budget.estimate("CreateItem", true), 30000);
  budget.observe(charged(420, 10000, 50), "Boards", t0, wall0);
  EXPECT_EQ(budget.estimate("Users", false), 420);
  budget.observe(charged(30001, 10000, 50), "CreateItem", t0, wall0);
  EXPECT_EQ(budget.estimate("CreateItem", true), 30001);
  EXPECT_EQ(budget.estimate("Boards", false), 420);
}

TEST(ApiBudget, DailyLimitStateIsShownUntilACallSucceeds) {
  ApiBudget budget;
  ApiOutcome daily;
  daily.kind = ApiOutcome::Kind::Failed;
  daily.limit = Limit::DailyLimit;
  daily.daily_limit_resets_at = wall0 + std::chrono::hours(3);
  budget.observe(daily, "Q", t0, wall0);
  auto s = budget.snapshot(t0, wall0);
  EXPECT_TRUE(s.daily_limit_exceeded);
  EXPECT_EQ(s.daily_limit_resets_at, wall0 + std::chrono::hours(3));
  budget.observe(charged(1, 100, 10), "Q", t0, wall0);
  EXPECT_FALSE(budget.snapshot(t0, wall0).daily_limit_exceeded);
}

TEST(ApiBudget, ConnectionsOfOneTokenShareOneBudget) {
  auto a = ApiBudget::shared("https://api.example/v2", "token-one");
  auto b = ApiBudget::shared("https://api.example/v2", "token-one");
  auto c = ApiBudget::shared("https://api.example/v2", "token-two");
  auto d = ApiBudget::shared("https://other.example/v2", "token-one");
  EXPECT_EQ(a.get(), b.get());
  EXPECT_NE(a.get(), c.get());
  EXPECT_NE(a.get(), d.get());
  EXPECT_EQ(a->snapshot(t0, wall0).connections, 2);
  a->add({.requests = 2, .complexity = 50});
  b->add({.requests = 1, .waits = 1});
  auto totals = a->snapshot(t0, wall0).totals;
  EXPECT_EQ(totals.requests, 3);
  EXPECT_EQ(totals.complexity, 50);
  EXPECT_EQ(totals.waits, 1);
}
