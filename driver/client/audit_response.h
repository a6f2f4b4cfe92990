#pragma once
// Reading answers of monday's audit-log REST API (GET <Domain>/audit-api/get-logs): usable page,
// limit to wait out, or an error with the SQLSTATE and a message that says what to do. A pure
// function, like readApiResponse for GraphQL, so every shape can be unit-tested.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "driver/common/error.h"
#include "driver/net/http_client.h"

namespace monday::client {

struct AuditOutcome {
  enum class Kind {
    Data,        // document is an object whose "data" is an array of log entries
    RetryAfter,  // the 50-requests-a-minute limit, or a transient server failure
    Failed,      // error holds what to report
  };
  Kind kind = Kind::Failed;
  rapidjson::Document document;
  std::chrono::seconds wait{0};          // RetryAfter: how long monday asks us to wait
  bool transient_server_error = false;   // RetryAfter because of 5xx/garbage, not the limit
  std::optional<Error> error;            // Failed (and the error to raise if retries run out)
};

// `endpoint` is the URL that was called, without its query string (for messages).
AuditOutcome readAuditResponse(const net::HttpResponse& response, std::string_view endpoint);

}  // namespace monday::client
