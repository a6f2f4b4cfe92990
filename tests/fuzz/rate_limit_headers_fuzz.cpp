// monday's RateLimit-Policy and RateLimit headers (client/rate_limit_headers.cpp). Checked besides
// crashes: every figure read is a count or a number of seconds, never negative, and never so
// large that the budget's sums could overflow.
// Input: the RateLimit-Policy value on the first line, the RateLimit value after it.

#include "driver/client/rate_limit_headers.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

void bounded(const std::optional<long long>& figure) {
  if (figure) MONDAY_FUZZ_CHECK(*figure >= 0 && *figure <= (1LL << 50));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace monday::client;
  std::string_view text = monday::fuzz::bytes(data, size);
  const std::string_view policy = monday::fuzz::takeLine(text);
  const std::string_view limit = text;

  for (const auto& item : parseRateLimitItems(limit)) {
    MONDAY_FUZZ_CHECK(!item.name.empty());
    bounded(item.quota);
    bounded(item.window_seconds);
    bounded(item.remaining);
    bounded(item.reset_seconds);
  }
  const RateLimitState state = parseRateLimitHeaders(policy, limit);
  for (const auto& figure : {state.complexity_quota, state.complexity_remaining, state.complexity_reset_seconds,
                             state.minute_quota, state.minute_remaining, state.minute_reset_seconds,
                             state.concurrency_quota, state.concurrency_remaining}) {
    bounded(figure);
  }
  return 0;
}
