#pragma once
// Reading monday's answers: one pure function decides whether a response is usable data, a
// limit to wait out, or an error with the SQLSTATE to report. Kept apart from the transport so
// every shape monday documents (REFERENCE §5, §10.4) can be unit-tested.

#include <chrono>
#include <optional>
#include <string>

#include <rapidjson/document.h>

#include "driver/common/error.h"
#include "driver/net/http_client.h"

namespace monday::client {

struct Complexity {
  long long before = 0;
  long long query = 0;
  long long after = 0;
  long long reset_in_seconds = 0;
};

struct ApiOutcome {
  enum class Kind {
    Data,        // document holds "data" (errors, if any, were absent)
    RetryAfter,  // a rate/complexity/concurrency limit or a transient server error
    Failed,      // error holds what to report
  };
  Kind kind = Kind::Failed;
  rapidjson::Document document;            // the parsed body (Data)
  std::optional<Complexity> complexity;    // from data.complexity when selected
  std::chrono::seconds wait{0};            // RetryAfter: how long monday asks us to wait
  bool transient_server_error = false;     // RetryAfter because of 5xx/garbage, not a limit
  std::optional<Error> error;              // Failed (and the error to raise if retries run out)
  std::string request_id;                  // monday's request id when present, for logs
};

ApiOutcome readApiResponse(const net::HttpResponse& response);

}  // namespace monday::client
