// Client-side pacing under a requests-per-window limit (the audit-log API's 50 a minute).
#include "driver/client/request_pacer.h"

#include <gtest/gtest.h>

namespace monday::client {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(RequestPacer, SendsFreelyUpToTheLimitThenWaitsForTheOldestToAgeOut) {
  RequestPacer pacer(3, seconds(60));
  const auto t0 = RequestPacer::Clock::time_point{} + seconds(1000);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(pacer.delayAt(t0 + seconds(i)).count(), 0);
    pacer.recordAt(t0 + seconds(i));
  }
  EXPECT_EQ(pacer.delayAt(t0 + seconds(10)), milliseconds(50'000));
  EXPECT_EQ(pacer.delayAt(t0 + seconds(60)), milliseconds(0));  // the first one left the window
  pacer.recordAt(t0 + seconds(60));
  EXPECT_EQ(pacer.delayAt(t0 + seconds(60)), milliseconds(1'000));  // now the second is oldest
}

TEST(RequestPacer, ASlidingWindowNotAFixedOne) {
  RequestPacer pacer(2, seconds(10));
  const auto t0 = RequestPacer::Clock::time_point{} + seconds(100);
  pacer.recordAt(t0);
  pacer.recordAt(t0 + seconds(9));
  EXPECT_EQ(pacer.delayAt(t0 + seconds(9)), milliseconds(1'000));
  pacer.recordAt(t0 + seconds(10));
  EXPECT_EQ(pacer.delayAt(t0 + seconds(10)), milliseconds(9'000));
}

}  // namespace
}  // namespace monday::client
