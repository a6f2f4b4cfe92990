#pragma once
// Client-side pacing for APIs with a request-count limit per time window (monday's audit-log API
// allows 50 requests a minute). The pacer remembers when the last requests went out and says how
// long to wait before the next one, so a long scan slows down instead of hitting HTTP 429.

#include <chrono>
#include <cstddef>
#include <deque>

namespace monday::client {

class RequestPacer {
 public:
  using Clock = std::chrono::steady_clock;

  // At most `limit` requests in any `window` (a sliding window, as monday counts).
  RequestPacer(std::size_t limit, std::chrono::milliseconds window) : limit_(limit), window_(window) {}

  // How long to wait at `now` before the next request may be sent (zero = send now).
  std::chrono::milliseconds delayAt(Clock::time_point now);
  // A request was sent at `now`.
  void recordAt(Clock::time_point now);

 private:
  void forgetBefore(Clock::time_point now);

  std::size_t limit_;
  std::chrono::milliseconds window_;
  std::deque<Clock::time_point> sent_;
};

}  // namespace monday::client
