// Connection strings that round-trip and mistakes that are visible: the output connection string
// reconnects as it is; unknown and repeated keys and an unwritable LogFile warn (and reach the
// log), StrictProperties makes them errors; other drivers' Verbosity values are accepted; every
// request can go through a proxy.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

bool hasDiagnostic(const std::vector<Diagnostic>& records, const std::string& state, const std::string& text) {
  for (const auto& d : records) {
    if (d.state == state && d.message.find(text) != std::string::npos) return true;
  }
  return false;
}

// A minimal HTTP CONNECT proxy on 127.0.0.1: records the tunnels it opened and, when asked,
// demands Basic credentials.
class ConnectProxy {
 public:
  explicit ConnectProxy(std::string required_authorization = "") : required_(std::move(required_authorization)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(listener_, 16);
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { acceptLoop(); });
  }
  ~ConnectProxy() {
    stop_ = true;
    acceptor_.join();
    for (auto& t : tunnels_) t.join();
    ::close(listener_);
  }
  int port() const { return port_; }
  std::vector<std::string> targets() {
    std::lock_guard lock(mutex_);
    return targets_;
  }
  int refused() const { return refused_; }

 private:
  void acceptLoop() {
    while (!stop_) {
      pollfd p{listener_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int client = ::accept(listener_, nullptr, nullptr);
      if (client >= 0) tunnels_.emplace_back([this, client] { tunnel(client); });
    }
  }
  void tunnel(int client) {
    std::string head;
    char buffer[16384];
    while (head.find("\r\n\r\n") == std::string::npos) {
      pollfd p{client, POLLIN, 0};
      if (::poll(&p, 1, 2000) <= 0) break;
      const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      head.append(buffer, static_cast<std::size_t>(n));
    }
    const auto space = head.find(' ');
    const auto second = head.find(' ', space + 1);
    if (head.rfind("CONNECT ", 0) != 0 || second == std::string::npos) {
      ::close(client);
      return;
    }
    const std::string target = head.substr(space + 1, second - space - 1);
    if (!required_.empty() && head.find("Proxy-Authorization: Basic " + required_) == std::string::npos) {
      const std::string answer = "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"t\"\r\nContent-Length: 0\r\n\r\n";
      ::send(client, answer.data(), answer.size(), MSG_NOSIGNAL);
      ++refused_;
      ::close(client);
      return;
    }
    {
      std::lock_guard lock(mutex_);
      targets_.push_back(target);
    }
    const int upstream = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(std::stoi(target.substr(target.rfind(':') + 1))));
    if (::connect(upstream, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      ::close(client);
      ::close(upstream);
      return;
    }
    const std::string ok = "HTTP/1.1 200 Connection established\r\n\r\n";
    ::send(client, ok.data(), ok.size(), MSG_NOSIGNAL);
    while (!stop_) {
      pollfd fds[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
      if (::poll(fds, 2, 100) < 0) break;
      bool closed = false;
      for (int i = 0; i < 2 && !closed; ++i) {
        if (!(fds[i].revents & (POLLIN | POLLHUP))) continue;
        const ssize_t n = ::recv(fds[i].fd, buffer, sizeof buffer, 0);
        if (n <= 0 || ::send(fds[1 - i].fd, buffer, static_cast<std::size_t>(n), MSG_NOSIGNAL) != n) closed = true;
      }
      if (closed) break;
    }
    ::close(client);
    ::close(upstream);
  }

  std::string required_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> refused_{0};
  std::mutex mutex_;
  std::vector<std::string> targets_;
  std::thread acceptor_;
  std::vector<std::thread> tunnels_;
};

std::string sandboxPort() { return sandboxUrl().substr(sandboxUrl().rfind(':') + 1); }

}  // namespace

TEST(ConnectionStrings, TheOutputStringReconnectsAsItIs) {
  Environment env;
  Connection connection(env);
  std::string out;
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(
      "Driver=monday;APIURL=" + sandboxUrl() + "/v2;SSLServerCert=" + caFile() + ";APIToken=sandbox-admin-token", &out)))
      << describe(connection.lastDiagnostics());
  EXPECT_EQ(out.rfind("DRIVER=monday;", 0), 0u) << out;
  Connection again(env);
  EXPECT_TRUE(SQL_SUCCEEDED(again.driverConnect(out))) << out << ": " << describe(again.lastDiagnostics());
}

TEST(ConnectionStrings, RepeatedKeysWarnAndTheFirstValueWins) {
  Environment env;
  Connection connection(env);
  ASSERT_EQ(connection.driverConnect(sandboxConnectionString("sandbox-admin-token", "Token=sandbox-revoked-token;Timeout=30;TIMEOUT=5")),
            SQL_SUCCESS_WITH_INFO)
      << describe(connection.lastDiagnostics());
  EXPECT_TRUE(hasDiagnostic(connection.lastDiagnostics(), "01S00", "APIToken is given twice")) << describe(connection.lastDiagnostics());
  EXPECT_TRUE(hasDiagnostic(connection.lastDiagnostics(), "01S00", "'TIMEOUT' is given more than once"))
      << describe(connection.lastDiagnostics());
  for (const auto& d : connection.lastDiagnostics()) {
    EXPECT_EQ(d.message.find("sandbox-revoked-token"), std::string::npos) << "values are never echoed: " << d.message;
  }
  // The first token (the valid one) was used.
  EXPECT_EQ(query(connection, "SELECT COUNT(*) FROM Workspaces").size(), 1u);
}

