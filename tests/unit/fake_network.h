#pragma once
// A scripted network and a clock that moves only when the code under test sleeps, so retries,
// waits and budgets are tested by what the code asked for (the requests it sent, the waits it
// requested), never by elapsed time. Shared by the tests of HttpClient, RetryPolicy's users
// (ApiClient, AuditRestClient, OAuthEndpoints).

#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "driver/net/clock.h"
#include "driver/net/seams.h"
#include "driver/net/transport.h"

namespace monday::test {

// Answers requests from a script, in order, whichever transport of the client (pooled HTTP
// connections each have one) asks. Records every request it was given.
class FakeNetwork {
 public:
  using Answer = std::variant<net::HttpResponse, net::TransportFailure>;

  void answer(long status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {}) {
    net::HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    response.headers = std::move(headers);
    std::lock_guard lock(mutex_);
    script_.push_back(std::move(response));
  }
  void fail(net::FailureKind kind, std::string detail = "scripted failure") {
    fail(net::TransportFailure{.kind = kind, .detail = std::move(detail)});
  }
  void fail(net::TransportFailure failure) {
    std::lock_guard lock(mutex_);
    script_.push_back(std::move(failure));
  }

  std::vector<net::HttpRequest> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }
  std::size_t requestCount() const {
    std::lock_guard lock(mutex_);
    return requests_.size();
  }
  std::size_t unanswered() const {
    std::lock_guard lock(mutex_);
    return script_.size();
  }
  // The options each transport was made with (the property names messages use, TLS, proxy).
  std::vector<net::TransportOptions> transportsMade() const {
    std::lock_guard lock(mutex_);
    return made_;
  }

  net::TransportFactory factory() {
    return [this](const net::TransportOptions& options) -> std::unique_ptr<net::Transport> {
      std::lock_guard lock(mutex_);
      made_.push_back(options);
      return std::make_unique<Connection>(*this);
    };
  }

 private:
  class Connection final : public net::Transport {
   public:
    explicit Connection(FakeNetwork& network) : network_(network) {}
    Answer exchange(const net::HttpRequest& request, const net::ExchangeLimits& limits) override {
      if (limits.cancelled && limits.cancelled->load()) return net::TransportFailure{net::FailureKind::Cancelled, "cancelled"};
      return network_.next(request);
    }

   private:
    FakeNetwork& network_;
  };

  Answer next(const net::HttpRequest& request) {
    std::lock_guard lock(mutex_);
    requests_.push_back(request);
    if (script_.empty()) return net::TransportFailure{net::FailureKind::Other, "the test scripted no more answers"};
    Answer answer = std::move(script_.front());
    script_.pop_front();
    return answer;
  }

  mutable std::mutex mutex_;
  std::deque<Answer> script_;
  std::vector<net::HttpRequest> requests_;
  std::vector<net::TransportOptions> made_;
};

// Starts at a fixed moment and advances by exactly what each sleep asked for.
class FakeClock final : public net::Clock {
 public:
  std::chrono::steady_clock::time_point now() override {
    std::lock_guard lock(mutex_);
    return steady_;
  }
  std::chrono::system_clock::time_point wallNow() override {
    std::lock_guard lock(mutex_);
    return wall_;
  }
  bool sleep(std::chrono::milliseconds duration, const std::atomic<bool>& cancelled) override {
    std::lock_guard lock(mutex_);
    sleeps_.push_back(duration);
    steady_ += duration;
    wall_ += duration;
    return !cancelled.load();
  }

  std::vector<std::chrono::milliseconds> sleeps() const {
    std::lock_guard lock(mutex_);
    return sleeps_;
  }

 private:
  mutable std::mutex mutex_;
  std::chrono::steady_clock::time_point steady_{std::chrono::hours(1000)};
  std::chrono::system_clock::time_point wall_{std::chrono::sys_days{std::chrono::year{2026} / 11 / 2}};
  std::vector<std::chrono::milliseconds> sleeps_;
};

// A network, a clock and no jitter: every wait is exactly what the policy decided.
struct FakeSeams {
  FakeNetwork network;
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();

  net::Seams seams() {
    return net::Seams{.make_transport = network.factory(),
                      .clock = clock,
                      .jitter = [](std::chrono::milliseconds) { return std::chrono::milliseconds(0); }};
  }
};

// {1, 2} → {1 s, 2 s}: the waits a test expects, as the fake clock records them.
inline std::vector<std::chrono::milliseconds> secondsEach(std::initializer_list<long long> values) {
  std::vector<std::chrono::milliseconds> out;
  for (long long value : values) out.push_back(std::chrono::seconds(value));
  return out;
}

}  // namespace monday::test
