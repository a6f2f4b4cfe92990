// Credentials never leave in cleartext. A URL property whose userinfo names a loopback host
// ("http://localhost:x@<other host>/") once passed the plain-http-only-to-loopback rule while
// libcurl sent the request, token included, to the other host. A trap listens on 127.0.0.2 (a
// loopback address the rule does not allow for plain http) and must never see a byte.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

class TrapListener {
 public:
  TrapListener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(0x7f000002);  // 127.0.0.2
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd_, 4) != 0) {
      ADD_FAILURE() << "cannot listen on 127.0.0.2";
      return;
    }
    socklen_t length = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] {
      while (!stop_) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        const int client = ::accept(fd_, nullptr, nullptr);
        if (client < 0) continue;
        char buffer[4096];
        pollfd c{client, POLLIN, 0};
        while (::poll(&c, 1, 500) > 0) {
          const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
          if (n <= 0) break;
          received_ += static_cast<int>(n);
        }
        ::close(client);
        ++connections_;
      }
    });
  }
  ~TrapListener() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    if (fd_ >= 0) ::close(fd_);
  }
  std::string authority() const { return "127.0.0.2:" + std::to_string(port_); }
  int connections() const { return connections_; }
  int bytesReceived() const { return received_; }

 private:
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> connections_{0};
  std::atomic<int> received_{0};
  std::thread thread_;
};

void expectRefusedWithoutSending(const std::string& connection_string, const TrapListener& trap,
                                 const std::string& property) {
  Environment env;
  Connection connection(env);
  ASSERT_EQ(connection.driverConnect(connection_string), SQL_ERROR) << describe(connection.lastDiagnostics());
  const auto& first = connection.lastDiagnostics().at(0);
  EXPECT_EQ(first.state, "08001") << describe(connection.lastDiagnostics());
  EXPECT_NE(first.message.find(property), std::string::npos) << first.message;
  for (const auto& d : connection.lastDiagnostics()) {
    EXPECT_EQ(d.message.find("cleartext-secret"), std::string::npos) << d.message;
  }
  EXPECT_EQ(trap.connections(), 0);
  EXPECT_EQ(trap.bytesReceived(), 0);
}

}  // namespace

TEST(Cleartext, ApiUrlWithLoopbackUserinfoIsRefusedAndNothingIsSent) {
  TrapListener trap;
  expectRefusedWithoutSending("Driver=monday;APIURL=http://localhost:x@" + trap.authority() +
                                  "/v2;APIToken=cleartext-secret;Timeout=3",
                              trap, "APIURL");
}

TEST(Cleartext, AuthUrlWithLoopbackUserinfoIsRefusedAndNoSecretIsSent) {
  TrapListener trap;
  expectRefusedWithoutSending("Driver=monday;AuthScheme=OAuth;InitiateOAuth=REFRESH;OAuthClientId=client;"
                              "OAuthClientSecret=cleartext-secret;OAuthVerifier=cleartext-secret-code;"
                              "AuthURL=http://127.0.0.1:1@" + trap.authority() + "/;Timeout=3",
                              trap, "AuthURL");
}

TEST(Cleartext, AuditDomainWithLoopbackUserinfoIsRefusedAndNoTokenIsSent) {
  TrapListener trap;
  expectRefusedWithoutSending("Driver=monday;Schema=AuditLog;APIToken=cleartext-secret;Domain=http://localhost:x@" +
                                  trap.authority() + ";Timeout=3",
                              trap, "Domain");
}

TEST(Cleartext, PlainHttpToALoopbackAddressOutsideTheRuleIsRefused) {
  TrapListener trap;
  expectRefusedWithoutSending("Driver=monday;APIURL=http://" + trap.authority() + "/v2;APIToken=cleartext-secret;Timeout=3",
                              trap, "APIURL");
}