TEST(ConnectionStrings, StrictPropertiesTurnsMistakesIntoErrors) {
  Environment env;
  for (const std::string extra : {"StrictProperties=true;Flavour=vanilla", "StrictProperties=true;Timeout=30;Timeout=5",
                                  "StrictProperties=true;LogFile=/nonexistent-directory/monday.log"}) {
    Connection connection(env);
    ASSERT_EQ(connection.driverConnect(sandboxConnectionString("sandbox-admin-token", extra)), SQL_ERROR) << extra;
    EXPECT_EQ(connection.lastDiagnostics().at(0).state, "08001") << extra;
    EXPECT_NE(connection.lastDiagnostics().at(0).message.find("StrictProperties"), std::string::npos) << extra;
  }
}

TEST(ConnectionStrings, AnUnwritableLogFileIsAWarning) {
  Environment env;
  Connection connection(env);
  ASSERT_EQ(connection.driverConnect(sandboxConnectionString("sandbox-admin-token", "LogFile=/nonexistent-directory/monday.log")),
            SQL_SUCCESS_WITH_INFO);
  EXPECT_TRUE(hasDiagnostic(connection.lastDiagnostics(), "01000", "/nonexistent-directory/monday.log"))
      << describe(connection.lastDiagnostics());
}

TEST(ConnectionStrings, WarningsReachTheLogAndOtherDriversVerbosityIsAccepted) {
  const std::string log_path = runDir() + "/connection-strings-test.log";
  std::remove(log_path.c_str());
  {
    Environment env;
    Connection connection(env);
    ASSERT_EQ(connection.driverConnect(
                  sandboxConnectionString("sandbox-admin-token", "LogFile=" + log_path + ";Verbosity=5;Flavour=vanilla")),
              SQL_SUCCESS_WITH_INFO);
    EXPECT_TRUE(hasDiagnostic(connection.lastDiagnostics(), "01S02", "Verbosity=5"))
        << describe(connection.lastDiagnostics());
    query(connection, "SELECT id FROM Items WHERE board_id = 5000000001 LIMIT 2");
  }
  const std::string log = readFile(log_path);
  EXPECT_NE(log.find("Flavour"), std::string::npos) << "the unknown key reaches the log";
  EXPECT_NE(log.find("Verbosity=5"), std::string::npos);
  // Verbosity 5 means 3: the GraphQL documents and their variables, as documented.
  EXPECT_NE(log.find("query=query"), std::string::npos);
  EXPECT_NE(log.find("variables={"), std::string::npos);
  EXPECT_NE(log.find("5000000001"), std::string::npos) << "values the user typed are data and are shown";
  EXPECT_EQ(log.find("sandbox-admin-token"), std::string::npos) << "secrets never are";
}

TEST(ConnectionStrings, RequestsGoThroughTheProxy) {
  ConnectProxy proxy;
  Environment env;
  Connection connection(env);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(sandboxConnectionString(
      "sandbox-admin-token", "ProxyServer=127.0.0.1;ProxyPort=" + std::to_string(proxy.port())))))
      << describe(connection.lastDiagnostics());
  EXPECT_EQ(query(connection, "SELECT id FROM Workspaces").size(), dataset()["workspaces"].Size());
  const auto targets = proxy.targets();
  ASSERT_FALSE(targets.empty()) << "nothing went through the proxy";
  EXPECT_EQ(targets[0], "127.0.0.1:" + sandboxPort());
}

TEST(ConnectionStrings, ProxyCredentialsAndExceptions) {
  // "user:secret" in Basic.
  ConnectProxy proxy("dXNlcjpzZWNyZXQ=");
  Environment env;
  const std::string via = "ProxyServer=127.0.0.1;ProxyPort=" + std::to_string(proxy.port());
  {
    Connection connection(env);
    ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(
        sandboxConnectionString("sandbox-admin-token", via + ";ProxyUser=user;ProxyPassword=secret"))))
        << describe(connection.lastDiagnostics());
    EXPECT_FALSE(proxy.targets().empty());
  }
  {
    Connection connection(env);
    ASSERT_EQ(connection.driverConnect(
                  sandboxConnectionString("sandbox-admin-token", via + ";ProxyUser=user;ProxyPassword=wrong-secret")),
              SQL_ERROR);
    EXPECT_EQ(connection.lastDiagnostics().at(0).state, "08001");
    EXPECT_NE(connection.lastDiagnostics().at(0).message.find("407"), std::string::npos);
    for (const auto& d : connection.lastDiagnostics()) EXPECT_EQ(d.message.find("wrong-secret"), std::string::npos);
  }
  {
    const std::size_t tunnels = proxy.targets().size();
    Connection connection(env);
    ASSERT_TRUE(SQL_SUCCEEDED(
        connection.driverConnect(sandboxConnectionString("sandbox-admin-token", via + ";ProxyExceptions=127.0.0.1"))))
        << describe(connection.lastDiagnostics());
    EXPECT_EQ(proxy.targets().size(), tunnels) << "an exception bypasses the proxy";
  }
}
