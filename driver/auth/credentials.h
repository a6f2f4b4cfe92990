#pragma once
// Puts credentials on each request. Today: a personal API token. The OAuth and JWT handlers
// implement the same interface, so the API client never knows which scheme is in use.

#include <memory>
#include <string>

namespace monday::config {
struct Settings;
}

namespace monday::auth {

class Credentials {
 public:
  virtual ~Credentials() = default;
  // Value of the Authorization header for the next request.
  virtual std::string authorizationHeader() = 0;
  // Short, secret-free description for logs and messages ("API token").
  virtual std::string describe() const = 0;
};

// monday's personal API tokens are sent bare, as monday's own SDK does (REFERENCE §1.2).
class ApiTokenCredentials final : public Credentials {
 public:
  explicit ApiTokenCredentials(std::string token) : token_(std::move(token)) {}
  std::string authorizationHeader() override { return token_; }
  std::string describe() const override { return "API token"; }

 private:
  std::string token_;
};

std::unique_ptr<Credentials> makeCredentials(const config::Settings& settings);

}  // namespace monday::auth
