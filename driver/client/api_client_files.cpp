// Files: uploads to monday's file endpoint and downloads of assets' public URLs. Kept apart from
// api_client.cpp because neither takes part in the read retry loop: an upload is a mutation that
// is sent once, and a download does not talk to the API at all.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "driver/common/json.h"
#include "driver/auth/credentials.h"
#include "driver/client/api_client.h"
#include "driver/net/multipart.h"
#include "driver/net/url.h"

namespace monday::client {

namespace {


bool allowedDownloadUrl(const std::string& url) { return net::isSafeToSendCredentials(url); }

constexpr std::string_view kUploadMayHaveApplied =
    " The file may or may not have been added; the driver did not send it again. Check the item or update "
    "in monday before running the statement again.";

}  // namespace

std::string ApiClient::fileEndpoint() const {
  std::string base = endpoint_;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/file";
}

rapidjson::Document ApiClient::uploadFile(std::string_view document, const rapidjson::Value& variables,
                                          const std::string& file_variable, const std::string& file_name,
                                          const std::string& file_bytes) {
  const std::string operation = operationName(document);
  clearCache();  // a change: reads must not be answered from before it
  net::MultipartBody multipart = net::buildMultipart({
      {.name = "query", .data = std::string(document)},
      {.name = "variables", .data = variables.IsObject() ? jsonText(variables) : std::string("{}")},
      {.name = "variables[" + file_variable + "]", .data = file_bytes, .filename = file_name},
  });
  net::HttpRequest request;
  request.url = fileEndpoint();
  const std::string authorization = authorizationHeader();
  request.headers = {{"Content-Type", multipart.content_type},
                     {"Accept", "application/json"},
                     {"API-Version", api_version_},
                     {"Authorization", authorization}};
  request.body = std::move(multipart.body);
  request.send_once = true;  // an upload is a mutation: never resent, not even by libcurl
  ApiBudget& budget = budgetFor(authorization);

  net::HttpResponse response;
  try {
    HttpLease http(*this);
    response = http->send(request);
  } catch (const Error& error) {
    record(UsageCounters{.requests = 1});
    if (error.state() == sqlstate::kCommunicationLinkFailure || error.state() == sqlstate::kTimeout) {
      throw Error(error.state(), error.message() + std::string(kUploadMayHaveApplied), error.nativeCode());
    }
    throw;
  }
  ApiOutcome outcome = readApiResponse(response, seams_.clock->wallNow());
  budget.observe(outcome, operation, seams_.clock->now(), seams_.clock->wallNow());
  record(UsageCounters{.requests = 1,
                       .complexity = outcome.complexity ? outcome.complexity->query : 0,
                       .limit_answers = outcome.limit != Limit::None ? 1 : 0,
                       .elapsed = response.elapsed});
  if (logger_->enabled(log::Level::Info)) {
    std::string line = "POST " + request.url + " op=" + operation + " status=" + std::to_string(response.status) +
                       " ms=" + std::to_string(response.elapsed.count()) +
                       " file_bytes=" + std::to_string(file_bytes.size());
    if (!outcome.request_id.empty()) line += " request_id=" + outcome.request_id;
    logger_->write(log::Level::Info, "api", line);
  }

  switch (outcome.kind) {
    case ApiOutcome::Kind::Data:
      return std::move(outcome.document);
    case ApiOutcome::Kind::Failed: {
      Error error = outcome.error ? *outcome.error : Error(sqlstate::kGeneralError, "monday refused the upload.");
      logger_->write(log::Level::Error, "api", error.state() + " " + error.message());
      throw error;
    }
    case ApiOutcome::Kind::RetryAfter:
      break;
  }
  // A limit or a server error. A rejected request certainly did nothing; anything else may have.
  const Error& reason = *outcome.error;
  const std::string what = outcome.rejected_unexecuted
                               ? " The file was not uploaded; run the statement again later."
                               : std::string(kUploadMayHaveApplied);
  Error error(reason.state(), reason.message() + what, reason.nativeCode());
  logger_->write(log::Level::Error, "api", error.state() + " " + error.message());
  throw error;
}

std::string ApiClient::download(const std::string& url) {
  const std::string shown = net::displayWithoutQuery(url);
  if (!allowedDownloadUrl(url)) {
    throw Error(sqlstate::kGeneralError,
                "Cannot download " + shown + ": only https:// URLs are fetched (http:// only from this machine).");
  }
  net::HttpRequest request;
  request.method = "GET";
  request.url = url;
  request.headers = {{"Accept", "*/*"}};
  net::HttpResponse response = [&] {
    HttpLease http(*this);
    return http->send(request);
  }();
  logger_->write(log::Level::Info, "download",
                 "GET " + shown + " status=" + std::to_string(response.status) + " bytes=" +
                     std::to_string(response.body.size()) + " ms=" + std::to_string(response.elapsed.count()));
  if (response.status < 200 || response.status >= 300) {
    throw Error(sqlstate::kGeneralError,
                "Downloading " + shown + " failed with HTTP status " + std::to_string(response.status) +
                    ". An asset's public URL is valid for about an hour; run the download again to get a fresh "
                    "one.");
  }
  return std::move(response.body);
}

}  // namespace monday::client
