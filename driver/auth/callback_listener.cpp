#include "driver/auth/callback_listener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/crypto.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>

#include "driver/auth/encoding.h"
#include "driver/common/error.h"
#include "driver/net/url.h"

namespace monday::auth {

namespace {

constexpr std::size_t kMaxRequestBytes = 16 * 1024;
constexpr int kClientReadMillis = 5000;

const char* kDonePage =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>monday ODBC: authorized</title></head>"
    "<body style=\"font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem\">"
    "<h1 id=\"result\">Authorization complete</h1>"
    "<p>The monday ODBC driver received the authorization and is finishing the connection.</p>"
    "<p><strong>You can close this window</strong> and return to your application.</p></body></html>";

std::string errorPage(const std::string& title, const std::string& text) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>monday ODBC: " + title +
         "</title></head><body style=\"font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem\">"
         "<h1 id=\"result\">" + title + "</h1><p>" + text + "</p></body></html>";
}

void sendResponse(int fd, int status, const std::string& reason, const std::string& html) {
  const std::string response = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                               "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                               std::to_string(html.size()) +
                               "\r\nCache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n"
                               "Connection: close\r\n\r\n" + html;
  std::size_t sent = 0;
  while (sent < response.size()) {
    const ssize_t n = ::send(fd, response.data() + sent, response.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
}

struct ParsedUrl {
  std::string host;
  int port = 80;
  std::string path;
};

// The CallbackURL as libcurl's parser reads it: http, a loopback host, no userinfo, query or
// fragment (the listener matches the path exactly).
std::optional<ParsedUrl> parseLoopbackUrl(const std::string& url) {
  const auto parsed = net::parseUrl(url);
  if (!parsed || parsed->scheme != "http" || parsed->has_userinfo || parsed->has_query || parsed->has_fragment ||
      !net::isLoopbackHost(parsed->host) || parsed->port < 1 || parsed->port > 65535) {
    return std::nullopt;
  }
  return ParsedUrl{parsed->host, parsed->port, parsed->path.empty() ? "/" : parsed->path};
}

int bindLoopback(int family, int port, int& error_number) {
  const int fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    error_number = errno;
    return -1;
  }
  int yes = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  int rc;
  if (family == AF_INET) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    rc = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  } else {
    ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &yes, sizeof yes);
    sockaddr_in6 address{};
    address.sin6_family = AF_INET6;
    address.sin6_port = htons(static_cast<std::uint16_t>(port));
    address.sin6_addr = in6addr_loopback;
    rc = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  }
  if (rc != 0 || ::listen(fd, 8) != 0) {
    error_number = errno;
    ::close(fd);
    return -1;
  }
  return fd;
}

bool sameSecret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

CallbackListener::CallbackListener(const std::string& callback_url, std::string expected_state)
    : expected_state_(std::move(expected_state)) {
  auto url = parseLoopbackUrl(callback_url);
  if (!url) {
    throw Error(sqlstate::kUnableToConnect,
                "CallbackURL '" + callback_url +
                    "' is not an http URL on this machine (http://localhost:PORT/path, 127.0.0.1 or [::1]), "
                    "so the driver cannot receive the authorization there.");
  }
  path_ = url->path;
  port_ = url->port;
  int error_number = 0;
  if (url->host != "[::1]") {
    if (int fd = bindLoopback(AF_INET, port_, error_number); fd >= 0) sockets_.push_back(fd);
  }
  if (url->host != "127.0.0.1") {
    int v6_error = 0;
    if (int fd = bindLoopback(AF_INET6, port_, v6_error); fd >= 0) {
      sockets_.push_back(fd);
    } else if (url->host == "[::1]") {
      error_number = v6_error;
    }
  }
  if (sockets_.empty()) {
    throw Error(sqlstate::kUnableToConnect,
                "Cannot listen on " + url->host + ":" + std::to_string(port_) + " for the OAuth callback (" +
                    std::strerror(error_number) +
                    "). Close the program using that port, or choose another port in CallbackURL (and register "
                    "the same URL in your monday app).");
  }
}

CallbackListener::~CallbackListener() {
  for (int fd : sockets_) ::close(fd);
}

