#pragma once
// HTTPS over libcurl. One client per connection: it keeps the TLS connection to monday alive
// between requests. Transport failures become monday::Error with the SQLSTATE a user can act on
// (08001 cannot connect / TLS, HYT00 timeout, 08S01 link lost, HY008 cancelled).

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
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

struct TransportOptions {
  std::string ca_file;  // PEM to trust instead of the system store; "" = system store
  ProxyOptions proxy;
};

class HttpClient {
 public:
  HttpClient(TransportOptions transport, std::chrono::seconds timeout);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends one request; any HTTP status is a response, only transport failures throw.
  HttpResponse send(const HttpRequest& request);

  void setTimeout(std::chrono::seconds timeout) { timeout_ = timeout; }
  std::chrono::seconds timeout() const { return timeout_; }

  // Makes the request in flight (and the next ones) fail with HY008 until reset. Any thread.
  void cancel() { cancelled_.store(true); }
  void resetCancel() { cancelled_.store(false); }
  bool cancelled() const { return cancelled_.load(); }

 private:
  struct CurlHandle;
  std::unique_ptr<CurlHandle> curl_;
  TransportOptions tls_;
  std::chrono::seconds timeout_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace monday::net
