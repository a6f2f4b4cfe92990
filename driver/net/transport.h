#pragma once
// One HTTP exchange and nothing else: no URL policy, no retries, no messages. HttpClient
// (http_client.h) puts those around it. The real transport is libcurl (curl_transport.h); unit
// tests script one (tests/unit/fake_network.h), so everything above it runs without a server.

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace monday::net {

struct HttpRequest {
  std::string method = "POST";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // The request must never reach the server twice (a mutation). libcurl silently resends a POST
  // whose reused keep-alive connection dies before the first byte of the answer, which could
  // apply a change twice; such requests get a fresh connection, where it never does that.
  bool send_once = false;
};

struct HttpResponse {
  long status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::chrono::milliseconds elapsed{0};

  // First header with this (lower-case) name, or "".
  std::string_view header(std::string_view lower_name) const;
};

// A proxy for every request of a connection. With no server set, libcurl's usual environment
// variables apply (https_proxy, HTTPS_PROXY, all_proxy, no_proxy).
struct ProxyOptions {
  std::string server;      // host or URL; "" = none (environment)
  int port = 0;            // 0 = the server's or the scheme's default
  std::string user;
  std::string password;    // secret: never logged or shown
  std::string exceptions;  // hosts that bypass the proxy, comma separated ("" = none; "*" = all)
};

// The settings a message asks the user to check, by the name the user knows them by. net/ knows
// no connection properties: whoever builds the client names them, and an empty name leaves that
// piece of advice out.
struct PropertyNames {
  std::string url;      // where this client's requests go ("APIURL", "Domain", "AuthURL")
  std::string timeout;  // the per-request timeout ("Timeout")
  std::string ca_file;  // the PEM file to trust ("SSLServerCert")
};

struct TransportOptions {
  std::string ca_file;  // PEM to trust instead of the system store; "" = system store
  ProxyOptions proxy;
  PropertyNames property_names;
};

// Why an exchange ended without an HTTP answer.
enum class FailureKind {
  Timeout,
  Cancelled,
  ProxyNotResolved,
  HostNotResolved,
  CannotConnect,
  Certificate,  // the server's certificate is not trusted, or the trust file cannot be read
  LinkLost,     // the connection broke while sending or receiving
  ProxyRefused, // the proxy would not open a tunnel (proxy_status says why; 407 = credentials)
  Other,
};

struct TransportFailure {
  FailureKind kind = FailureKind::Other;
  std::string detail;     // the transport's own words ("Connection refused"), for messages
  long proxy_status = 0;  // ProxyRefused: the proxy's HTTP status
};

// What one exchange may take, and how another thread stops it.
struct ExchangeLimits {
  std::chrono::seconds timeout{60};
  const std::atomic<bool>* cancelled = nullptr;  // once true, the exchange ends as Cancelled
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Sends one request and reads the whole answer; any HTTP status is an answer. Never throws for
  // a network failure: it says which one it was.
  virtual std::variant<HttpResponse, TransportFailure> exchange(const HttpRequest& request,
                                                                const ExchangeLimits& limits) = 0;
};

// Each HTTP client owns one transport (one connection to keep alive), made by this.
using TransportFactory = std::function<std::unique_ptr<Transport>(const TransportOptions& options)>;

}  // namespace monday::net
