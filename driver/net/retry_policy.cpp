#include "driver/net/retry_policy.h"

#include <algorithm>
#include <utility>

namespace monday::net {

namespace {

// 1, 2, 4, 8, 16 s: the backoff grows with the failures of one kind, not with every attempt, so
// three limit answers followed by a 500 wait 1 s for the 500, not 8.
std::chrono::milliseconds backoffAfter(int failures) {
  return std::chrono::seconds(1LL << std::clamp(failures - 1, 0, 4));
}

}  // namespace

RetryPolicy::RetryPolicy(RetryLimits limits, Jitter jitter) : limits_(limits), jitter_(std::move(jitter)) {}

bool RetryPolicy::fits(std::chrono::milliseconds wait) const {
  // Compared as what is left, so a server's absurd number cannot overflow the sum.
  return wait <= limits_.max_wait - waited_;
}

bool RetryPolicy::allowWait(std::chrono::milliseconds wait) {
  if (!fits(wait)) return false;
  waited_ += wait;
  return true;
}

std::optional<std::chrono::milliseconds> RetryPolicy::retryAfter(RetryCause cause, std::chrono::milliseconds asked) {
  std::chrono::milliseconds wait = std::max(asked, std::chrono::milliseconds(0));
  switch (cause) {
    case RetryCause::Limit:
      break;
    case RetryCause::Locked:
      wait = std::max(wait, backoffAfter(++lock_answers_));
      break;
    case RetryCause::ServerError:
    case RetryCause::LinkLost:
      wait = backoffAfter(++transient_failures_);
      break;
  }
  if (attempts_ > limits_.max_retries || transient_failures_ >= kMostTransientAttempts || !fits(wait)) {
    return std::nullopt;
  }
  // A dropped connection is this client's own trouble, not a crowd of clients told to come back
  // at the same moment: it is resent without jitter.
  if (cause != RetryCause::LinkLost && jitter_) wait += std::clamp(jitter_(kMostJitter), std::chrono::milliseconds(0), kMostJitter);
  waited_ += wait;
  return wait;
}

}  // namespace monday::net
