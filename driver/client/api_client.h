#pragma once
// monday's GraphQL API as the tables see it: send a document with variables, get `data` back.
// Owns the HTTPS connection, credentials, limits and retries, and the usage counters for one
// connection. Every call selects `complexity { ... }` so the per-minute budget is tracked from
// monday's own numbers (REFERENCE §4, §10); the budget is shared with every connection of the
// same token in this process (ApiBudget), and a call that would exhaust it waits for the window
// to reset instead of drawing a 429.

#include <atomic>
#include <chrono>
#include <map>
#include <thread>
#include <vector>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "driver/client/api_budget.h"
#include "driver/client/api_response.h"
#include "driver/client/mutation_outcome.h"
#include "driver/client/response_cache.h"
#include "driver/log/logger.h"
#include "driver/net/http_client.h"
#include "driver/net/retry_policy.h"
#include "driver/net/seams.h"

namespace monday::config {
struct Settings;
}
namespace monday::auth {
class Credentials;
}

namespace monday::client {

// What the API calls of one statement (or a connection) cost.
using ApiUsage = UsageCounters;

class ApiClient {
 public:
  // `seams` is the network and clock of every HTTP client of the connection (OAuth's too); the
  // default is libcurl and the system clocks.
  ApiClient(const config::Settings& settings, std::shared_ptr<log::Logger> logger, net::Seams seams = {});
  ~ApiClient();

  // Runs a read-only GraphQL document. `variables` must be a JSON object (or null). Waits out
  // rate limits and retries transient failures, then throws monday::Error. Returns the whole
  // response; `data` is guaranteed to be an object. A document that is a mutation is sent as
  // mutate() sends it.
  rapidjson::Document query(std::string_view document, const rapidjson::Value& variables);

  // Runs a mutation. Never sends it twice once it may have reached monday: only answers monday
  // documents as "rejected before running" (429 rate limits) are waited out and resent. Any
  // other failure throws monday::Error whose message says whether the change may have been
  // applied (and, for a request of several aliased mutations, how many were).
  rapidjson::Document mutate(std::string_view document, const rapidjson::Value& variables);

  // A request of several aliased mutations (batched INSERT/UPDATE/DELETE): like mutate(), but
  // when monday ran the request and some fields failed, its answer (`data` with the fields that
  // ran, `errors` with a `path` per failed field) is returned instead of thrown, so the caller can
  // tell row by row what was applied. Throws MutationOutcomeUnknown when the request may have been
  // applied without an answer saying so (timeout, lost connection, 5xx, unreadable answer), and
  // monday::Error when monday refused the whole request without running it.
  rapidjson::Document mutateBatch(std::string_view document, const rapidjson::Value& variables);

  // Runs a mutation that carries one file (add_file_to_column, add_file_to_update) as a multipart
  // request to the file endpoint (REFERENCE §1.4): parts `query`, `variables` (JSON) and the
  // file as `variables[<file_variable>]`. Sent once and never retried (api_client_files.cpp).
  rapidjson::Document uploadFile(std::string_view document, const rapidjson::Value& variables,
                                 const std::string& file_variable, const std::string& file_name,
                                 const std::string& file_bytes);
  // APIURL + "/file": https://api.monday.com/v2/file for the default APIURL.
  std::string fileEndpoint() const;

  // GETs a URL that needs no monday credentials (an asset's public_url) with the connection's
  // TLS settings, and returns the body. No Authorization header is sent (the URL is signed), and
  // logs and messages show only its host and path, never the signature in its query string.
  std::string download(const std::string& url);

  // Waits on the connection's clock between requests (a bulk job's polls); SQLCancel ends the
  // wait with HY008.
  void wait(std::chrono::milliseconds duration);

  // Per-request timeout; 0 restores the connection's Timeout property.
  void setTimeout(int seconds);
  // Cancels every request of this connection in flight, on any thread (SQLCancel).
  void cancel();
  void resetCancel();
  bool cancelled() const { return http_.cancelled(); }
  // Cancels the request `thread` has in flight, and its next ones until that request returns
  // (a worker of a scan whose cursor closed early; schema/paging/concurrent_pages.h).
  void cancelThread(std::thread::id thread);

  // query() may run on several threads at once: each call borrows one HTTPS connection. At most
  // this many requests of one scan are in flight (MaxConcurrentRequests).
  int maxConcurrentRequests() const { return max_concurrent_requests_; }
  // Marks the calling thread as a scan worker: its requests use pooled connections only, never
  // the connection's own, so cancelling a worker never touches the application's requests.
  static void useOnlyPooledConnections();
  // The most requests this connection ever had in flight at once.
  int peakInFlight() const { return peak_in_flight_.load(); }

