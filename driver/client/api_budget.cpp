#include "driver/client/api_budget.h"

#include <algorithm>
#include <functional>

#include "driver/common/numbers.h"

namespace monday::client {

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// monday's window is a minute (REFERENCE §4). A remainder seen without a reset time is trusted
// for at most this long.
constexpr seconds kWindow{60};
// reset_in_x_seconds is a whole number of seconds: answers from one window may disagree by one.
constexpr milliseconds kSameWindowTolerance{1500};
// What monday charges for any mutation before its selection (REFERENCE §10.2: 30,000).
constexpr long long kMutationStaticCost = 30000;

WallTime toWall(SteadyTime at, SteadyTime now, WallTime wall_now) {
  return wall_now + std::chrono::duration_cast<WallTime::duration>(at - now);
}

}  // namespace

UsageCounters& UsageCounters::operator+=(const UsageCounters& other) {
  requests += other.requests;
  retries += other.retries;
  complexity += other.complexity;
  limit_answers += other.limit_answers;
  waits += other.waits;
  waited += other.waited;
  budget_waits += other.budget_waits;
  budget_waited += other.budget_waited;
  elapsed += other.elapsed;
  return *this;
}

std::shared_ptr<ApiBudget> ApiBudget::shared(std::string_view endpoint, std::string_view credential) {
  static std::mutex registry_mutex;
  static std::map<std::size_t, std::weak_ptr<ApiBudget>> registry;
  std::string identity(endpoint);
  identity += '\n';
  identity += credential;
  const std::size_t key = std::hash<std::string>{}(identity);
  std::fill(identity.begin(), identity.end(), '\0');  // do not leave the token lying around

  std::lock_guard lock(registry_mutex);
  for (auto it = registry.begin(); it != registry.end();) {
    it = it->second.expired() ? registry.erase(it) : std::next(it);
  }
  if (auto existing = registry[key].lock()) return existing;
  auto budget = std::make_shared<ApiBudget>();
  registry[key] = budget;
  return budget;
}

ApiBudget::ApiBudget() = default;
ApiBudget::~ApiBudget() = default;

long long ApiBudget::estimate(const std::string& operation, bool is_mutation) const {
  std::lock_guard lock(mutex_);
  if (auto it = last_cost_by_operation_.find(operation); it != last_cost_by_operation_.end()) return it->second;
  if (is_mutation) return kMutationStaticCost;
  return last_cost_.value_or(0);
}

void ApiBudget::expireWindows(SteadyTime now) {
  if (resets_at_ && now >= *resets_at_) {
    resets_at_.reset();
    left_ = limit_;  // a fresh window: the whole budget, when we know it
    left_observed_at_ = now;
  } else if (left_ && !resets_at_ && now - left_observed_at_ >= kWindow) {
    left_ = limit_;
    left_observed_at_ = now;
  }
  if (minute_resets_at_ && now >= *minute_resets_at_) {
    minute_resets_at_.reset();
    minute_left_ = minute_limit_;
  }
}

void ApiBudget::setLeft(long long left, std::optional<long long> reset_seconds, SteadyTime now) {
  std::optional<SteadyTime> reset;
  if (reset_seconds && *reset_seconds >= 0) reset = now + serverWait(*reset_seconds);
  const bool new_window = !left_ || (reset && resets_at_ && *reset > *resets_at_ + kSameWindowTolerance) ||
                          (reset && !resets_at_);
  if (new_window) {
    left_ = left;
    if (reset) resets_at_ = reset;
  } else {
    // Same window: answers may arrive out of order, and the budget only shrinks within a window.
    left_ = std::min(*left_, left);
  }
  left_observed_at_ = now;
}

void ApiBudget::startWindow(long long left, seconds reset_in, SteadyTime now) {
  left_ = left;
  resets_at_ = now + reset_in;
  left_observed_at_ = now;
}

