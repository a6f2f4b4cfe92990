#include "driver/client/request_pacer.h"

namespace monday::client {

void RequestPacer::forgetBefore(Clock::time_point now) {
  while (!sent_.empty() && now - sent_.front() >= window_) sent_.pop_front();
}

std::chrono::milliseconds RequestPacer::delayAt(Clock::time_point now) {
  forgetBefore(now);
  if (limit_ == 0 || sent_.size() < limit_) return std::chrono::milliseconds(0);
  // The window frees a slot when its oldest request is `window_` old.
  const auto free_at = sent_[sent_.size() - limit_] + window_;
  return std::chrono::ceil<std::chrono::milliseconds>(free_at - now);
}

void RequestPacer::recordAt(Clock::time_point now) {
  forgetBefore(now);
  sent_.push_back(now);
}

}  // namespace monday::client
