#pragma once
// monday's GraphQL API as the tables see it: send a document with variables, get `data` back.
// Owns the HTTPS connection, credentials, retries and the usage counters for one connection.

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "driver/client/api_response.h"
#include "driver/log/logger.h"
#include "driver/net/http_client.h"

namespace monday::config {
struct Settings;
}
namespace monday::auth {
class Credentials;
}

namespace monday::client {

// What the API calls of one statement (or a connection) cost.
struct ApiUsage {
  long long requests = 0;
  long long retries = 0;
  long long complexity = 0;  // points charged, as monday reported them
  std::chrono::milliseconds elapsed{0};
};

class ApiClient {
 public:
  ApiClient(const config::Settings& settings, std::shared_ptr<log::Logger> logger);
  ~ApiClient();

  // Runs a read-only GraphQL document. `variables` must be a JSON object (or null). Waits out
  // rate limits and retries transient failures, then throws monday::Error. Returns the whole
  // response; `data` is guaranteed to be an object.
  rapidjson::Document query(std::string_view document, const rapidjson::Value& variables);

  // Per-request timeout; 0 restores the connection's Timeout property.
  void setTimeout(int seconds);
  void cancel();
  void resetCancel();

  ApiUsage usage() const;
  const std::string& endpoint() const { return endpoint_; }
  log::Logger& logger() { return *logger_; }

 private:
  rapidjson::Document send(std::string_view document, const rapidjson::Value& variables);

  std::string endpoint_;
  std::string api_version_;
  std::chrono::seconds default_timeout_;
  std::unique_ptr<auth::Credentials> credentials_;
  std::shared_ptr<log::Logger> logger_;
  net::HttpClient http_;
  mutable std::mutex usage_mutex_;
  ApiUsage usage_;
};

// The operation name of a document ("query Boards(...)" → "Boards"), for logs.
std::string operationName(std::string_view document);

}  // namespace monday::client
