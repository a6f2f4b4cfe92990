#pragma once
// monday's audit-log REST API for one connection: GET <Domain>/audit-api/get-logs with the audit
// token as a Bearer token (REFERENCE §8). Owns its own HTTPS connection (another host than the
// GraphQL API), paces itself under the 50-requests-a-minute limit and waits out HTTP 429 and
// server errors with the connection's retry policy (MaxRetries, MaxRetryWait), so a long scan
// slows down instead of failing.

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <rapidjson/document.h>

#include "driver/client/request_pacer.h"
#include "driver/log/logger.h"
#include "driver/net/http_client.h"
#include "driver/net/retry_policy.h"
#include "driver/net/seams.h"

namespace monday::config {
struct Settings;
}

namespace monday::client {

class AuditRestClient {
 public:
  // `seams`: the connection's network and clock (ApiClient::seams()); libcurl and the system
  // clocks by default.
  AuditRestClient(const config::Settings& settings, std::shared_ptr<log::Logger> logger, const net::Seams& seams = {});
  ~AuditRestClient();

  // One page of audit-log entries. `filters_json` is the JSON object for the `filters` parameter
  // ("" sends none). Returns the whole answer; its "data" is guaranteed to be an array.
  // Throws monday::Error.
  rapidjson::Document getLogs(int page, int per_page, const std::string& filters_json);

  // Per-request timeout; 0 restores the connection's Timeout property.
  void setTimeout(int seconds);
  void cancel();
  void resetCancel();

  long long requestCount() const;
  const std::string& endpoint() const { return endpoint_; }

 private:
  // Waits, if the pacer says so and MaxRetryWait leaves room, before the next request.
  void pace(net::RetryPolicy& retries);

  std::string endpoint_;  // https://<account>.monday.com/audit-api/get-logs
  std::string token_;     // secret: only ever put into the Authorization header
  std::chrono::seconds default_timeout_;
  net::RetryLimits retry_limits_;  // MaxRetries, MaxRetryWait
  net::Jitter jitter_;
  std::shared_ptr<log::Logger> logger_;
  net::HttpClient http_;
  RequestPacer pacer_;
  mutable std::mutex count_mutex_;
  long long requests_ = 0;
};

}  // namespace monday::client
