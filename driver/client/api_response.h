#pragma once
// Reading monday's answers: one pure function decides whether a response is usable data, a
// limit to wait out, or an error with the SQLSTATE to report. Kept apart from the transport so
// every shape monday documents (REFERENCE §5, §10.4) can be unit-tested:
//   2025-07 and later  {"errors":[{"message","extensions":{"code","retry_in_seconds"}}]}
//   2025-01 hotfix     the same plus extensions.complexity / complexity_budget_left / _limit
//   legacy (≤2024-10)  errors[] of strings or of objects without extensions; top-level
//                      {"error_code","status_code","error_message","error_data"}; or only
//                      {"error_message","status_code"}.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "driver/client/rate_limit_headers.h"
#include "driver/common/error.h"
#include "driver/net/http_client.h"

namespace monday::client {

// The alias under which every document the driver sends asks for its own complexity fields, and
// under which readApiResponse finds (and then removes) them.
inline constexpr std::string_view kBudgetAlias = "monday_odbc_budget";

struct Complexity {
  long long before = 0;
  long long query = 0;
  long long after = 0;
  long long reset_in_seconds = 0;
};

// Which of monday's limits an answer reports.
enum class Limit {
  None,
  ComplexityBudget,    // per-minute complexity budget spent (COMPLEXITY_BUDGET_EXHAUSTED ...)
  MinuteRate,          // requests per minute (RATE_LIMIT_EXCEEDED, "Rate Limit Exceeded")
  Concurrency,         // requests in flight (maxConcurrencyExceeded)
  FieldConcurrency,    // one field's requests in flight (FIELD_LIMIT_EXCEEDED); the rest of the request ran
  IpRate,              // requests per IP (IP_RATE_LIMIT_EXCEEDED)
  TemporarilyBlocked,  // API_TEMPORARILY_BLOCKED
  OtherRate,           // any other HTTP 429 (e.g. "Call limit exceeded for CreateBoard")
  Locked,              // HTTP 423: the resource is locked for a moment
  DailyLimit,          // DAILY_LIMIT_EXCEEDED: not worth waiting for
};

std::string_view limitName(Limit limit);

// What a legacy complexity message says: "Complexity budget exhausted, query cost C budget
// remaining R out of B reset in S seconds".
struct LegacyComplexityMessage {
  long long cost = -1;
  long long remaining = -1;
  long long budget = -1;
  long long reset_seconds = -1;
};
std::optional<LegacyComplexityMessage> parseLegacyComplexityMessage(std::string_view message);

struct ApiOutcome {
  enum class Kind {
    Data,        // document holds "data" (errors, if any, were absent)
    RetryAfter,  // a rate/complexity/concurrency limit or a transient server error
    Failed,      // error holds what to report
  };
  Kind kind = Kind::Failed;
  rapidjson::Document document;            // the parsed body, when it was JSON (also on errors)
  std::optional<Complexity> complexity;    // from data.complexity when selected
  std::chrono::seconds wait{0};            // RetryAfter: how long monday asks us to wait
  bool transient_server_error = false;     // RetryAfter because of 5xx/garbage, not a limit
  Limit limit = Limit::None;
  // monday rejected the request before running it (a 429 rate-limit answer): a mutation may be
  // sent again after the wait without risk of applying it twice.
  bool rejected_unexecuted = false;
  // Budget figures some error shapes carry (legacy message, 2025-01 extensions).
  std::optional<long long> budget_left;
  std::optional<long long> budget_limit;
  RateLimitState rate_limits;              // RateLimit / RateLimit-Policy headers
  std::optional<std::chrono::system_clock::time_point> daily_limit_resets_at;
  std::optional<Error> error;              // Failed (and the error to raise if retries run out)
  std::string request_id;                  // monday's request id when present, for logs
};

// `now` is only used to say how long until the daily limit resets.
ApiOutcome readApiResponse(const net::HttpResponse& response,
                           std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// The next 00:00 UTC after `now` (when monday's daily call limit resets).
std::chrono::system_clock::time_point nextUtcMidnight(std::chrono::system_clock::time_point now);
// "5 h 12 min", "3 min 20 s", "45 s".
std::string describeDuration(std::chrono::seconds duration);

}  // namespace monday::client
