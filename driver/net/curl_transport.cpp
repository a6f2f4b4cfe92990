#include "driver/net/curl_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "driver/common/error.h"
#include "driver/net/url.h"

namespace monday::net {

namespace {

// curl_global_init is not thread-safe; do it once, lazily, never from a static constructor.
void ensureCurlInitialized() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t appendBody(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::size_t collectHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto* headers = static_cast<std::vector<std::pair<std::string, std::string>>*>(user);
  std::string_view line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) headers->clear();  // a new response (after redirects/100)
  auto colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
      value.remove_suffix(1);
    }
    headers->emplace_back(std::move(name), std::string(value));
  }
  return size * count;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* cancelled = static_cast<const std::atomic<bool>*>(user);
  return cancelled && cancelled->load() ? 1 : 0;  // non-zero aborts the transfer
}

FailureKind kindOf(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return FailureKind::Timeout;
    case CURLE_ABORTED_BY_CALLBACK: return FailureKind::Cancelled;
    case CURLE_COULDNT_RESOLVE_PROXY: return FailureKind::ProxyNotResolved;
    case CURLE_COULDNT_RESOLVE_HOST: return FailureKind::HostNotResolved;
    case CURLE_COULDNT_CONNECT: return FailureKind::CannotConnect;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH: return FailureKind::Certificate;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE: return FailureKind::LinkLost;
    default: return FailureKind::Other;
  }
}

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(TransportOptions options) : options_(std::move(options)) {
    ensureCurlInitialized();
    handle_ = curl_easy_init();
    if (!handle_) throw Error(sqlstate::kMemoryAllocation, "Cannot initialise the HTTP client (libcurl).");
  }
  ~CurlTransport() override { curl_easy_cleanup(handle_); }
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  std::variant<HttpResponse, TransportFailure> exchange(const HttpRequest& request,
                                                        const ExchangeLimits& limits) override;

 private:
  TransportOptions options_;
  CURL* handle_ = nullptr;
};

std::variant<HttpResponse, TransportFailure> CurlTransport::exchange(const HttpRequest& request,
                                                                     const ExchangeLimits& limits) {
  CURL* curl = handle_;
  curl_easy_reset(curl);  // keeps the connection cache, clears per-request options

  HttpResponse response;
  char error_buffer[CURL_ERROR_SIZE] = {0};
  curl_slist* header_list = nullptr;
  for (const auto& [name, value] : request.headers) {
    header_list = curl_slist_append(header_list, (name + ": " + value).c_str());
  }
  // Empty "Expect:" stops curl from waiting for 100-continue on larger bodies.
  header_list = curl_slist_append(header_list, "Expect:");
  struct ListGuard {
    curl_slist* list;
    ~ListGuard() { curl_slist_free_all(list); }
  } guard{header_list};

  const auto target = parseUrl(request.url);
  const bool https = target && target->scheme == "https";
  const long timeout_ms = static_cast<long>(limits.timeout.count() * 1000);
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // we live in other people's processes
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::min<long long>(limits.timeout.count(), 30) * 1000));
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, https ? "https" : "http");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect never carries our headers on
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
  if (const ProxyOptions& proxy = options_.proxy; !proxy.server.empty()) {
    curl_easy_setopt(curl, CURLOPT_PROXY, proxy.server.c_str());
    if (proxy.port > 0) curl_easy_setopt(curl, CURLOPT_PROXYPORT, static_cast<long>(proxy.port));
    if (!proxy.user.empty()) {
      curl_easy_setopt(curl, CURLOPT_PROXYUSERNAME, proxy.user.c_str());
      curl_easy_setopt(curl, CURLOPT_PROXYPASSWORD, proxy.password.c_str());
    }
    // An https request goes through the proxy as a CONNECT tunnel: TLS stays end to end.
    curl_easy_setopt(curl, CURLOPT_HTTPPROXYTUNNEL, 1L);
  }
  if (!options_.proxy.exceptions.empty()) curl_easy_setopt(curl, CURLOPT_NOPROXY, options_.proxy.exceptions.c_str());
  if (request.send_once) curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate when the server offers
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "monday-odbc/" MONDAY_ODBC_VERSION);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, appendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collectHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, limits.cancelled);
  if (request.method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  } else if (request.method != "GET") {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }

  const CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) {
    long proxy_status = 0;
    curl_easy_getinfo(curl, CURLINFO_HTTP_CONNECTCODE, &proxy_status);
    if (proxy_status >= 300) return TransportFailure{FailureKind::ProxyRefused, error_buffer, proxy_status};
    return TransportFailure{kindOf(code), *error_buffer ? std::string(error_buffer) : curl_easy_strerror(code)};
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

}  // namespace

std::unique_ptr<Transport> makeCurlTransport(const TransportOptions& options) {
  return std::make_unique<CurlTransport>(options);
}

}  // namespace monday::net
