#pragma once
// monday's per-minute complexity budget belongs to the token, not to a connection (REFERENCE §4):
// every connection of this process that uses the same token on the same endpoint shares one
// ApiBudget. It remembers what monday last reported (the `complexity` field of each answer, the
// RateLimit headers, 429 bodies) and, before a request is sent, says how long to wait so the
// request's expected cost fits in the budget left: the wait ends when the window resets. It also
// adds up the token-wide usage counters shown in sys_api_usage.
//
// Times are passed in (steady clock for waits, system clock for what users see) so the logic
// can be unit-tested without sleeping.

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "driver/client/api_response.h"

namespace monday::client {

using SteadyTime = std::chrono::steady_clock::time_point;
using WallTime = std::chrono::system_clock::time_point;

// Counters of API traffic, for one connection or for every connection of a token.
struct UsageCounters {
  long long requests = 0;        // HTTP requests sent, retries included
  long long retries = 0;         // requests that repeated an earlier one
  long long complexity = 0;      // points monday charged (as its `complexity` field reported)
  long long limit_answers = 0;   // answers that were a rate/complexity/concurrency/daily limit
  long long waits = 0;           // pauses before a request (budget) or a retry (limit, error)
  std::chrono::milliseconds waited{0};
  long long budget_waits = 0;    // of `waits`: before sending, so the budget would not run out
  std::chrono::milliseconds budget_waited{0};
  std::chrono::milliseconds elapsed{0};  // time spent in HTTP requests

  UsageCounters& operator+=(const UsageCounters& other);
};

// What the budget looks like now, for sys_api_usage.
struct BudgetSnapshot {
  std::optional<long long> limit;  // points per window, when monday said (RateLimit-Policy, errors)
  std::optional<long long> left;   // points left in the current window; unset when unknown
  std::optional<WallTime> resets_at;
  std::optional<long long> minute_request_limit;
  std::optional<long long> minute_requests_left;
  std::optional<WallTime> minute_resets_at;
  bool daily_limit_exceeded = false;
  std::optional<WallTime> daily_limit_resets_at;
  std::optional<long long> last_cost;  // cost of the most recent charged call
  UsageCounters totals;                // every connection sharing this budget
  long connections = 0;                // connections sharing it now
};

class ApiBudget : public std::enable_shared_from_this<ApiBudget> {
 public:
  // The budget shared by every connection with the same key (endpoint + credential, hashed:
  // the token itself is never stored here). Lives as long as one connection holds it.
  static std::shared_ptr<ApiBudget> shared(std::string_view endpoint, std::string_view credential);

  ApiBudget();
  ~ApiBudget();

  // Expected cost of the next call of `operation`: its last charged cost; a mutation's static
  // cost (30,000 + selection) when never seen; else the most recent cost of any call; else 0.
  long long estimate(const std::string& operation, bool is_mutation) const;

  // How long to wait before sending a request expected to cost `cost` points (0 when it fits or
  // the budget is unknown). Also waits out a spent minute request quota.
  std::chrono::milliseconds waitBefore(long long cost, SteadyTime now);

  // Points of requests in flight, so concurrent connections do not all spend the same remainder.
  void reserve(long long points);
  void release(long long points);

  // What one answer said. `operation` is the document's operation name.
  void observe(const ApiOutcome& outcome, const std::string& operation, SteadyTime now, WallTime wall_now);

  void add(const UsageCounters& delta);

  BudgetSnapshot snapshot(SteadyTime now, WallTime wall_now) const;

 private:
  void expireWindows(SteadyTime now);
  void setLeft(long long left, std::optional<long long> reset_seconds, SteadyTime now);
  void startWindow(long long left, std::chrono::seconds reset_in, SteadyTime now);

  mutable std::mutex mutex_;
  std::optional<long long> limit_;
  std::optional<long long> left_;
  std::optional<SteadyTime> resets_at_;
  SteadyTime left_observed_at_{};
  long long reserved_ = 0;
  std::optional<long long> minute_limit_;
  std::optional<long long> minute_left_;
  std::optional<SteadyTime> minute_resets_at_;
  std::optional<WallTime> daily_resets_at_;
  std::map<std::string, long long> last_cost_by_operation_;
  std::optional<long long> last_cost_;
  UsageCounters totals_;
};

}  // namespace monday::client