std::chrono::milliseconds ApiBudget::waitBefore(long long cost, SteadyTime now) {
  std::lock_guard lock(mutex_);
  expireWindows(now);
  milliseconds wait{0};
  const bool could_ever_fit = !limit_ || cost <= *limit_;
  if (left_ && resets_at_ && could_ever_fit && *left_ - reserved_ < std::max(cost, 1LL)) {
    wait = std::chrono::duration_cast<milliseconds>(*resets_at_ - now);
  }
  if (minute_left_ && *minute_left_ <= 0 && minute_resets_at_) {
    wait = std::max(wait, std::chrono::duration_cast<milliseconds>(*minute_resets_at_ - now));
  }
  return std::max(wait, milliseconds(0));
}

void ApiBudget::reserve(long long points) {
  std::lock_guard lock(mutex_);
  reserved_ += std::max(points, 0LL);
}

void ApiBudget::release(long long points) {
  std::lock_guard lock(mutex_);
  reserved_ = std::max(0LL, reserved_ - std::max(points, 0LL));
}

void ApiBudget::observe(const ApiOutcome& outcome, const std::string& operation, SteadyTime now, WallTime) {
  std::lock_guard lock(mutex_);
  expireWindows(now);

  const RateLimitState& headers = outcome.rate_limits;
  if (headers.complexity_quota && *headers.complexity_quota > 0) limit_ = headers.complexity_quota;
  if (headers.minute_quota && *headers.minute_quota > 0) minute_limit_ = headers.minute_quota;
  if (headers.complexity_remaining) setLeft(*headers.complexity_remaining, headers.complexity_reset_seconds, now);
  if (headers.minute_remaining) {
    minute_left_ = headers.minute_remaining;
    if (headers.minute_reset_seconds) minute_resets_at_ = now + serverWait(*headers.minute_reset_seconds);
    else if (*headers.minute_remaining > 0) minute_resets_at_.reset();
  }

  if (outcome.complexity) {
    last_cost_by_operation_[operation] = outcome.complexity->query;
    last_cost_ = outcome.complexity->query;
    setLeft(outcome.complexity->after, outcome.complexity->reset_in_seconds, now);
  }
  if (outcome.budget_limit) limit_ = outcome.budget_limit;

  switch (outcome.limit) {
    case Limit::ComplexityBudget:
      // monday says the budget is spent until the wait is over: every connection of the token
      // now waits instead of drawing the same answer.
      startWindow(outcome.budget_left.value_or(0), outcome.wait, now);
      break;
    case Limit::MinuteRate:
      minute_left_ = 0;
      minute_resets_at_ = now + outcome.wait;
      break;
    case Limit::DailyLimit:
      daily_resets_at_ = outcome.daily_limit_resets_at;
      break;
    default:
      break;
  }
  if (outcome.kind == ApiOutcome::Kind::Data) daily_resets_at_.reset();
}

void ApiBudget::add(const UsageCounters& delta) {
  std::lock_guard lock(mutex_);
  totals_ += delta;
}

BudgetSnapshot ApiBudget::snapshot(SteadyTime now, WallTime wall_now) const {
  std::lock_guard lock(mutex_);
  BudgetSnapshot s;
  s.limit = limit_;
  s.minute_request_limit = minute_limit_;
  // Report the state as of now without changing it (expiry happens on the next request).
  const bool window_over = resets_at_ && now >= *resets_at_;
  const bool stale = left_ && !resets_at_ && now - left_observed_at_ >= kWindow;
  s.left = window_over || stale ? limit_ : left_;
  if (resets_at_ && !window_over) s.resets_at = toWall(*resets_at_, now, wall_now);
  const bool minute_over = minute_resets_at_ && now >= *minute_resets_at_;
  s.minute_requests_left = minute_over ? minute_limit_ : minute_left_;
  if (minute_resets_at_ && !minute_over) s.minute_resets_at = toWall(*minute_resets_at_, now, wall_now);
  if (daily_resets_at_ && wall_now < *daily_resets_at_) {
    s.daily_limit_exceeded = true;
    s.daily_limit_resets_at = daily_resets_at_;
  }
  s.last_cost = last_cost_;
  s.totals = totals_;
  s.connections = weak_from_this().use_count();
  return s;
}

}  // namespace monday::client
