#include "driver/auth/settings_key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "driver/auth/encoding.h"
#include "driver/common/error.h"

namespace monday::auth {

namespace {

constexpr std::size_t kKeyBytes = 32;

[[noreturn]] void fileProblem(const std::string& what, const std::string& path, int error_number) {
  throw Error(sqlstate::kUnableToConnect,
              "Cannot " + what + " " + path + " (" + std::strerror(error_number) +
                  "). Check the directory's permissions, or set OAuthSettingsKey / " +
                  kSettingsKeyEnvironmentVariable + " to a key made with `openssl rand -hex 32`.");
}

std::string toHex(const std::string& bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::string readKeyFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) fileProblem("read the OAuth settings key file", path, errno);
  struct stat info {};
  std::string text;
  if (::fstat(fd, &info) == 0 && (info.st_mode & 077) != 0) {
    ::close(fd);
    throw Error(sqlstate::kUnableToConnect,
                "The OAuth settings key file " + path +
                    " can be read by other users. Run `chmod 600 " + path + "` and connect again.");
  }
  char buffer[256];
  ssize_t n;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  return text;
}

// Creates the key file atomically: the key is written to a private temporary file which is then
// hard-linked into place, so a second process never sees a half-written key; the loser of a
// race reads the winner's.
std::string createOrReadKeyFile(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0) return parseHexKey(readKeyFile(path), path);
  const auto slash = path.rfind('/');
  if (slash != std::string::npos && slash > 0) makeDirectories(path.substr(0, slash));
  const std::string temp = path + ".new-" + std::to_string(::getpid()) + "-" + toHex(randomBytes(4));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) fileProblem("create the OAuth settings key file", path, errno);
  const std::string text = toHex(randomBytes(kKeyBytes)) + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  const int write_error = errno;
  ::close(fd);
  if (!written) {
    ::unlink(temp.c_str());
    fileProblem("write the OAuth settings key file", path, write_error);
  }
  const int linked = ::link(temp.c_str(), path.c_str());
  const int link_error = errno;
  ::unlink(temp.c_str());
  if (linked != 0 && link_error != EEXIST) fileProblem("create the OAuth settings key file", path, link_error);
  return parseHexKey(readKeyFile(path), path);
}

}  // namespace

void makeDirectories(const std::string& directory) {
  std::string partial;
  std::size_t start = 0;
  while (start <= directory.size()) {
    const auto slash = directory.find('/', start);
    partial = directory.substr(0, slash);
    if (!partial.empty() && ::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST) {
      fileProblem("create the directory", partial, errno);
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
}

std::string defaultConfigDirectory() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg == '/') {
    return std::string(xdg) + "/monday-odbc";
  }
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.config/monday-odbc";
  throw Error(sqlstate::kUnableToConnect,
              "Neither XDG_CONFIG_HOME nor HOME is set, so the driver has no per-user place for OAuth "
              "settings. Set OAuthSettingsLocation and OAuthSettingsKey.");
}

std::string defaultSettingsPath(const std::string& client_id) {
  std::string name;
  for (char c : client_id) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                       c == '_' || c == '-';
    name += plain ? c : '_';
  }
  if (name.empty() || name.front() == '.') name.insert(0, "app");
  return defaultConfigDirectory() + "/oauth-" + name + ".settings";
}

std::string parseHexKey(const std::string& text, const std::string& source) {
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string bytes;
  bool valid = text.size() == kKeyBytes * 2;
  for (std::size_t i = 0; valid && i < text.size(); i += 2) {
    const int high = hex(text[i]);
    const int low = hex(text[i + 1]);
    valid = high >= 0 && low >= 0;
    bytes += static_cast<char>(high * 16 + low);
  }
  if (!valid) {
    throw Error(sqlstate::kInvalidAuthorization,
                "The OAuth settings key from " + source +
                    " is not 64 hex digits (32 random bytes). Make one with `openssl rand -hex 32`.");
  }
  return bytes;
}

SettingsKey resolveSettingsKey(const std::string& configured_key) {
  if (!configured_key.empty()) return {parseHexKey(configured_key, "OAuthSettingsKey"), "OAuthSettingsKey"};
  if (const char* from_environment = std::getenv(kSettingsKeyEnvironmentVariable);
      from_environment && *from_environment) {
    return {parseHexKey(from_environment, kSettingsKeyEnvironmentVariable), kSettingsKeyEnvironmentVariable};
  }
  const std::string path = defaultConfigDirectory() + "/settings.key";
  return {createOrReadKeyFile(path), path};
}

}  // namespace monday::auth
