#include "driver/common/json.h"
#include "driver/client/api_client.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <random>
#include <thread>

#include "driver/auth/credentials.h"
#include "driver/config/settings.h"

namespace monday::client {

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// A read gives up at its third transient server error (5xx, garbage, a dropped connection),
// whatever MaxRetries says: a server that fails three times in a row is having an outage.
constexpr int kMaxTransientAttempts = 3;
// Budget waits end a little after monday's reset time: its seconds are rounded.
constexpr milliseconds kBudgetWaitMargin{250};

// Every call also asks what it cost: monday answers in the same response, so the budget is
// tracked without extra calls (REFERENCE §4; mutations too, §10.1). Under the driver's own alias,
// always: a user's `complexity { query }` (ExecuteGraphQL) must not replace the fields the budget
// needs. Our documents always end with the operation's '}'.
std::string withComplexityField(std::string_view document) {
  auto close = document.rfind('}');
  if (close == std::string_view::npos || document.find(kBudgetAlias) != std::string_view::npos) {
    return std::string(document);
  }
  std::string out(document.substr(0, close));
  out += " ";
  out += kBudgetAlias;
  out += ": complexity { before query after reset_in_x_seconds } ";
  out += document.substr(close);
  return out;
}

std::string secondsText(milliseconds duration) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", static_cast<double>(duration.count()) / 1000.0);
  return text;
}

bool identifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// For a request of several aliased mutations: "2 of 5 changes in this request were applied
// (a0, a3)". Fields of `data` that are null failed; the rest were applied.
std::string appliedPart(const rapidjson::Document& body) {
  if (!body.IsObject()) return {};
  auto data = body.FindMember("data");
  if (data == body.MemberEnd() || !data->value.IsObject()) return {};
  int total = 0;
  std::string applied;
  int applied_count = 0;
  for (const auto& field : data->value.GetObject()) {
    const std::string name(field.name.GetString(), field.name.GetStringLength());
    if (name == "complexity" || name == kBudgetAlias) continue;
    ++total;
    if (!field.value.IsNull()) {
      ++applied_count;
      if (applied_count <= 10) applied += (applied.empty() ? "" : ", ") + name;
    }
  }
  if (total == 0) return {};
  if (applied_count == 0) return " None of the " + std::to_string(total) + " changes in this request was applied.";
  return " " + std::to_string(applied_count) + " of " + std::to_string(total) +
         " changes in this request were applied (" + applied + (applied_count > 10 ? ", ..." : "") + ").";
}

