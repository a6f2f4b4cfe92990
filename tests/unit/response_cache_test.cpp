// The CacheTTL cache on its own, with the clock passed in: answers expire at the TTL, memory
// stays under the bound (least recently used out first), and tokens never share answers.
#include <gtest/gtest.h>

#include "driver/client/response_cache.h"

using monday::client::ResponseCache;
using namespace std::chrono_literals;

namespace {
const ResponseCache::Clock::time_point kStart{};
}

TEST(ResponseCache, AnAnswerIsReusedUntilItsTtlAndThenForgotten) {
  ResponseCache cache;
  cache.store("q1", "answer", 1 << 20, kStart);
  EXPECT_EQ(cache.find("q1", 60s, kStart + 59s).value_or(""), "answer");
  EXPECT_FALSE(cache.find("q1", 60s, kStart + 60s).has_value());
  EXPECT_FALSE(cache.find("q1", 60s, kStart + 61s).has_value());  // gone, not just stale
  const auto stats = cache.stats();
  EXPECT_EQ(stats.hits, 1);
  EXPECT_EQ(stats.misses, 2);
  EXPECT_EQ(stats.evictions, 1);
  EXPECT_EQ(stats.entries, 0u);
  EXPECT_EQ(stats.bytes, 0u);
}

TEST(ResponseCache, MemoryStaysUnderItsBoundLeastRecentlyUsedFirstOut) {
  ResponseCache cache;
  const std::size_t bound = 3 * (2 + 100);  // three entries of key "qN" + 100 bytes
  cache.store("q1", std::string(100, 'a'), bound, kStart);
  cache.store("q2", std::string(100, 'b'), bound, kStart);
  cache.store("q3", std::string(100, 'c'), bound, kStart);
  ASSERT_TRUE(cache.find("q1", 60s, kStart).has_value());  // q1 is now the most recent
  cache.store("q4", std::string(100, 'd'), bound, kStart);
  EXPECT_TRUE(cache.find("q1", 60s, kStart).has_value());
  EXPECT_FALSE(cache.find("q2", 60s, kStart).has_value());  // the least recently used went
  EXPECT_TRUE(cache.find("q3", 60s, kStart).has_value());
  EXPECT_TRUE(cache.find("q4", 60s, kStart).has_value());
  EXPECT_LE(cache.stats().bytes, bound);
  EXPECT_EQ(cache.stats().entries, 3u);

  cache.store("huge", std::string(bound, 'x'), bound, kStart);  // larger than the bound: not kept
  EXPECT_FALSE(cache.find("huge", 60s, kStart).has_value());
  EXPECT_EQ(cache.stats().entries, 3u);
}

TEST(ResponseCache, StoringTheSameRequestAgainReplacesIt) {
  ResponseCache cache;
  cache.store("q", "old", 1000, kStart);
  cache.store("q", "newer", 1000, kStart + 10s);
  EXPECT_EQ(cache.find("q", 60s, kStart + 65s).value_or(""), "newer");  // aged from the second store
  EXPECT_EQ(cache.stats().entries, 1u);
  EXPECT_EQ(cache.stats().bytes, 1u + 5u);
}

TEST(ResponseCache, ClearingEmptiesItAndCountsOnce) {
  ResponseCache cache;
  cache.store("a", "1", 1000, kStart);
  cache.store("b", "2", 1000, kStart);
  cache.clear();
  cache.clear();  // nothing left: not counted again
  EXPECT_FALSE(cache.find("a", 60s, kStart).has_value());
  EXPECT_EQ(cache.stats().invalidations, 1);
  EXPECT_EQ(cache.stats().bytes, 0u);
}

TEST(ResponseCache, ConnectionsShareItOnlyWithTheSameTokenAndEndpoint) {
  auto a = ResponseCache::shared("https://api.monday.com/v2", "token-a");
  auto a_again = ResponseCache::shared("https://api.monday.com/v2", "token-a");
  auto b = ResponseCache::shared("https://api.monday.com/v2", "token-b");
  auto a_elsewhere = ResponseCache::shared("https://other.example/v2", "token-a");
  EXPECT_EQ(a.get(), a_again.get());
  EXPECT_NE(a.get(), b.get());
  EXPECT_NE(a.get(), a_elsewhere.get());
  a->store("q", "secret board", 1000, kStart);
  EXPECT_FALSE(b->find("q", 60s, kStart).has_value());
}
