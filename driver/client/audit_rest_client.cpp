#include "driver/client/audit_rest_client.h"


#include "driver/client/audit_response.h"
#include "driver/config/settings.h"
#include "driver/net/url.h"

namespace monday::client {

namespace {

constexpr std::chrono::minutes kPacingWindow{1};

// The audit log's server is the one Domain names, not APIURL: messages say so.
net::TransportOptions auditServerOptions(net::TransportOptions options) {
  options.property_names.url = "Domain";
  return options;
}

}  // namespace

AuditRestClient::AuditRestClient(const config::Settings& settings, std::shared_ptr<log::Logger> logger,
                                 const net::Seams& seams)
    : endpoint_(settings.audit_domain + "/audit-api/get-logs"),
      token_(settings.api_token),
      default_timeout_(settings.timeout_seconds),
      retry_limits_(settings.retryLimits()),
      jitter_(seams.jitter),
      logger_(std::move(logger)),
      http_(auditServerOptions(settings.transport()), std::chrono::seconds(settings.timeout_seconds), seams),
      pacer_(static_cast<std::size_t>(settings.audit_requests_per_minute), kPacingWindow) {}

AuditRestClient::~AuditRestClient() = default;

void AuditRestClient::setTimeout(int seconds) {
  http_.setTimeout(seconds > 0 ? std::chrono::seconds(seconds) : default_timeout_);
}

void AuditRestClient::cancel() { http_.cancel(); }
void AuditRestClient::resetCancel() { http_.resetCancel(); }

long long AuditRestClient::requestCount() const {
  std::lock_guard lock(count_mutex_);
  return requests_;
}

rapidjson::Document AuditRestClient::getLogs(int page, int per_page, const std::string& filters_json) {
  net::HttpRequest request;
  request.method = "GET";
  request.url = endpoint_ + "?page=" + std::to_string(page) + "&per_page=" + std::to_string(per_page);
  if (!filters_json.empty()) request.url += "&filters=" + net::percentEncode(filters_json);
  request.headers = {{"Accept", "application/json"}, {"Authorization", "Bearer " + token_}};

  net::RetryPolicy retries(retry_limits_, jitter_);
  for (;;) {
    const int attempt = retries.beginAttempt();
    pace(retries);
    net::HttpResponse response = http_.send(request);
    {
      std::lock_guard lock(count_mutex_);
      ++requests_;
    }
    AuditOutcome outcome = readAuditResponse(response, endpoint_);
    if (logger_->enabled(log::Level::Info)) {
      logger_->write(log::Level::Info, "api",
                     "GET " + endpoint_ + " page=" + std::to_string(page) + " per_page=" + std::to_string(per_page) +
                         " status=" + std::to_string(response.status) +
                         " ms=" + std::to_string(response.elapsed.count()));
    }
    if (logger_->enabled(log::Level::Trace)) logger_->write(log::Level::Trace, "api", "filters=" + filters_json);

    switch (outcome.kind) {
      case AuditOutcome::Kind::Data:
        return std::move(outcome.document);
      case AuditOutcome::Kind::Failed:
        logger_->write(log::Level::Error, "api", outcome.error->state() + " " + outcome.error->message());
        throw *outcome.error;
      case AuditOutcome::Kind::RetryAfter: {
        const auto wait = retries.retryAfter(
            outcome.transient_server_error ? net::RetryCause::ServerError : net::RetryCause::Limit, outcome.wait);
        if (!wait) {
          logger_->write(log::Level::Error, "api",
                         "audit-log API: giving up after " + std::to_string(attempt) + " attempts: " +
                             outcome.error->message());
          throw *outcome.error;
        }
        logger_->write(log::Level::Info, "retry",
                       "audit-log API: HTTP " + std::to_string(response.status) + ", waiting " +
                           std::to_string(wait->count()) + " ms before retrying page " + std::to_string(page));
        http_.wait(*wait);
        break;
      }
    }
  }
}

void AuditRestClient::pace(net::RetryPolicy& retries) {
  // Pacing is a wait for monday's limit before sending, like the GraphQL client's budget wait:
  // it counts against MaxRetryWait, and a delay that does not fit is not waited.
  if (const auto delay = pacer_.delayAt(http_.clock().now()); delay.count() > 0) {
    if (retries.allowWait(delay)) {
      logger_->write(log::Level::Info, "retry",
                     "audit-log API: pacing under AuditRequestsPerMinute, waiting " + std::to_string(delay.count()) +
                         " ms");
      http_.wait(delay);
    } else {
      logger_->write(log::Level::Info, "retry",
                     "audit-log API: pacing under AuditRequestsPerMinute would need " +
                         std::to_string(delay.count()) + " ms, more than MaxRetryWait allows; sending now");
    }
  }
  pacer_.recordAt(http_.clock().now());
}

}  // namespace monday::client