// Whether monday ran a request and answered per field: `data` present, or an error with a `path`.
bool hasFieldResults(const rapidjson::Document& body) {
  if (!body.IsObject()) return false;
  if (auto data = body.FindMember("data"); data != body.MemberEnd() && data->value.IsObject()) return true;
  auto errors = body.FindMember("errors");
  if (errors == body.MemberEnd() || !errors->value.IsArray()) return false;
  for (const auto& error : errors->value.GetArray()) {
    if (error.IsObject() && error.HasMember("path")) return true;
  }
  return false;
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

bool isMutationDocument(std::string_view document) {
  // The first operation keyword outside braces, strings and comments (fragments may come first).
  int depth = 0;
  for (std::size_t i = 0; i < document.size(); ++i) {
    const char c = document[i];
    if (c == '#') {
      i = document.find('\n', i);
      if (i == std::string_view::npos) return false;
    } else if (c == '"') {
      for (++i; i < document.size() && document[i] != '"'; ++i) {
        if (document[i] == '\\') ++i;
      }
    } else if (c == '{') {
      if (depth == 0) return false;  // an anonymous query "{ ... }" (or a fragment's body)
      ++depth;
    } else if (c == '}') {
      --depth;
    } else if (c == '(' || c == ')') {
      continue;
    } else if (depth == 0 && identifierChar(c) && (i == 0 || !identifierChar(document[i - 1]))) {
      std::size_t end = i;
      while (end < document.size() && identifierChar(document[end])) ++end;
      std::string_view word = document.substr(i, end - i);
      if (word == "mutation") return true;
      if (word == "query" || word == "subscription") return false;
      if (word == "fragment") {
        // Skip to the fragment's selection set and over it.
        std::size_t open = document.find('{', end);
        if (open == std::string_view::npos) return false;
        int fragment_depth = 0;
        for (i = open; i < document.size(); ++i) {
          if (document[i] == '{') ++fragment_depth;
          if (document[i] == '}' && --fragment_depth == 0) break;
        }
        continue;
      }
      i = end - 1;
    }
  }
  return false;
}

ApiClient::ApiClient(const config::Settings& settings, std::shared_ptr<log::Logger> logger)
    : endpoint_(settings.api_url),
      api_version_(settings.api_version),
      default_timeout_(settings.timeout_seconds),
      max_retries_(settings.max_retries),
      max_retry_wait_(settings.max_retry_wait_seconds),
      credentials_(auth::makeCredentials(settings, logger)),
      logger_(std::move(logger)),
      http_(settings.transport(), std::chrono::seconds(settings.timeout_seconds)),
      transport_(settings.transport()),
      max_concurrent_requests_(std::max(1, settings.max_concurrent_requests)),
      cache_ttl_(settings.cache_ttl_seconds),
      cache_max_bytes_(static_cast<std::size_t>(settings.cache_max_mb) * 1024 * 1024) {}


namespace {
thread_local bool pooled_connections_only = false;
}

void ApiClient::useOnlyPooledConnections() { pooled_connections_only = true; }

net::HttpClient* ApiClient::borrowHttp() {
  std::lock_guard lock(pool_mutex_);
  net::HttpClient* client = nullptr;
  if (!http_busy_ && !pooled_connections_only) {
    http_busy_ = true;
    client = &http_;
  } else if (!idle_.empty()) {
    client = idle_.back();
    idle_.pop_back();
  } else {
    pool_.push_back(std::make_unique<net::HttpClient>(transport_, http_.timeout()));
    client = pool_.back().get();
  }
  if (client != &http_) {
    client->setTimeout(http_.timeout());
    // A connection-wide cancel (SQLCancel) holds for borrowed connections too.
    if (http_.cancelled()) client->cancel();
    else client->resetCancel();
  }
  lent_[std::this_thread::get_id()] = client;
  const int now = ++in_flight_;
  int peak = peak_in_flight_.load();
  while (now > peak && !peak_in_flight_.compare_exchange_weak(peak, now)) {
  }
  return client;
}

void ApiClient::returnHttp(net::HttpClient* client) {
  std::lock_guard lock(pool_mutex_);
  --in_flight_;
  lent_.erase(std::this_thread::get_id());
  if (client == &http_) http_busy_ = false;
  else idle_.push_back(client);
}

void ApiClient::cancelThread(std::thread::id thread) {
  std::lock_guard lock(pool_mutex_);
  if (auto lent = lent_.find(thread); lent != lent_.end() && lent->second != &http_) lent->second->cancel();
}

std::string ApiClient::authorizationHeader() {
  std::lock_guard lock(credentials_mutex_);
  return credentials_->authorizationHeader();
}

ApiClient::~ApiClient() = default;

void ApiClient::setTimeout(int seconds) {
  std::lock_guard lock(pool_mutex_);
  http_.setTimeout(seconds > 0 ? std::chrono::seconds(seconds) : default_timeout_);
}

void ApiClient::cancel() {
  std::lock_guard lock(pool_mutex_);
  http_.cancel();
  for (const auto& client : pool_) client->cancel();
}

void ApiClient::resetCancel() {
  std::lock_guard lock(pool_mutex_);
  http_.resetCancel();
  for (const auto& client : pool_) client->resetCancel();
}

ApiUsage ApiClient::usage() const {
  std::lock_guard lock(usage_mutex_);
  return usage_;
}

BudgetSnapshot ApiClient::budget() const {
  // No copy of the shared pointer: the snapshot counts the connections sharing the budget by its
  // owners, and a temporary copy would count as one more.
  std::lock_guard lock(usage_mutex_);
  if (!budget_) return {};
  return budget_->snapshot(std::chrono::steady_clock::now(), std::chrono::system_clock::now());
}

ApiBudget& ApiClient::budgetFor(const std::string& authorization) {
  std::lock_guard lock(usage_mutex_);
  if (!budget_) budget_ = ApiBudget::shared(endpoint_, authorization);
  return *budget_;
}

ResponseCache& ApiClient::cacheFor(const std::string& authorization) {
  std::lock_guard lock(usage_mutex_);
  if (!cache_) cache_ = ResponseCache::shared(endpoint_, authorization);
  return *cache_;
}

std::optional<ApiClient::CacheState> ApiClient::cacheState() {
  if (cache_ttl_.count() <= 0) return std::nullopt;
  const std::string authorization = authorizationHeader();
  return CacheState{cacheFor(authorization).stats(), cache_ttl_, cache_max_bytes_};
}

void ApiClient::clearCache() {
  if (cache_ttl_.count() <= 0) return;
  cacheFor(authorizationHeader()).clear();
}

void ApiClient::record(const UsageCounters& delta) {
  {
    std::lock_guard lock(usage_mutex_);
    usage_ += delta;
  }
  if (budget_) budget_->add(delta);
}

void ApiClient::pause(milliseconds wait) {
  const auto until = std::chrono::steady_clock::now() + wait;
  while (std::chrono::steady_clock::now() < until) {
    if (http_.cancelled()) throw Error(sqlstate::kOperationCanceled, "The operation was cancelled.");
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
        milliseconds(100), until - std::chrono::steady_clock::now()));
  }
}

