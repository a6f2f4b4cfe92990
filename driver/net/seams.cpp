#include "driver/net/seams.h"

#include <random>

namespace monday::net {

std::chrono::milliseconds randomJitter(std::chrono::milliseconds most) {
  // One generator per thread: scan workers retry at once, and must not share (or lock) one.
  thread_local std::mt19937 source(std::random_device{}());
  if (most.count() <= 0) return std::chrono::milliseconds(0);
  return std::chrono::milliseconds(std::uniform_int_distribution<long long>(0, most.count())(source));
}

}  // namespace monday::net