CallbackAnswer answerCallbackRequest(std::string_view request, std::string_view path,
                                     std::string_view expected_state) {
  CallbackAnswer answer;
  auto respond = [&](int status, std::string reason, std::string html) {
    answer.status = status;
    answer.reason = std::move(reason);
    answer.html = std::move(html);
    return std::move(answer);
  };
  const auto line_end = request.find("\r\n");
  const std::string_view line = request.substr(0, line_end);
  const auto first_space = line.find(' ');
  const auto second_space = line.find(' ', first_space + 1);
  if (first_space == std::string_view::npos || second_space == std::string_view::npos) {
    return respond(400, "Bad Request", errorPage("Bad request", "This address only answers monday's redirect."));
  }
  const std::string_view method = line.substr(0, first_space);
  const std::string_view target = line.substr(first_space + 1, second_space - first_space - 1);
  const auto question = target.find('?');
  if (method != "GET" || target.substr(0, question) != path) {
    return respond(404, "Not Found",
                   errorPage("Not found", "This address only answers monday's redirect for the ODBC driver."));
  }
  const QueryParameters query =
      parseQuery(question == std::string_view::npos ? std::string_view() : target.substr(question + 1));
  const auto state = queryValue(query, "state");
  if (!state || !sameSecret(*state, expected_state)) {
    // Not the answer to our request (a stale tab, or someone else's): never trusted.
    return respond(400, "Bad Request",
                   errorPage("Unexpected authorization response",
                             "This response does not belong to the authorization the driver is waiting for "
                             "(its state does not match). Use the browser tab the driver opened."));
  }
  if (auto error = queryValue(query, "error")) {
    answer.kind = CallbackAnswer::Kind::Refused;
    answer.error = *error;
    if (auto description = queryValue(query, "error_description")) answer.error += ": " + *description;
    return respond(200, "OK",
                   errorPage("Authorization not granted",
                             "monday did not grant access, so the connection will fail. You can close this window."));
  }
  auto code = queryValue(query, "code");
  if (!code || code->empty()) {
    return respond(400, "Bad Request", errorPage("Missing code", "The redirect carries no authorization code."));
  }
  answer.kind = CallbackAnswer::Kind::Code;
  answer.code = std::move(*code);
  return respond(200, "OK", kDonePage);
}

CallbackAnswer CallbackListener::serveOne(int listening_fd) {
  const int fd = ::accept4(listening_fd, nullptr, nullptr, SOCK_CLOEXEC);
  if (fd < 0) return {};
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};

  std::string request;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kClientReadMillis);
  while (request.find("\r\n\r\n") == std::string::npos && request.size() < kMaxRequestBytes) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return {};
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return {};
    char buffer[2048];
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return {};
    request.append(buffer, static_cast<std::size_t>(n));
  }
  CallbackAnswer answer = answerCallbackRequest(request, path_, expected_state_);
  sendResponse(fd, answer.status, answer.reason, answer.html);
  return answer;
}

std::string CallbackListener::waitForCode(std::chrono::seconds timeout, const std::function<void()>& on_tick) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::vector<pollfd> polled;
  for (int fd : sockets_) polled.push_back({fd, POLLIN, 0});
  while (std::chrono::steady_clock::now() < deadline) {
    if (on_tick) on_tick();
    for (auto& p : polled) p.revents = 0;
    const int ready = ::poll(polled.data(), polled.size(), 200);
    if (ready < 0 && errno != EINTR) break;
    for (const auto& p : polled) {
      if (!(p.revents & POLLIN)) continue;
      CallbackAnswer outcome = serveOne(p.fd);
      if (outcome.kind == CallbackAnswer::Kind::Code) return std::move(outcome.code);
      if (outcome.kind == CallbackAnswer::Kind::Refused) {
        // The text is monday's error code and description (no secrets: the code is absent).
        std::string shown = outcome.error.size() > 200 ? outcome.error.substr(0, 200) + "..." : outcome.error;
        throw Error(sqlstate::kInvalidAuthorization,
                    "Authorization in the browser was not granted (" + shown +
                        "). Connect again and choose Approve (Allow) on monday's consent page.");
      }
    }
  }
  throw Error(sqlstate::kTimeout,
              "No authorization arrived within " + std::to_string(timeout.count()) +
                  " seconds. Approve the app in the browser window the driver opened (or open the URL it "
                  "printed), or raise OAuthAuthorizationTimeout.");
}

}  // namespace monday::auth
