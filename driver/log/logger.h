#pragma once
// The driver log (LogFile / Verbosity properties). One per connection; lines are written whole
// under a lock so concurrent connections sharing a file never interleave. Secrets must never be
// passed in: callers log token *kinds* and redacted variables, never values.

#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace monday::log {

enum class Level { Error = 0, Info = 1, Debug = 2, Trace = 3 };

class Logger {
 public:
  Logger() = default;  // disabled
  Logger(const std::string& path, int verbosity);
  ~Logger();
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

  bool enabled(Level level) const { return file_ != nullptr && static_cast<int>(level) <= verbosity_; }
  // Why the file given could not be opened for appending; "" when it was (or none was given).
  const std::string& openFailure() const { return open_failure_; }
  void write(Level level, std::string_view category, std::string_view message);

 private:
  std::FILE* file_ = nullptr;
  std::string open_failure_;
  int verbosity_ = 0;
  std::mutex mutex_;
};

}  // namespace monday::log