  // This connection's counters.
  ApiUsage usage() const;

  // The response cache (CacheTTL > 0) as sys_cache shows it; nullopt when caching is off.
  struct CacheState {
    ResponseCache::Stats stats;
    std::chrono::seconds ttl;
    std::size_t max_bytes;
  };
  std::optional<CacheState> cacheState();
  // Empties the cache of every connection sharing this token (the ClearCache procedure).
  void clearCache();
  // The token's budget as last reported, with the counters of every connection sharing it.
  BudgetSnapshot budget() const;

  const std::string& endpoint() const { return endpoint_; }
  log::Logger& logger() { return *logger_; }
  // For the connection's other clients (the audit log's REST client).
  const net::Seams& seams() const { return seams_; }
  // The connection's credential handler (the OAuth procedures reach their connection's tokens here).
  auth::Credentials& credentials() { return *credentials_; }

 private:
  enum class Mode { Read, Mutation, MutationBatch };
  // send() in steps; Call (api_client.cpp) is what one call sends and has spent so far.
  struct Call;
  rapidjson::Document send(std::string_view document, const rapidjson::Value& variables, Mode mode);
  void prepare(Call& call);
  std::optional<rapidjson::Document> cachedAnswer(const Call& call);
  void storeInCache(const Call& call, const rapidjson::Document& answer);
  // Waits until the budget's window resets when the call would not fit in what is left.
  void waitForBudget(Call& call);
  // One send; nullopt when the connection dropped on a read and the wait before resending is over.
  std::optional<net::HttpResponse> exchange(Call& call);
  // Reads the answer, tells the budget what monday said, counts and logs it.
  ApiOutcome observe(const Call& call, const net::HttpResponse& response);
  // True when a rejected credential was refreshed and the call should be sent again.
  bool refreshedCredentials(Call& call, const ApiOutcome& outcome);
  Error failure(const Call& call, const ApiOutcome& outcome);
  // Waits out a limit or transient error, or throws when the call may not (or should no longer)
  // be sent again.
  void waitBeforeRetry(Call& call, const ApiOutcome& outcome);
  ApiBudget& budgetFor(const std::string& authorization);
  ResponseCache& cacheFor(const std::string& authorization);
  void record(const UsageCounters& delta);
  // The HTTPS connection a request of this thread uses: the connection's own when free, else one
  // from the pool (created on demand), returned when the lease ends.
  net::HttpClient* borrowHttp();
  void returnHttp(net::HttpClient* client);
  // One borrowed HTTPS connection, counted in flight while it is held.
  class HttpLease {
   public:
    explicit HttpLease(ApiClient& owner) : owner_(owner), client_(owner.borrowHttp()) {}
    ~HttpLease() { owner_.returnHttp(client_); }
    HttpLease(const HttpLease&) = delete;
    HttpLease& operator=(const HttpLease&) = delete;
    net::HttpClient* operator->() { return client_; }

   private:
    ApiClient& owner_;
    net::HttpClient* client_;
  };
  // Credentials are not thread-safe; every use goes through these.
  std::string authorizationHeader();

  std::string endpoint_;
  std::string api_version_;
  std::chrono::seconds default_timeout_;
  net::RetryLimits retry_limits_;  // MaxRetries, MaxRetryWait
  net::Seams seams_;
  std::unique_ptr<auth::Credentials> credentials_;
  std::shared_ptr<log::Logger> logger_;
  net::HttpClient http_;
  net::TransportOptions transport_;
  int max_concurrent_requests_ = 1;
  std::mutex pool_mutex_;
  bool http_busy_ = false;                                   // http_ is lent out
  std::vector<std::unique_ptr<net::HttpClient>> pool_;        // every extra connection made
  std::vector<net::HttpClient*> idle_;                        // those not lent out
  std::map<std::thread::id, net::HttpClient*> lent_;          // who has which, for cancelThread
  std::atomic<int> in_flight_{0};
  std::atomic<int> peak_in_flight_{0};
  std::recursive_mutex credentials_mutex_;
  mutable std::mutex usage_mutex_;
  ApiUsage usage_;
  std::shared_ptr<ApiBudget> budget_;  // set on the first request (keyed by its credential)
  std::chrono::seconds cache_ttl_;
  std::size_t cache_max_bytes_;
  std::shared_ptr<ResponseCache> cache_;  // set on the first request when CacheTTL > 0
};

// The operation name of a document ("query Boards(...)" → "Boards"), for logs.
std::string operationName(std::string_view document);
// Whether the document's operation is a mutation ("mutation ..." after whitespace/comments).
bool isMutationDocument(std::string_view document);

}  // namespace monday::client
