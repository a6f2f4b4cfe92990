#pragma once
// What an HTTP client touches outside the process: the network, time and chance. Made once
// where a connection's clients are built and passed down to every client of that connection.
// Default-constructed it is the real thing (libcurl, the system clocks, random jitter); unit
// tests pass a scripted network and a clock that moves only when asked to sleep.

#include <chrono>
#include <functional>
#include <memory>

#include "driver/net/clock.h"
#include "driver/net/curl_transport.h"
#include "driver/net/transport.h"

namespace monday::net {

// A random duration in [0, most]: spreads the retries of many clients apart.
using Jitter = std::function<std::chrono::milliseconds(std::chrono::milliseconds most)>;
std::chrono::milliseconds randomJitter(std::chrono::milliseconds most);

struct Seams {
  TransportFactory make_transport = makeCurlTransport;
  std::shared_ptr<Clock> clock = systemClock();
  Jitter jitter = randomJitter;
};

}  // namespace monday::net
