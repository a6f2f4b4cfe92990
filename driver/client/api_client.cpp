#include "driver/common/json.h"
#include "driver/client/api_client.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <thread>

#include "driver/auth/credentials.h"
#include "driver/config/settings.h"

namespace monday::client {

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

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

ApiClient::ApiClient(const config::Settings& settings, std::shared_ptr<log::Logger> logger, net::Seams seams)
    : endpoint_(settings.api_url),
      api_version_(settings.api_version),
      default_timeout_(settings.timeout_seconds),
      retry_limits_(settings.retryLimits()),
      seams_(std::move(seams)),
      credentials_(auth::makeCredentials(settings, logger, seams_)),
      logger_(std::move(logger)),
      http_(settings.transport(), std::chrono::seconds(settings.timeout_seconds), seams_),
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
    pool_.push_back(std::make_unique<net::HttpClient>(transport_, http_.timeout(), seams_));
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
  return budget_->snapshot(seams_.clock->now(), seams_.clock->wallNow());
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

rapidjson::Document ApiClient::query(std::string_view document, const rapidjson::Value& variables) {
  return send(document, variables, isMutationDocument(document) ? Mode::Mutation : Mode::Read);
}

rapidjson::Document ApiClient::mutate(std::string_view document, const rapidjson::Value& variables) {
  return send(document, variables, Mode::Mutation);
}

void ApiClient::wait(std::chrono::milliseconds duration) { http_.wait(duration); }

rapidjson::Document ApiClient::mutateBatch(std::string_view document, const rapidjson::Value& variables) {
  return send(document, variables, Mode::MutationBatch);
}

// What one call of send() sends, and what it has spent so far.
struct ApiClient::Call {
  Mode mode;
  std::string operation;
  std::string_view document;          // as given, for the trace log
  const rapidjson::Value& variables;  // as given, for the trace log
  net::RetryPolicy retries;
  net::HttpRequest request;
  std::string authorization;
  ApiBudget* budget = nullptr;
  long long estimate = 0;              // points this attempt is expected to cost
  std::string cache_key;               // "" when the answer is not cached
  bool credentials_refreshed = false;  // a rejected credential is refreshed once per call

