#include "driver/config/dsn.h"

#include <odbcinst.h>

#include <string>
#include <vector>

namespace monday::config {

namespace {

std::string profileString(const std::string& section, const char* key) {
  // The key list of a section can be long; grow until it fits.
  std::vector<char> buffer(4096);
  for (;;) {
    int written = SQLGetPrivateProfileString(section.c_str(), key, "", buffer.data(),
                                             static_cast<int>(buffer.size()), "odbc.ini");
    if (written < 0) return {};
    if (static_cast<std::size_t>(written) + 2 < buffer.size() || buffer.size() >= (1u << 20)) {
      // With key == nullptr the result is a list of NUL-separated names ending in two NULs.
      return std::string(buffer.data(), static_cast<std::size_t>(written));
    }
    buffer.resize(buffer.size() * 4);
  }
}

}  // namespace

AttributeMap readDsn(std::string_view dsn) {
  AttributeMap result;
  if (dsn.empty()) return result;
  const std::string section(dsn);
  const std::string names = profileString(section, nullptr);
  std::size_t start = 0;
  while (start < names.size()) {
    std::size_t end = names.find('\0', start);
    if (end == std::string::npos) end = names.size();
    std::string key = names.substr(start, end - start);
    start = end + 1;
    if (key.empty()) continue;
    result.add(key, profileString(section, key.c_str()));
  }
  return result;
}

}  // namespace monday::config