rapidjson::Document ApiClient::query(std::string_view document, const rapidjson::Value& variables) {
  return send(document, variables, isMutationDocument(document) ? Mode::Mutation : Mode::Read);
}

rapidjson::Document ApiClient::mutate(std::string_view document, const rapidjson::Value& variables) {
  return send(document, variables, Mode::Mutation);
}

rapidjson::Document ApiClient::mutateBatch(std::string_view document, const rapidjson::Value& variables) {
  return send(document, variables, Mode::MutationBatch);
}

rapidjson::Document ApiClient::send(std::string_view document, const rapidjson::Value& variables, Mode mode) {
  const bool mutation = mode != Mode::Read;
  const std::string operation = operationName(document);
  const std::string full_document = withComplexityField(document);
  std::string body = "{\"query\":";
  {
    rapidjson::Value text(rapidjson::StringRef(full_document.data(), full_document.size()));
    body += jsonText(text);
  }
  body += ",\"variables\":";
  body += variables.IsObject() ? jsonText(variables) : std::string("{}");
  body += "}";

  net::HttpRequest request;
  request.url = endpoint_;
  const std::string authorization = authorizationHeader();
  request.headers = {{"Content-Type", "application/json"},
                     {"Accept", "application/json"},
                     {"API-Version", api_version_},
                     {"Authorization", authorization}};
  request.send_once = mutation;
  ApiBudget& budget = budgetFor(authorization);

  // CacheTTL: an identical read within the TTL is answered from memory; a write empties the
  // cache of every connection sharing the token, so the next read sees the change.
  std::string cache_key;
  if (cache_ttl_.count() > 0) {
    ResponseCache& cache = cacheFor(authorization);
    if (mutation) {
      cache.clear();
    } else {
      cache_key = api_version_ + '\n' + body;
      if (auto hit = cache.find(cache_key, cache_ttl_, std::chrono::steady_clock::now())) {
        rapidjson::Document cached;
        if (parseJson(*hit, cached) && cached.IsObject()) {
          logger_->write(log::Level::Info, "api", "op=" + operation + " answered from the cache");
          return cached;
        }
      }
    }
  }
  request.body = std::move(body);

  const milliseconds max_wait = std::chrono::duration_cast<milliseconds>(max_retry_wait_);
  milliseconds waited{0};
  std::mt19937 jitter_source(std::random_device{}());
  auto jitter = [&] { return milliseconds(std::uniform_int_distribution<int>(0, 250)(jitter_source)); };

  bool credentials_refreshed = false;
  // Backoff grows with the failures of one kind, not with every attempt: three limit answers
  // followed by a 500 wait 1 s for the 500, not 8.
  int transient_failures = 0;
  int lock_answers = 0;
  auto backoffAfter = [](int failures) { return milliseconds(seconds(1LL << std::min(failures - 1, 4))); };
  for (int attempt = 1;; ++attempt) {
    // 1. Wait first if monday's last numbers say this call would exhaust the budget: waiting
    //    until the window resets costs the same time as a 429 would, without the rejected call.
    const long long estimate = budget.estimate(operation, mutation);
    if (const milliseconds budget_wait = budget.waitBefore(estimate, std::chrono::steady_clock::now());
        budget_wait > milliseconds(0)) {
      const milliseconds wait = budget_wait + kBudgetWaitMargin;
      if (waited + wait <= max_wait) {
        logger_->write(log::Level::Info, "wait",
                       "op=" + operation + " expected cost " + std::to_string(estimate) +
                           " exceeds the budget left; waiting " + secondsText(wait) + "s for the window to reset");
        pause(wait);
        waited += wait;
        record(UsageCounters{.waits = 1, .waited = wait, .budget_waits = 1, .budget_waited = wait});
      } else {
        logger_->write(log::Level::Info, "wait",
                       "op=" + operation + " would need " + secondsText(wait) +
                           "s for the budget to reset, more than MaxRetryWait allows; sending now");
      }
    }

    // 2. Send. The estimate is reserved while in flight so other connections of the token see it.
    budget.reserve(estimate);
    net::HttpResponse response;
    try {
      HttpLease http(*this);
      response = http->send(request);
    } catch (const Error& error) {
      budget.release(estimate);
      record(UsageCounters{.requests = 1, .retries = attempt > 1 ? 1 : 0});
      const bool link_lost = error.state() == sqlstate::kCommunicationLinkFailure;
      if (mutation && (link_lost || error.state() == sqlstate::kTimeout || error.state() == sqlstate::kOperationCanceled)) {
        throw MutationOutcomeUnknown(error.state(), error.message(), error.nativeCode());
      }
      // A read whose connection dropped (a stale keep-alive connection, a proxy hiccup) is
      // simply asked again.
      const milliseconds backoff = backoffAfter(++transient_failures);
      if (!link_lost || attempt > max_retries_ || transient_failures >= kMaxTransientAttempts ||
          waited + backoff > max_wait) {
        throw;
      }
      logger_->write(log::Level::Info, "retry", "op=" + operation + " attempt=" + std::to_string(attempt) +
                                                    " waiting " + secondsText(backoff) + "s: " + error.message());
      pause(backoff);
      waited += backoff;
      record(UsageCounters{.waits = 1, .waited = backoff});
      continue;
    }
    budget.release(estimate);
    ApiOutcome outcome = readApiResponse(response);
    budget.observe(outcome, operation, std::chrono::steady_clock::now(), std::chrono::system_clock::now());
    record(UsageCounters{.requests = 1,
                         .retries = attempt > 1 ? 1 : 0,
                         .complexity = outcome.complexity ? outcome.complexity->query : 0,
                         .limit_answers = outcome.limit != Limit::None ? 1 : 0,
                         .elapsed = response.elapsed});

    if (logger_->enabled(log::Level::Info)) {
      std::string line = "POST " + endpoint_ + " op=" + operation + " status=" + std::to_string(response.status) +
                         " ms=" + std::to_string(response.elapsed.count());
      if (outcome.complexity) {
        line += " complexity=" + std::to_string(outcome.complexity->query) +
                " budget_left=" + std::to_string(outcome.complexity->after) +
                " reset_in=" + std::to_string(outcome.complexity->reset_in_seconds) + "s";
      }
      if (outcome.limit != Limit::None) line += " limit=\"" + std::string(limitName(outcome.limit)) + "\"";
      if (!outcome.request_id.empty()) line += " request_id=" + outcome.request_id;
      logger_->write(log::Level::Info, "api", line);
    }
    if (logger_->enabled(log::Level::Trace) && attempt == 1) {
      // Verbosity=3: the document and its values as sent. They are the user's data; credentials
      // travel in headers, which are never logged.
      logger_->write(log::Level::Trace, "api",
                     "op=" + operation + " query=" + std::string(document) +
                         " variables=" + (variables.IsObject() ? jsonText(variables) : "{}"));
    }

    switch (outcome.kind) {
      case ApiOutcome::Kind::Data:
        if (!cache_key.empty()) {
          cacheFor(authorization).store(cache_key, jsonText(outcome.document), cache_max_bytes_,
                                        std::chrono::steady_clock::now());
        }
        return std::move(outcome.document);
      case ApiOutcome::Kind::Failed: {
        Error error = outcome.error ? *outcome.error : Error(sqlstate::kGeneralError, "monday API call failed.");
        if (error.state() == sqlstate::kInvalidAuthorization) {
          // A rejected credential: an OAuth token that expired or was replaced mid-session is
          // refreshed and the call sent once more (monday rejects before running anything, so
          // mutations are safe to resend). A final rejection gets the handler's advice.
          if (!credentials_refreshed) {
            credentials_refreshed = true;
            bool refreshed = false;
            {
              std::lock_guard lock(credentials_mutex_);
              refreshed = credentials_->refreshAfterRejection();
            }
            if (refreshed) {
              for (auto& [name, value] : request.headers) {
                if (name == "Authorization") value = authorizationHeader();
              }
              logger_->write(log::Level::Info, "auth", "op=" + operation + " credentials refreshed after a rejection; sending again");
              continue;
            }
          }
          std::optional<std::string> advice;
          {
            std::lock_guard lock(credentials_mutex_);
            advice = credentials_->rejectionMessage();
          }
          if (advice) error = Error(error.state(), *advice, error.nativeCode());
        }
        if (mode == Mode::MutationBatch && outcome.limit == Limit::None && hasFieldResults(outcome.document)) {
          return std::move(outcome.document);  // the caller reads which aliases ran
        }
        if (mutation && outcome.limit == Limit::None) {
          error = Error(error.state(), error.message() + appliedPart(outcome.document), error.nativeCode());
        }
        logger_->write(log::Level::Error, "api", error.state() + " " + error.message());
        throw error;
      }
      case ApiOutcome::Kind::RetryAfter: {
        const Error& reason = *outcome.error;
        if (mutation && !outcome.rejected_unexecuted) {
          MutationOutcomeUnknown error(reason.state(), reason.message(), reason.nativeCode());
          logger_->write(log::Level::Error, "api", error.state() + " " + error.message());
          throw error;
        }
        // Server errors and locks get an exponential backoff; limits get what monday asked.
        milliseconds wait = outcome.wait;
        if (outcome.transient_server_error) wait = backoffAfter(++transient_failures);
        if (outcome.limit == Limit::Locked) wait = std::max(wait, backoffAfter(++lock_answers));
        if (attempt > max_retries_ || transient_failures >= kMaxTransientAttempts || waited + wait > max_wait) {
          std::string text = reason.message();
          if (outcome.limit != Limit::None) {
            text += " monday asked to wait " + secondsText(outcome.wait) + "s; the driver gave up after " +
                    std::to_string(attempt) + " attempt(s) and " + secondsText(waited) +
                    "s of waiting (MaxRetries=" + std::to_string(max_retries_) +
                    ", MaxRetryWait=" + std::to_string(max_retry_wait_.count()) +
                    "s). Run the statement again later, fetch less at once, or raise MaxRetryWait.";
          }
          logger_->write(log::Level::Error, "api", "giving up after " + std::to_string(attempt) + " attempts: " + text);
          throw Error(reason.state(), text, reason.nativeCode());
        }
        const milliseconds pause_for = wait + jitter();
        logger_->write(log::Level::Info, "retry",
                       "op=" + operation + " attempt=" + std::to_string(attempt) + " waiting " +
                           secondsText(pause_for) + "s: " + reason.message());
        pause(pause_for);
        waited += pause_for;
        record(UsageCounters{.waits = 1, .waited = pause_for});
        break;
      }
    }
  }
}

}  // namespace monday::client