  bool mutation() const { return mode != Mode::Read; }
};

rapidjson::Document ApiClient::send(std::string_view document, const rapidjson::Value& variables, Mode mode) {
  Call call{.mode = mode,
            .operation = operationName(document),
            .document = document,
            .variables = variables,
            .retries = net::RetryPolicy(retry_limits_, seams_.jitter)};
  prepare(call);
  if (auto cached = cachedAnswer(call)) return std::move(*cached);
  for (;;) {
    call.retries.beginAttempt();
    waitForBudget(call);
    std::optional<net::HttpResponse> response = exchange(call);
    if (!response) continue;  // the connection dropped and the wait before resending is over
    ApiOutcome outcome = observe(call, *response);
    switch (outcome.kind) {
      case ApiOutcome::Kind::Data:
        storeInCache(call, outcome.document);
        return std::move(outcome.document);
      case ApiOutcome::Kind::Failed:
        if (refreshedCredentials(call, outcome)) continue;
        if (call.mode == Mode::MutationBatch && outcome.limit == Limit::None && hasFieldResults(outcome.document)) {
          return std::move(outcome.document);  // the caller reads which aliases ran
        }
        throw failure(call, outcome);
      case ApiOutcome::Kind::RetryAfter:
        waitBeforeRetry(call, outcome);
        break;
    }
  }
}

void ApiClient::prepare(Call& call) {
  const std::string full_document = withComplexityField(call.document);
  std::string body = "{\"query\":";
  {
    rapidjson::Value text(rapidjson::StringRef(full_document.data(), full_document.size()));
    body += jsonText(text);
  }
  body += ",\"variables\":";
  body += call.variables.IsObject() ? jsonText(call.variables) : std::string("{}");
  body += "}";

  call.authorization = authorizationHeader();
  call.request.url = endpoint_;
  call.request.headers = {{"Content-Type", "application/json"},
                          {"Accept", "application/json"},
                          {"API-Version", api_version_},
                          {"Authorization", call.authorization}};
  call.request.send_once = call.mutation();
  call.budget = &budgetFor(call.authorization);
  if (cache_ttl_.count() > 0 && !call.mutation()) call.cache_key = api_version_ + '\n' + body;
  call.request.body = std::move(body);
}

std::optional<rapidjson::Document> ApiClient::cachedAnswer(const Call& call) {
  // CacheTTL: an identical read within the TTL is answered from memory; a write empties the
  // cache of every connection sharing the token, so the next read sees the change.
  if (cache_ttl_.count() <= 0) return std::nullopt;
  ResponseCache& cache = cacheFor(call.authorization);
  if (call.mutation()) {
    cache.clear();
    return std::nullopt;
  }
  auto hit = cache.find(call.cache_key, cache_ttl_, seams_.clock->now());
  if (!hit) return std::nullopt;
  rapidjson::Document cached;
  if (!parseJson(*hit, cached) || !cached.IsObject()) return std::nullopt;
  logger_->write(log::Level::Info, "api", "op=" + call.operation + " answered from the cache");
  return cached;
}

void ApiClient::storeInCache(const Call& call, const rapidjson::Document& answer) {
  if (call.cache_key.empty()) return;
  cacheFor(call.authorization).store(call.cache_key, jsonText(answer), cache_max_bytes_, seams_.clock->now());
}

void ApiClient::waitForBudget(Call& call) {
  // Wait first if monday's last numbers say this call would exhaust the budget: waiting until
  // the window resets costs the same time as a 429 would, without the rejected call.
  call.estimate = call.budget->estimate(call.operation, call.mutation());
  const milliseconds budget_wait = call.budget->waitBefore(call.estimate, seams_.clock->now());
  if (budget_wait <= milliseconds(0)) return;
  const milliseconds wait = budget_wait + kBudgetWaitMargin;
  if (!call.retries.allowWait(wait)) {
    logger_->write(log::Level::Info, "wait",
                   "op=" + call.operation + " would need " + secondsText(wait) +
                       "s for the budget to reset, more than MaxRetryWait allows; sending now");
    return;
  }
  logger_->write(log::Level::Info, "wait",
                 "op=" + call.operation + " expected cost " + std::to_string(call.estimate) +
                     " exceeds the budget left; waiting " + secondsText(wait) + "s for the window to reset");
  http_.wait(wait);
  record(UsageCounters{.waits = 1, .waited = wait, .budget_waits = 1, .budget_waited = wait});
}

std::optional<net::HttpResponse> ApiClient::exchange(Call& call) {
  const int attempt = call.retries.attempts();
  // The estimate is reserved while in flight so other connections of the token see it.
  call.budget->reserve(call.estimate);
  net::HttpResponse response;
  try {
    HttpLease http(*this);
    response = http->send(call.request);
  } catch (const Error& error) {
    call.budget->release(call.estimate);
    record(UsageCounters{.requests = 1, .retries = attempt > 1 ? 1 : 0});
    const bool link_lost = error.state() == sqlstate::kCommunicationLinkFailure;
    if (call.mutation() &&
        (link_lost || error.state() == sqlstate::kTimeout || error.state() == sqlstate::kOperationCanceled)) {
      throw MutationOutcomeUnknown(error.state(), error.message(), error.nativeCode());
    }
    // A read whose connection dropped (a stale keep-alive connection, a proxy hiccup) is simply
    // asked again.
    const std::optional<milliseconds> wait = link_lost ? call.retries.retryAfter(net::RetryCause::LinkLost) : std::nullopt;
    if (!wait) throw;
    logger_->write(log::Level::Info, "retry", "op=" + call.operation + " attempt=" + std::to_string(attempt) +
                                                  " waiting " + secondsText(*wait) + "s: " + error.message());
    http_.wait(*wait);
    record(UsageCounters{.waits = 1, .waited = *wait});
    return std::nullopt;
  }
  call.budget->release(call.estimate);
  return response;
}

ApiOutcome ApiClient::observe(const Call& call, const net::HttpResponse& response) {
  ApiOutcome outcome = readApiResponse(response, seams_.clock->wallNow());
  call.budget->observe(outcome, call.operation, seams_.clock->now(), seams_.clock->wallNow());
  record(UsageCounters{.requests = 1,
                       .retries = call.retries.attempts() > 1 ? 1 : 0,
                       .complexity = outcome.complexity ? outcome.complexity->query : 0,
                       .limit_answers = outcome.limit != Limit::None ? 1 : 0,
                       .elapsed = response.elapsed});

  if (logger_->enabled(log::Level::Info)) {
    std::string line = "POST " + endpoint_ + " op=" + call.operation + " status=" + std::to_string(response.status) +
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
  if (logger_->enabled(log::Level::Trace) && call.retries.attempts() == 1) {
    // Verbosity=3: the document and its values as sent. They are the user's data; credentials
    // travel in headers, which are never logged.
    logger_->write(log::Level::Trace, "api",
                   "op=" + call.operation + " query=" + std::string(call.document) +
                       " variables=" + (call.variables.IsObject() ? jsonText(call.variables) : "{}"));
  }
  return outcome;
}

bool ApiClient::refreshedCredentials(Call& call, const ApiOutcome& outcome) {
  // A rejected credential: an OAuth token that expired or was replaced mid-session is refreshed
  // and the call sent once more (monday rejects before running anything, so mutations are safe
  // to resend).
  if (!outcome.error || outcome.error->state() != sqlstate::kInvalidAuthorization || call.credentials_refreshed) {
    return false;
  }
  call.credentials_refreshed = true;
  {
    std::lock_guard lock(credentials_mutex_);
    if (!credentials_->refreshAfterRejection()) return false;
  }
  for (auto& [name, value] : call.request.headers) {
    if (name == "Authorization") value = authorizationHeader();
  }
  logger_->write(log::Level::Info, "auth", "op=" + call.operation + " credentials refreshed after a rejection; sending again");
  return true;
}

Error ApiClient::failure(const Call& call, const ApiOutcome& outcome) {
  Error error = outcome.error ? *outcome.error : Error(sqlstate::kGeneralError, "monday API call failed.");
  if (error.state() == sqlstate::kInvalidAuthorization) {
    // A final rejection gets the credential handler's advice.
    std::optional<std::string> advice;
    {
      std::lock_guard lock(credentials_mutex_);
      advice = credentials_->rejectionMessage();
    }
    if (advice) error = Error(error.state(), *advice, error.nativeCode());
  }
  if (call.mutation() && outcome.limit == Limit::None) {
    error = Error(error.state(), error.message() + appliedPart(outcome.document), error.nativeCode());
  }
  logger_->write(log::Level::Error, "api", error.state() + " " + error.message());
  return error;
}

void ApiClient::waitBeforeRetry(Call& call, const ApiOutcome& outcome) {
  const Error& reason = *outcome.error;
  if (call.mutation() && !outcome.rejected_unexecuted) {
    MutationOutcomeUnknown error(reason.state(), reason.message(), reason.nativeCode());
    logger_->write(log::Level::Error, "api", error.state() + " " + error.message());
    throw error;
  }
  // Server errors and locks get an exponential backoff; limits get what monday asked.
  const net::RetryCause cause = outcome.transient_server_error    ? net::RetryCause::ServerError
                                : outcome.limit == Limit::Locked ? net::RetryCause::Locked
                                                                 : net::RetryCause::Limit;
  const int attempt = call.retries.attempts();
  const std::optional<milliseconds> wait = call.retries.retryAfter(cause, outcome.wait);
  if (!wait) {
    std::string text = reason.message();
    if (outcome.limit != Limit::None) {
      text += " monday asked to wait " + secondsText(outcome.wait) + "s; the driver gave up after " +
              std::to_string(attempt) + " attempt(s) and " + secondsText(call.retries.waited()) +
              "s of waiting (MaxRetries=" + std::to_string(retry_limits_.max_retries) +
              ", MaxRetryWait=" + std::to_string(std::chrono::duration_cast<seconds>(retry_limits_.max_wait).count()) +
              "s). Run the statement again later, fetch less at once, or raise MaxRetryWait.";
    }
    logger_->write(log::Level::Error, "api", "giving up after " + std::to_string(attempt) + " attempts: " + text);
    throw Error(reason.state(), text, reason.nativeCode());
  }
  logger_->write(log::Level::Info, "retry",
                 "op=" + call.operation + " attempt=" + std::to_string(attempt) + " waiting " + secondsText(*wait) +
                     "s: " + reason.message());
  http_.wait(*wait);
  record(UsageCounters{.waits = 1, .waited = *wait});
}

}  // namespace monday::client
