#pragma once
// Time as the HTTP clients see it: what time it is, and a sleep that another thread can cut
// short (SQLCancel ends a retry's wait as it ends a request). Injected through net::Seams, so
// retries, waits and budget logic are unit-tested by what they asked for, never by wall time.

#include <atomic>
#include <chrono>
#include <memory>

namespace monday::net {

class Clock {
 public:
  virtual ~Clock() = default;
  // For waits and windows.
  virtual std::chrono::steady_clock::time_point now() = 0;
  // For what users see (when monday's daily limit resets).
  virtual std::chrono::system_clock::time_point wallNow() = 0;
  // Waits `duration`, unless `cancelled` becomes true meanwhile; false when it did.
  virtual bool sleep(std::chrono::milliseconds duration, const std::atomic<bool>& cancelled) = 0;
};

// The system's clocks; its sleep looks at `cancelled` every 100 ms.
std::shared_ptr<Clock> systemClock();

}  // namespace monday::net
