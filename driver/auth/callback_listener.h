#pragma once
// The desktop flow's redirect target: a tiny HTTP server on the CallbackURL's loopback address
// and port. It accepts only GET on the exact CallbackURL path carrying the expected `state`;
// anything else gets an error page and is otherwise ignored. The first good callback ends it,
// and the browser is told the user can close the window.

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace monday::auth {

// What the listener makes of one HTTP request (the bytes read up to the blank line that ends
// its head, or as many as the listener reads), and the page it answers with. Kept apart from the
// socket so that tests and the fuzz target can give it any request.
struct CallbackAnswer {
  enum class Kind {
    Ignored,  // not the callback we wait for: answered with an error page, otherwise ignored
    Code,     // the good callback: `code` holds the authorization code (secret)
    Refused,  // monday's redirect saying access was not granted: `error` says why
  };
  Kind kind = Kind::Ignored;
  std::string code;
  std::string error;
  int status = 400;    // HTTP status of the answer
  std::string reason;  // its reason phrase
  std::string html;    // the page; never echoes anything of the request
};

// `path` is the CallbackURL's path, matched exactly; `expected_state` the state the driver sent.
CallbackAnswer answerCallbackRequest(std::string_view request, std::string_view path,
                                     std::string_view expected_state);

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
  CallbackAnswer serveOne(int listening_fd);

  std::vector<int> sockets_;
  std::string path_;
  std::string expected_state_;  // secret-ish: never logged
  int port_ = 0;
};

}  // namespace monday::auth
