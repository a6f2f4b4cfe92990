#pragma once
// The desktop flow's redirect target: a tiny HTTP server on the CallbackURL's loopback address
// and port. It accepts only GET on the exact CallbackURL path carrying the expected `state`;
// anything else gets an error page and is otherwise ignored. The first good callback ends it,
// and the browser is told the user can close the window.

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace monday::auth {

class CallbackListener {
 public:
  // Binds now (before the browser opens), to 127.0.0.1 / [::1] only: "localhost" binds both.
  // Throws monday::Error 08001 when the URL is not an http loopback URL or the port is busy.
  CallbackListener(const std::string& callback_url, std::string expected_state);
  ~CallbackListener();
  CallbackListener(const CallbackListener&) = delete;
  CallbackListener& operator=(const CallbackListener&) = delete;

  // Serves requests until the good callback arrives; returns its `code` (secret). Throws
  // monday::Error 28000 when monday sends back an error (access denied ...), HYT00 after
  // `timeout`. `on_tick` runs about every 200 ms while waiting (may throw to stop waiting).
  std::string waitForCode(std::chrono::seconds timeout, const std::function<void()>& on_tick = {});

  int port() const { return port_; }

 private:
  struct Outcome;
  Outcome serveOne(int listening_fd);

  std::vector<int> sockets_;
  std::string path_;
  std::string expected_state_;  // secret-ish: never logged
  int port_ = 0;
};

}  // namespace monday::auth
