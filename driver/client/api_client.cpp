#include "driver/client/api_client.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <random>
#include <thread>

#include "driver/auth/credentials.h"
#include "driver/config/settings.h"

namespace monday::client {

namespace {

// Reads may be retried; give up after this many attempts or this much waiting, so a statement
// never hangs for longer than a person would wait for it.
constexpr int kMaxAttempts = 6;
constexpr std::chrono::seconds kMaxTotalWait{180};

// Every read also asks what it cost: monday answers in the same response, so the budget is
// tracked without extra calls (REFERENCE §4). Our documents always end with the operation's '}'.
std::string withComplexityField(std::string_view document) {
  auto close = document.rfind('}');
  if (close == std::string_view::npos || document.find("complexity") != std::string_view::npos) {
    return std::string(document);
  }
  std::string out(document.substr(0, close));
  out += " complexity { before query after reset_in_x_seconds } ";
  out += document.substr(close);
  return out;
}

std::string toJson(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

std::string operationName(std::string_view document) {
  auto start = document.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return "anonymous";
  document.remove_prefix(start);
  for (std::string_view keyword : {"query", "mutation"}) {
    if (document.rfind(keyword, 0) == 0) {
      document.remove_prefix(keyword.size());
      auto name_start = document.find_first_not_of(" \t\r\n");
      if (name_start == std::string_view::npos) return std::string(keyword);
      auto name_end = document.find_first_of(" \t\r\n({", name_start);
      std::string name(document.substr(name_start, name_end - name_start));
      return name.empty() ? std::string(keyword) : name;
    }
  }
  return "anonymous";
}

ApiClient::ApiClient(const config::Settings& settings, std::shared_ptr<log::Logger> logger)
    : endpoint_(settings.api_url),
      api_version_(settings.api_version),
      default_timeout_(settings.timeout_seconds),
      credentials_(auth::makeCredentials(settings)),
      logger_(std::move(logger)),
      http_(net::TlsOptions{settings.ssl_server_cert}, std::chrono::seconds(settings.timeout_seconds)) {}

ApiClient::~ApiClient() = default;

void ApiClient::setTimeout(int seconds) {
  http_.setTimeout(seconds > 0 ? std::chrono::seconds(seconds) : default_timeout_);
}

void ApiClient::cancel() { http_.cancel(); }
void ApiClient::resetCancel() { http_.resetCancel(); }

ApiUsage ApiClient::usage() const {
  std::lock_guard lock(usage_mutex_);
  return usage_;
}

rapidjson::Document ApiClient::query(std::string_view document, const rapidjson::Value& variables) {
  return send(document, variables);
}

rapidjson::Document ApiClient::send(std::string_view document, const rapidjson::Value& variables) {
  const std::string operation = operationName(document);
  const std::string full_document = withComplexityField(document);
  std::string body = "{\"query\":";
  {
    rapidjson::Value text(rapidjson::StringRef(full_document.data(), full_document.size()));
    body += toJson(text);
  }
  body += ",\"variables\":";
  body += variables.IsObject() ? toJson(variables) : std::string("{}");
  body += "}";

  net::HttpRequest request;
  request.url = endpoint_;
  request.headers = {{"Content-Type", "application/json"},
                     {"Accept", "application/json"},
                     {"API-Version", api_version_},
                     {"Authorization", credentials_->authorizationHeader()}};
  request.body = std::move(body);

  std::chrono::seconds waited{0};
  std::mt19937 jitter_source(std::random_device{}());
  for (int attempt = 1;; ++attempt) {
    net::HttpResponse response = http_.send(request);
    ApiOutcome outcome = readApiResponse(response);
    {
      std::lock_guard lock(usage_mutex_);
      usage_.requests += 1;
      usage_.elapsed += response.elapsed;
      if (attempt > 1) usage_.retries += 1;
      if (outcome.complexity) usage_.complexity += outcome.complexity->query;
    }
    if (logger_->enabled(log::Level::Info)) {
      std::string line = "POST " + endpoint_ + " op=" + operation + " status=" + std::to_string(response.status) +
                         " ms=" + std::to_string(response.elapsed.count());
      if (outcome.complexity) {
        line += " complexity=" + std::to_string(outcome.complexity->query) +
                " budget_left=" + std::to_string(outcome.complexity->after);
      }
      if (!outcome.request_id.empty()) line += " request_id=" + outcome.request_id;
      logger_->write(log::Level::Info, "api", line);
    }
    if (logger_->enabled(log::Level::Trace)) {
      logger_->write(log::Level::Trace, "api", "variables=" + (variables.IsObject() ? toJson(variables) : "{}"));
    }

    switch (outcome.kind) {
      case ApiOutcome::Kind::Data:
        return std::move(outcome.document);
      case ApiOutcome::Kind::Failed:
        if (outcome.error) {
          logger_->write(log::Level::Error, "api", outcome.error->state() + " " + outcome.error->message());
          throw *outcome.error;
        }
        throw Error(sqlstate::kGeneralError, "monday API call failed.");
      case ApiOutcome::Kind::RetryAfter: {
        // Transient server errors get a short exponential backoff; limits get what monday asked.
        std::chrono::seconds wait = outcome.transient_server_error
                                        ? std::chrono::seconds(1LL << std::min(attempt - 1, 4))
                                        : outcome.wait;
        const auto jitter = std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 250)(jitter_source));
        const int max_attempts = outcome.transient_server_error ? 3 : kMaxAttempts;
        if (attempt >= max_attempts || waited + wait > kMaxTotalWait) {
          logger_->write(log::Level::Error, "api", "giving up after " + std::to_string(attempt) + " attempts: " +
                                                       outcome.error->message());
          throw *outcome.error;
        }
        logger_->write(log::Level::Info, "retry",
                       "op=" + operation + " attempt=" + std::to_string(attempt) + " waiting " +
                           std::to_string(wait.count()) + "s: " + outcome.error->message());
        // Sleep in small steps so SQLCancel is honoured while we wait.
        const auto until = std::chrono::steady_clock::now() + wait + jitter;
        while (std::chrono::steady_clock::now() < until) {
          if (http_.cancelled()) throw Error(sqlstate::kOperationCanceled, "The operation was cancelled.");
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        waited += wait;
        break;
      }
    }
  }
}

}  // namespace monday::client
