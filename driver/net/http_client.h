#pragma once
// An HTTP client for one connection to one server: the URL policy (nothing leaves in cleartext
// or with user:password@ in it, except to this machine), the timeout, cancellation from any
// thread, and failures turned into monday::Error with the SQLSTATE a user can act on (08001
// cannot connect / TLS, HYT00 timeout, 08S01 link lost, HY008 cancelled). The exchange itself is
// the transport's (transport.h; libcurl unless a test injects another through net::Seams).

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "driver/net/clock.h"
#include "driver/net/seams.h"
#include "driver/net/transport.h"

namespace monday::net {

class HttpClient {
 public:
  HttpClient(TransportOptions options, std::chrono::seconds timeout, const Seams& seams = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends one request; any HTTP status is a response, only transport failures throw.
  HttpResponse send(const HttpRequest& request);

  // Waits on this client's clock before a retry or to pace requests; throws HY008 when the
  // client is cancelled meanwhile, so SQLCancel ends a wait as it ends a request.
  void wait(std::chrono::milliseconds duration);
  Clock& clock() { return *clock_; }

  void setTimeout(std::chrono::seconds timeout) { timeout_ = timeout; }
  std::chrono::seconds timeout() const { return timeout_; }

  // Makes the request in flight (and the next ones) fail with HY008 until reset. Any thread.
  void cancel() { cancelled_.store(true); }
  void resetCancel() { cancelled_.store(false); }
  bool cancelled() const { return cancelled_.load(); }

 private:
  TransportOptions options_;
  std::unique_ptr<Transport> transport_;
  std::shared_ptr<Clock> clock_;
  std::chrono::seconds timeout_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace monday::net
