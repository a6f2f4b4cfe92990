#pragma once
// Opens the authorization URL in the user's browser: the commands in $BROWSER (colon-separated;
// "%s" stands for the URL, otherwise it is the last argument), else xdg-open. No shell is
// involved, so the URL is never interpreted. When no browser can be started, or the command
// fails, the URL is printed on stderr for the user to open by hand.

#include <string>
#include <sys/types.h>

namespace monday::auth {

class BrowserLauncher {
 public:
  BrowserLauncher() = default;
  ~BrowserLauncher();  // reaps a command that already finished; never waits for a browser
  BrowserLauncher(const BrowserLauncher&) = delete;
  BrowserLauncher& operator=(const BrowserLauncher&) = delete;

  // Starts the first command that can be started. Returns false (after printing the URL) when
  // none could.
  bool open(const std::string& url);

  // Call while waiting: notices a command that exited with an error and prints the URL then.
  void poll();

  // Printing the URL, also used when no browser is tried at all.
  static void printUrl(const std::string& url);

 private:
  pid_t child_ = -1;
  std::string url_;
  bool printed_ = false;
};

}  // namespace monday::auth
