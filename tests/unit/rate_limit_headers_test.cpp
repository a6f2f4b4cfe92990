// monday's RateLimit / RateLimit-Policy headers (REFERENCE §10.1), read defensively.
#include <gtest/gtest.h>

#include "driver/client/rate_limit_headers.h"

using monday::client::parseRateLimitHeaders;
using monday::client::parseRateLimitItems;

TEST(RateLimitHeaders, DocumentedExampleIsRead) {
  auto state = parseRateLimitHeaders(
      R"("minuteRate";q=5000;w=60, "concurrency";q=250;qu="concurrent-requests", "complexityMinute";q=5000000;w=60;qu="content-bytes")",
      R"("minuteRate";r=4999, "concurrency";r=249, "complexityMinute";r=4950000;t=45)");
  EXPECT_EQ(state.minute_quota, 5000);
  EXPECT_EQ(state.minute_remaining, 4999);
  EXPECT_FALSE(state.minute_reset_seconds.has_value());
  EXPECT_EQ(state.concurrency_quota, 250);
  EXPECT_EQ(state.concurrency_remaining, 249);
  EXPECT_EQ(state.complexity_quota, 5000000);
  EXPECT_EQ(state.complexity_remaining, 4950000);
  EXPECT_EQ(state.complexity_reset_seconds, 45);
  EXPECT_FALSE(state.empty());
}

TEST(RateLimitHeaders, ExhaustedMinuteRateCarriesItsReset) {
  auto state = parseRateLimitHeaders(
      "", R"("minuteRate";r=0;t=38, "concurrency";r=249, "complexityMinute";r=4950000;t=45)");
  EXPECT_EQ(state.minute_remaining, 0);
  EXPECT_EQ(state.minute_reset_seconds, 38);
  EXPECT_FALSE(state.minute_quota.has_value());
}

TEST(RateLimitHeaders, BareNamesAnyOrderAndSpacesAreAccepted) {
  auto items = parseRateLimitItems(" complexityMinute ; t=7 ;r = 12 ,minuteRate;r=\"3\"");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].name, "complexityMinute");
  EXPECT_EQ(items[0].remaining, 12);
  EXPECT_EQ(items[0].reset_seconds, 7);
  EXPECT_EQ(items[1].name, "minuteRate");
  EXPECT_EQ(items[1].remaining, 3);
}

TEST(RateLimitHeaders, MalformedPartsAreSkippedNotFatal) {
  auto state = parseRateLimitHeaders(
      R"(;;, "complexityMinute";q=abc;w=60, =5, "minuteRate";q=-4)",
      R"("complexityMinute";r=10;t=1.5;x=9, garbage "text", "unknownPolicy";r=1)");
  EXPECT_FALSE(state.complexity_quota.has_value()) << "a non-number is ignored";
  EXPECT_FALSE(state.minute_quota.has_value()) << "a negative number is ignored";
  EXPECT_EQ(state.complexity_remaining, 10);
  EXPECT_FALSE(state.complexity_reset_seconds.has_value()) << "fractions are not what monday sends";
}

TEST(RateLimitHeaders, AbsentHeadersGiveNothing) {
  EXPECT_TRUE(parseRateLimitHeaders("", "").empty());
  EXPECT_TRUE(parseRateLimitItems("").empty());
}

TEST(RateLimitHeaders, QuotedCommasDoNotSplitItems) {
  auto items = parseRateLimitItems(R"("complexityMinute";qu="a,b";r=5, "minuteRate";r=1)");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].remaining, 5);
  EXPECT_EQ(items[1].remaining, 1);
}
