#pragma once
// monday's quota headers (REFERENCE §10.1), IETF-draft style structured lists:
//   RateLimit-Policy: "minuteRate";q=5000;w=60, "concurrency";q=250;qu="concurrent-requests",
//                     "complexityMinute";q=5000000;w=60;qu="content-bytes"
//   RateLimit: "minuteRate";r=4999, "concurrency";r=249, "complexityMinute";r=4950000;t=45
// q quota, w window (s), r remaining, t seconds to reset. monday documents the syntax only by
// example, so the parser is lenient: quoted or bare names, any parameter order, unknown names
// and parameters ignored, a malformed item skipped without losing the others.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace monday::client {

// One item of either header, e.g. "complexityMinute";r=4950000;t=45.
struct RateLimitItem {
  std::string name;
  std::optional<long long> quota;          // q
  std::optional<long long> window_seconds;  // w
  std::optional<long long> remaining;       // r
  std::optional<long long> reset_seconds;   // t
};

std::vector<RateLimitItem> parseRateLimitItems(std::string_view header);

// What the driver uses from both headers of one response.
struct RateLimitState {
  std::optional<long long> complexity_quota;      // points per window
  std::optional<long long> complexity_remaining;
  std::optional<long long> complexity_reset_seconds;
  std::optional<long long> minute_quota;          // requests per minute
  std::optional<long long> minute_remaining;
  std::optional<long long> minute_reset_seconds;
  std::optional<long long> concurrency_quota;
  std::optional<long long> concurrency_remaining;

  bool empty() const {
    return !complexity_quota && !complexity_remaining && !minute_quota && !minute_remaining &&
           !concurrency_quota && !concurrency_remaining;
  }
};

RateLimitState parseRateLimitHeaders(std::string_view policy_header, std::string_view limit_header);

}  // namespace monday::client
