#include "driver/log/logger.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <unistd.h>

namespace monday::log {

Logger::Logger(const std::string& path, int verbosity) : verbosity_(verbosity) {
  if (path.empty()) return;
  file_ = std::fopen(path.c_str(), "a");
  if (!file_) open_failure_ = std::strerror(errno);
}

Logger::~Logger() {
  if (file_) std::fclose(file_);
}

void Logger::write(Level level, std::string_view category, std::string_view message) {
  if (!enabled(level)) return;
  using namespace std::chrono;
  const auto now = system_clock::now();
  const std::time_t seconds = system_clock::to_time_t(now);
  const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &utc);
  static constexpr const char* kLevelNames[] = {"ERROR", "INFO", "DEBUG", "TRACE"};
  std::lock_guard lock(mutex_);
  std::fprintf(file_, "%s.%03dZ pid=%d %-5s [%.*s] %.*s\n", stamp, static_cast<int>(millis),
               static_cast<int>(getpid()), kLevelNames[static_cast<int>(level)],
               static_cast<int>(category.size()), category.data(), static_cast<int>(message.size()),
               message.data());
  std::fflush(file_);
}

}  // namespace monday::log
