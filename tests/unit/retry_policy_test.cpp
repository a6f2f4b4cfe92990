// The one retry policy: how many resends MaxRetries allows, how long each wait is, and when
// MaxRetryWait ends the retrying. Asserted on the waits it decides, never on time passing.

#include <gtest/gtest.h>

#include <chrono>
#include <optional>

#include "driver/net/retry_policy.h"

namespace monday::net {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

Jitter noJitter() {
  return [](milliseconds) { return milliseconds(0); };
}

RetryPolicy policy(int max_retries, seconds max_wait, Jitter jitter = noJitter()) {
  return RetryPolicy(RetryLimits{.max_retries = max_retries, .max_wait = max_wait}, std::move(jitter));
}

TEST(RetryPolicy, MaxRetriesCountsResendsAfterTheFirstAttempt) {
  RetryPolicy retries = policy(2, seconds(180));
  EXPECT_EQ(retries.beginAttempt(), 1);
  EXPECT_EQ(retries.retryAfter(RetryCause::Limit, seconds(1)), milliseconds(1000));
  EXPECT_EQ(retries.beginAttempt(), 2);
  EXPECT_EQ(retries.retryAfter(RetryCause::Limit, seconds(1)), milliseconds(1000));
  EXPECT_EQ(retries.beginAttempt(), 3);
  EXPECT_EQ(retries.retryAfter(RetryCause::Limit, seconds(1)), std::nullopt) << "two resends, then give up";
  EXPECT_EQ(retries.attempts(), 3);
  EXPECT_EQ(retries.waited(), seconds(2));
}

TEST(RetryPolicy, ZeroMaxRetriesGivesUpAtTheFirstFailure) {
  RetryPolicy retries = policy(0, seconds(180));
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::Limit, seconds(1)), std::nullopt);
  EXPECT_EQ(retries.waited(), milliseconds(0));
}

TEST(RetryPolicy, RetryAfterIsWaitedAsAskedPlusAtMostAQuarterSecondOfJitter) {
  RetryPolicy exact = policy(5, seconds(180));
  exact.beginAttempt();
  EXPECT_EQ(exact.retryAfter(RetryCause::Limit, seconds(7)), seconds(7));

  // The jitter source is asked for at most 250 ms; a source that overshoots is held to it.
  milliseconds asked_for{-1};
  RetryPolicy jittered = policy(5, seconds(180), [&](milliseconds most) {
    asked_for = most;
    return milliseconds(10'000);
  });
  jittered.beginAttempt();
  EXPECT_EQ(jittered.retryAfter(RetryCause::Limit, seconds(7)), milliseconds(7250));
  EXPECT_EQ(asked_for, RetryPolicy::kMostJitter);
}

TEST(RetryPolicy, AWaitBeyondMaxRetryWaitGivesUpInsteadOfWaitingLess) {
  RetryPolicy retries = policy(5, seconds(30));
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::Limit, seconds(31)), std::nullopt)
      << "a shortened wait would only draw the same refusal";
  EXPECT_EQ(retries.waited(), milliseconds(0));
  RetryPolicy exactly = policy(5, seconds(30));
  exactly.beginAttempt();
  EXPECT_EQ(exactly.retryAfter(RetryCause::Limit, seconds(30)), seconds(30));
}

TEST(RetryPolicy, WaitsOfOneCallAddUpAgainstMaxRetryWait) {
  RetryPolicy retries = policy(5, seconds(10));
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::Limit, seconds(4)), seconds(4));
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::Limit, seconds(4)), seconds(4));
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::Limit, seconds(4)), std::nullopt) << "8 s waited, 4 more would be 12";
  EXPECT_EQ(retries.waited(), seconds(8));
}

TEST(RetryPolicy, AServersHugeOrNegativeWaitIsClampedNotOverflowed) {
  RetryPolicy huge = policy(5, seconds(3600));
  huge.beginAttempt();
  EXPECT_EQ(huge.retryAfter(RetryCause::Limit, milliseconds::max()), std::nullopt);
  RetryPolicy negative = policy(5, seconds(3600));
  negative.beginAttempt();
  EXPECT_EQ(negative.retryAfter(RetryCause::Limit, seconds(-5)), milliseconds(0));
}

TEST(RetryPolicy, TransientFailuresBackOffAndStopAtTheThirdWhateverMaxRetriesSays) {
  RetryPolicy retries = policy(50, seconds(3600));
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::ServerError, seconds(30)), seconds(1)) << "the backoff, not the asked wait";
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::LinkLost), seconds(2));
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::ServerError), std::nullopt);
  EXPECT_EQ(retries.attempts(), RetryPolicy::kMostTransientAttempts);
}

TEST(RetryPolicy, ALockIsWaitedAtLeastAsAskedWithAGrowingBackoff) {
  RetryPolicy retries = policy(10, seconds(3600));
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::Locked), seconds(1));
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::Locked), seconds(2));
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::Locked, seconds(9)), seconds(9));
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::Locked), seconds(8));
}

TEST(RetryPolicy, TheBackoffGrowsWithFailuresOfOneKindOnly) {
  RetryPolicy retries = policy(10, seconds(3600));
  for (int i = 0; i < 3; ++i) {
    retries.beginAttempt();
    ASSERT_EQ(retries.retryAfter(RetryCause::Limit, seconds(1)), seconds(1));
  }
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::ServerError), seconds(1)) << "the first server error, not the fourth failure";
}

TEST(RetryPolicy, ADroppedConnectionIsResentWithoutJitter) {
  RetryPolicy retries = policy(5, seconds(180), [](milliseconds most) { return most; });
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::LinkLost), seconds(1));
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::ServerError), milliseconds(2250));
}

TEST(RetryPolicy, AWaitBeforeSendingCountsAgainstMaxRetryWait) {
  RetryPolicy retries = policy(5, seconds(6));
  EXPECT_TRUE(retries.allowWait(seconds(5)));
  EXPECT_FALSE(retries.allowWait(seconds(2)));
  EXPECT_EQ(retries.waited(), seconds(5));
  retries.beginAttempt();
  EXPECT_EQ(retries.retryAfter(RetryCause::Limit, seconds(2)), std::nullopt) << "only 1 s of MaxRetryWait is left";
  EXPECT_EQ(retries.retryAfter(RetryCause::Limit, seconds(1)), seconds(1));
}

}  // namespace
}  // namespace monday::net
