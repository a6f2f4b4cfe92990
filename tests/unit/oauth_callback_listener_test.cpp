// The desktop flow's callback listener: loopback only, exact path, exact state, one good
// callback, a page that says the window can be closed.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <future>

#include "driver/auth/callback_listener.h"
#include "driver/common/error.h"

namespace monday::auth {
namespace {

int freePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

// Sends one raw HTTP request to 127.0.0.1:port and returns the whole response.
std::string get(int port, const std::string& request_line) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return "connect failed";
  }
  const std::string request = request_line + "\r\nHost: 127.0.0.1\r\n\r\n";
  send(fd, request.data(), request.size(), 0);
  std::string response;
  char buffer[4096];
  ssize_t n;
  while ((n = recv(fd, buffer, sizeof buffer, 0)) > 0) response.append(buffer, static_cast<std::size_t>(n));
  close(fd);
  return response;
}

TEST(OAuthCallbackListener, IgnoresWrongPathsAndStatesThenTakesTheGoodCallback) {
  const int port = freePort();
  CallbackListener listener("http://127.0.0.1:" + std::to_string(port) + "/callback", "expected-state");
  auto code = std::async(std::launch::async, [&] { return listener.waitForCode(std::chrono::seconds(20)); });

  const std::string wrong_path = get(port, "GET /favicon.ico HTTP/1.1");
  EXPECT_NE(wrong_path.find("404"), std::string::npos) << wrong_path;
  const std::string prefix = get(port, "GET /callback/x?code=c1&state=expected-state HTTP/1.1");
  EXPECT_NE(prefix.find("404"), std::string::npos) << prefix;
  const std::string wrong_state = get(port, "GET /callback?code=stolen&state=other HTTP/1.1");
  EXPECT_NE(wrong_state.find("400"), std::string::npos);
  EXPECT_NE(wrong_state.find("state does not match"), std::string::npos);
  const std::string no_state = get(port, "GET /callback?code=stolen HTTP/1.1");
  EXPECT_NE(no_state.find("400"), std::string::npos);
  const std::string post = get(port, "POST /callback?code=c&state=expected-state HTTP/1.1");
  EXPECT_NE(post.find("404"), std::string::npos);

  const std::string good = get(port, "GET /callback?code=the%2Fcode&state=expected-state&region=use1 HTTP/1.1");
  EXPECT_NE(good.find("HTTP/1.1 200"), std::string::npos);
  EXPECT_NE(good.find("You can close this window"), std::string::npos);
  EXPECT_NE(good.find("Cache-Control: no-store"), std::string::npos);
  EXPECT_EQ(good.find("the/code"), std::string::npos) << "the page must not echo the code";
  EXPECT_EQ(code.get(), "the/code");
}

TEST(OAuthCallbackListener, StopsAfterTheGoodCallback) {
  const int port = freePort();
  {
    CallbackListener listener("http://127.0.0.1:" + std::to_string(port) + "/cb", "s");
    auto code = std::async(std::launch::async, [&] { return listener.waitForCode(std::chrono::seconds(20)); });
    EXPECT_NE(get(port, "GET /cb?code=1&state=s HTTP/1.1").find("200"), std::string::npos);
    EXPECT_EQ(code.get(), "1");
  }
  EXPECT_EQ(get(port, "GET /cb?code=2&state=s HTTP/1.1"), "connect failed");
}

TEST(OAuthCallbackListener, DeniedAuthorizationIs28000) {
  const int port = freePort();
  CallbackListener listener("http://localhost:" + std::to_string(port) + "/callback", "s");
  auto code = std::async(std::launch::async, [&] { return listener.waitForCode(std::chrono::seconds(20)); });
  const std::string page = get(port, "GET /callback?error=access_denied&error_description=The+user+denied&state=s HTTP/1.1");
  EXPECT_NE(page.find("close this window"), std::string::npos);
  try {
    code.get();
    ADD_FAILURE() << "a denied authorization returned a code";
  } catch (const Error& e) {
    EXPECT_EQ(e.state(), "28000");
    EXPECT_NE(e.message().find("access_denied"), std::string::npos);
  }
}

