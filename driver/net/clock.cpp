#include "driver/net/clock.h"

#include <algorithm>
#include <thread>

namespace monday::net {

namespace {

// A cancel is noticed within this long: short enough for SQLCancel to feel immediate, long
// enough not to spin.
constexpr std::chrono::milliseconds kCancelCheckInterval{100};

class SystemClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point now() override { return std::chrono::steady_clock::now(); }
  std::chrono::system_clock::time_point wallNow() override { return std::chrono::system_clock::now(); }

  bool sleep(std::chrono::milliseconds duration, const std::atomic<bool>& cancelled) override {
    const auto until = std::chrono::steady_clock::now() + duration;
    for (auto left = duration; left > std::chrono::milliseconds(0);
         left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now())) {
      if (cancelled.load()) return false;
      std::this_thread::sleep_for(std::min(kCancelCheckInterval, left));
    }
    return !cancelled.load();
  }
};

}  // namespace

std::shared_ptr<Clock> systemClock() {
  static const std::shared_ptr<Clock> clock = std::make_shared<SystemClock>();
  return clock;
}

}  // namespace monday::net
