#include "driver/net/http_client.h"

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
  return static_cast<std::atomic<bool>*>(user)->load() ? 1 : 0;  // non-zero aborts the transfer
}

// host[:port] of the request, for messages: never the userinfo, path or query of the URL.
std::string hostOf(const std::string& url) {
  const auto parsed = parseUrl(url);
  if (!parsed) return "(invalid URL)";
  const bool default_port = (parsed->scheme == "https" && parsed->port == 443) ||
                            (parsed->scheme == "http" && parsed->port == 80);
  return parsed->host + (default_port ? std::string() : ":" + std::to_string(parsed->port));
}

[[noreturn]] void throwTransportError(CURLcode code, const char* detail, const std::string& url,
                                      const TransportOptions& tls, std::chrono::seconds timeout) {
  const std::string host = hostOf(url);
  std::string why = detail && *detail ? std::string(detail) : std::string(curl_easy_strerror(code));
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      throw Error(sqlstate::kTimeout, "monday did not answer within " + std::to_string(timeout.count()) +
                                          " seconds (" + host +
                                          "). Retry, narrow the query, or raise the Timeout property.");
    case CURLE_ABORTED_BY_CALLBACK:
      throw Error(sqlstate::kOperationCanceled, "The operation was cancelled.");
    case CURLE_COULDNT_RESOLVE_PROXY:
      throw Error(sqlstate::kUnableToConnect, "Cannot resolve the proxy host (" + why +
                                                   "). Check the proxy server name, or the https_proxy "
                                                   "environment variable.");
    case CURLE_COULDNT_RESOLVE_HOST:
      throw Error(sqlstate::kUnableToConnect, "Cannot resolve the host name " + host + " (" + why +
                                                   "). Check the APIURL property and the network/DNS.");
    case CURLE_COULDNT_CONNECT:
      throw Error(sqlstate::kUnableToConnect, "Cannot connect to " + host + " (" + why +
                                                   "). Check the APIURL property, proxy and firewall.");
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH: {
      std::string hint = tls.ca_file.empty()
                             ? "The server's certificate is not trusted by the system certificate "
                               "store; if it is a private CA, set SSLServerCert to its PEM file."
                             : "The server's certificate is not trusted by the PEM file in "
                               "SSLServerCert (" + tls.ca_file + "), or that file cannot be read.";
      throw Error(sqlstate::kUnableToConnect,
                  "TLS handshake with " + host + " failed: certificate problem: " + why + ". " + hint);
    }
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
      throw Error(sqlstate::kCommunicationLinkFailure,
                  "The connection to " + host + " was lost (" + why + "). Retry the statement.");
    default:
      throw Error(sqlstate::kUnableToConnect, "HTTP request to " + host + " failed: " + why + ".");
  }
}

}  // namespace

std::string_view HttpResponse::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

struct HttpClient::CurlHandle {
  CURL* handle = nullptr;
  ~CurlHandle() {
    if (handle) curl_easy_cleanup(handle);
  }
};

HttpClient::HttpClient(TransportOptions tls, std::chrono::seconds timeout)
    : curl_(std::make_unique<CurlHandle>()), tls_(std::move(tls)), timeout_(timeout) {
  ensureCurlInitialized();
  curl_->handle = curl_easy_init();
  if (!curl_->handle) throw Error(sqlstate::kMemoryAllocation, "Cannot initialise the HTTP client (libcurl).");
}

HttpClient::~HttpClient() = default;

HttpResponse HttpClient::send(const HttpRequest& request) {
  // The last line of defence for credentials: whatever checked the URL before, nothing leaves
  // this client in cleartext or with user:password@ in it, except to this machine.
  const auto target = parseUrl(request.url);
  if (!target || target->has_userinfo ||
      !(target->scheme == "https" || (target->scheme == "http" && isLoopbackHost(target->host)))) {
    throw Error(sqlstate::kUnableToConnect,
                "Refusing to send a request to " + displayOrigin(request.url) +
                    ": only https:// URLs without user:password@ are allowed (plain http only to "
                    "127.0.0.1, localhost or [::1]).");
  }
  CURL* curl = curl_->handle;
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

  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // we live in other people's processes
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_.count() * 1000));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::min<long long>(timeout_.count(), 30) * 1000));
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, target->scheme == "https" ? "https" : "http");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect never carries our headers on
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!tls_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, tls_.ca_file.c_str());
  if (const ProxyOptions& proxy = tls_.proxy; !proxy.server.empty()) {
    curl_easy_setopt(curl, CURLOPT_PROXY, proxy.server.c_str());
    if (proxy.port > 0) curl_easy_setopt(curl, CURLOPT_PROXYPORT, static_cast<long>(proxy.port));
    if (!proxy.user.empty()) {
      curl_easy_setopt(curl, CURLOPT_PROXYUSERNAME, proxy.user.c_str());
      curl_easy_setopt(curl, CURLOPT_PROXYPASSWORD, proxy.password.c_str());
    }
    // An https request goes through the proxy as a CONNECT tunnel: TLS stays end to end.
    curl_easy_setopt(curl, CURLOPT_HTTPPROXYTUNNEL, 1L);
  }
  if (!tls_.proxy.exceptions.empty()) curl_easy_setopt(curl, CURLOPT_NOPROXY, tls_.proxy.exceptions.c_str());
  if (request.send_once) curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate when the server offers
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "monday-odbc/" MONDAY_ODBC_VERSION);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, appendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collectHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &cancelled_);
  if (request.method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  } else if (request.method != "GET") {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }

  const auto started = std::chrono::steady_clock::now();
  CURLcode code = curl_easy_perform(curl);
  response.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  if (code != CURLE_OK) {
    long proxy_status = 0;
    curl_easy_getinfo(curl, CURLINFO_HTTP_CONNECTCODE, &proxy_status);
    if (proxy_status == 407) {
      throw Error(sqlstate::kUnableToConnect,
                  "The proxy refused the connection: it wants credentials (HTTP 407). Check the proxy user "
                  "name and password.");
    }
    if (proxy_status >= 300) {
      throw Error(sqlstate::kUnableToConnect,
                  "The proxy refused to open a tunnel to " + hostOf(request.url) + " (HTTP " +
                      std::to_string(proxy_status) + "). Check the proxy settings and its exceptions.");
    }
    throwTransportError(code, error_buffer, request.url, tls_, timeout_);
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

}  // namespace monday::net
