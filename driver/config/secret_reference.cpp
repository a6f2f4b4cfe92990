#include "driver/config/secret_reference.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "driver/common/error.h"

namespace monday::config {

namespace {

[[noreturn]] void unresolved(std::string_view property, const std::string& what) {
  throw Error(sqlstate::kInvalidAuthorization,
              "Connection property " + std::string(property) + " refers to " + what +
                  ". Set it, or give the value directly.");
}

}  // namespace

std::string resolveSecretReference(std::string_view property, const std::string& value) {
  if (value.rfind("env:", 0) == 0) {
    const std::string name = value.substr(4);
    const char* found = name.empty() ? nullptr : std::getenv(name.c_str());
    if (!found || !*found) unresolved(property, "environment variable " + name + ", which is not set");
    return found;
  }
  if (value.rfind("file:", 0) == 0) {
    const std::string path = value.substr(5);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      unresolved(property, "file " + path + ", which cannot be read (" + std::strerror(errno) + ")");
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    std::string secret = contents.str();
    if (!secret.empty() && secret.back() == '\n') secret.pop_back();
    if (!secret.empty() && secret.back() == '\r') secret.pop_back();
    if (secret.empty()) unresolved(property, "file " + path + ", which is empty");
    return secret;
  }
  return value;
}

}  // namespace monday::config
