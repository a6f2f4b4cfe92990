#pragma once
// When to send a failed call again, and how long to wait first: one policy for every client
// (GraphQL, the audit-log REST API, OAuth's token endpoint), bounded by the connection's
// MaxRetries and MaxRetryWait. It decides; the client waits (on its clock) and resends. Whether a
// call may be resent at all (a mutation that may have reached the server may not, DESIGN
// decision 7; an authorization code is single-use) is the caller's to know.

#include <chrono>
#include <optional>

#include "driver/net/seams.h"

namespace monday::net {

struct RetryLimits {
  int max_retries = 5;                                      // resends after the first attempt
  std::chrono::milliseconds max_wait{std::chrono::seconds(180)};  // all waiting of one call
};

// Why an attempt failed in a way worth trying again.
enum class RetryCause {
  Limit,        // the server refused for now and said how long to wait (429, Retry-After)
  Locked,       // HTTP 423: an exponential backoff, but at least what the server asked
  ServerError,  // 5xx or an unreadable answer: an exponential backoff
  LinkLost,     // the connection dropped (a stale keep-alive connection): like ServerError
};

class RetryPolicy {
 public:
  // A server that fails this many times in a row is having an outage, whatever MaxRetries says.
  static constexpr int kMostTransientAttempts = 3;
  static constexpr std::chrono::milliseconds kMostJitter{250};

  RetryPolicy(RetryLimits limits, Jitter jitter);

  // Counts a send of the call; returns its number (1 for the first).
  int beginAttempt() { return ++attempts_; }
  int attempts() const { return attempts_; }

  // The attempt just made failed for `cause`; `asked` is how long the server asked to wait (a
  // negative one counts as none). Returns the wait before the next attempt, already counted as
  // waited, or nullopt to give up: after MaxRetries resends, at the third transient failure, or
  // when the wait would take the call's waiting past MaxRetryWait (a wait longer than that is
  // not shortened: the server would only refuse again).
  std::optional<std::chrono::milliseconds> retryAfter(RetryCause cause,
                                                      std::chrono::milliseconds asked = std::chrono::milliseconds(0));

  // A wait before sending (for the complexity budget, or pacing under a request limit) counts
  // against MaxRetryWait too: true, and counted, when it fits in what is left.
  bool allowWait(std::chrono::milliseconds wait);

  std::chrono::milliseconds waited() const { return waited_; }
  const RetryLimits& limits() const { return limits_; }

 private:
  bool fits(std::chrono::milliseconds wait) const;

  RetryLimits limits_;
  Jitter jitter_;
  int attempts_ = 0;
  int transient_failures_ = 0;
  int lock_answers_ = 0;
  std::chrono::milliseconds waited_{0};
};

}  // namespace monday::net
