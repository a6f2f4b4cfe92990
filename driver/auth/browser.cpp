#include "driver/auth/browser.h"

#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

extern char** environ;

namespace monday::auth {

namespace {

std::vector<std::string> splitWords(const std::string& command) {
  std::vector<std::string> words;
  std::string word;
  for (char c : command) {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(std::move(word)), word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

pid_t spawnCommand(const std::string& command, const std::string& url) {
  std::vector<std::string> words = splitWords(command);
  if (words.empty()) return -1;
  bool substituted = false;
  for (auto& word : words) {
    if (auto at = word.find("%s"); at != std::string::npos) {
      word.replace(at, 2, url);
      substituted = true;
    }
  }
  if (!substituted) words.push_back(url);
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return -1;
  return pid;
}

}  // namespace

void BrowserLauncher::printUrl(const std::string& url) {
  std::fprintf(stderr,
               "\nmonday ODBC driver: open this address in a browser to authorize the connection:\n\n  %s\n\n",
               url.c_str());
  std::fflush(stderr);
}

bool BrowserLauncher::open(const std::string& url) {
  url_ = url;
  std::vector<std::string> commands;
  if (const char* browser = std::getenv("BROWSER"); browser && *browser) {
    std::string list = browser;
    std::size_t start = 0;
    while (start <= list.size()) {
      const auto colon = list.find(':', start);
      commands.push_back(list.substr(start, colon - start));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  commands.push_back("xdg-open");
  for (const auto& command : commands) {
    child_ = spawnCommand(command, url);
    if (child_ > 0) return true;
  }
  printUrl(url);
  printed_ = true;
  return false;
}

void BrowserLauncher::poll() {
  if (child_ <= 0) return;
  int status = 0;
  if (::waitpid(child_, &status, WNOHANG) == child_) {
    child_ = -1;
    const bool failed = !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    if (failed && !printed_) {
      printUrl(url_);
      printed_ = true;
    }
  }
}

BrowserLauncher::~BrowserLauncher() {
  if (child_ > 0) {
    int status = 0;
    ::waitpid(child_, &status, WNOHANG);
  }
}

}  // namespace monday::auth