TEST(OAuthCallbackListener, TimesOutWithAClearMessage) {
  CallbackListener listener("http://127.0.0.1:" + std::to_string(freePort()) + "/callback", "s");
  try {
    listener.waitForCode(std::chrono::seconds(1));
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.state(), "HYT00");
    EXPECT_NE(e.message().find("OAuthAuthorizationTimeout"), std::string::npos);
  }
}

TEST(OAuthCallbackListener, OnlyLoopbackHttpUrls) {
  for (const std::string url : {"https://127.0.0.1:5000/cb", "http://example.com:5000/cb", "http://0.0.0.0:5000/cb",
                                "http://192.168.1.2:5000/cb", "http://127.0.0.1:5000/cb?x=1", "http://127.0.0.1:99999/cb"}) {
    try {
      CallbackListener listener(url, "s");
      ADD_FAILURE() << "accepted " << url;
    } catch (const Error& e) {
      EXPECT_EQ(e.state(), "08001") << url;
    }
  }
}

TEST(OAuthCallbackListener, BusyPortIsAClearError) {
  const int port = freePort();
  CallbackListener first("http://127.0.0.1:" + std::to_string(port) + "/cb", "s");
  try {
    CallbackListener second("http://127.0.0.1:" + std::to_string(port) + "/cb", "s");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_NE(e.message().find("CallbackURL"), std::string::npos);
  }
}

// The request parsing alone, without a socket (the fuzz target calls the same function).
TEST(OAuthCallbackAnswer, TakesOnlyAGetOnTheExactPathWithTheExpectedState) {
  const auto good = answerCallbackRequest(
      "GET /callback?code=the%2Fcode&state=expected-state&region=use1 HTTP/1.1\r\nHost: x\r\n\r\n", "/callback",
      "expected-state");
  EXPECT_EQ(good.kind, CallbackAnswer::Kind::Code);
  EXPECT_EQ(good.code, "the/code");
  EXPECT_EQ(good.status, 200);
  EXPECT_EQ(good.html.find("the/code"), std::string::npos) << "the page must not echo the code";

  EXPECT_EQ(answerCallbackRequest("GET /callback/x?code=c&state=s HTTP/1.1\r\n\r\n", "/callback", "s").status, 404);
  EXPECT_EQ(answerCallbackRequest("POST /callback?code=c&state=s HTTP/1.1\r\n\r\n", "/callback", "s").status, 404);
  const auto wrong_state = answerCallbackRequest("GET /callback?code=c&state=t HTTP/1.1\r\n\r\n", "/callback", "s");
  EXPECT_EQ(wrong_state.kind, CallbackAnswer::Kind::Ignored);
  EXPECT_EQ(wrong_state.status, 400);
  EXPECT_NE(wrong_state.html.find("state does not match"), std::string::npos);
  const auto no_code = answerCallbackRequest("GET /callback?code=&state=s HTTP/1.1\r\n\r\n", "/callback", "s");
  EXPECT_EQ(no_code.kind, CallbackAnswer::Kind::Ignored);
  EXPECT_EQ(no_code.status, 400);
}

TEST(OAuthCallbackAnswer, MalformedRequestLinesAreBadRequests) {
  for (std::string_view request : {"", "GET", "GET /callback", "\r\n\r\n", "GET /callback?code=c&state=s\r\n x y"}) {
    const auto answer = answerCallbackRequest(request, "/callback", "s");
    EXPECT_EQ(answer.kind, CallbackAnswer::Kind::Ignored) << request;
    EXPECT_EQ(answer.status, 400) << request;
  }
}

TEST(OAuthCallbackAnswer, ARefusalCarriesMondaysErrorAndDescription) {
  const auto refused = answerCallbackRequest(
      "GET /cb?error=access_denied&error_description=The+user+denied&state=s HTTP/1.1\r\n\r\n", "/cb", "s");
  EXPECT_EQ(refused.kind, CallbackAnswer::Kind::Refused);
  EXPECT_EQ(refused.error, "access_denied: The user denied");
  EXPECT_EQ(refused.status, 200);
  EXPECT_TRUE(refused.code.empty());
}

}  // namespace
}  // namespace monday::auth
