#pragma once
// Puts credentials on each request. Three handlers implement it — a personal API token, OAuth
// (oauth_credentials.h) and the shortLivedToken of a monday app JWT (jwt_credentials.h) — so the
// API client never knows which scheme is in use.

#include <memory>
#include <optional>
#include <string>

#include "driver/net/seams.h"

namespace monday::config {
struct Settings;
}
namespace monday::log {
class Logger;
}

namespace monday::auth {

class Credentials {
 public:
  virtual ~Credentials() = default;
  // Value of the Authorization header for the next request. May refresh an expiring OAuth token
  // first; throws monday::Error 28000 when there is no usable credential.
  virtual std::string authorizationHeader() = 0;
  // Short, secret-free description for logs and messages ("API token").
  virtual std::string describe() const = 0;

  // The API client calls this once when monday rejected the credentials (HTTP 401). True when
  // new credentials are in place and the request should be sent once more (an OAuth token that
  // expired or was replaced mid-session). May throw 28000 when the rejection is known to be
  // final (a revoked OAuth grant), with a message that says to authorize again.
  virtual bool refreshAfterRejection() { return false; }

  // The message for a final rejection, replacing the API client's generic one; nullopt keeps it.
  virtual std::optional<std::string> rejectionMessage() const { return std::nullopt; }
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

// The handler for settings.auth_scheme. For OAuth this may run the authorization (browser,
// OAuthVerifier exchange, refresh of saved tokens), so it can throw 28000, 08001 or HYT00.
// `seams` is the network and clock OAuth's token endpoint is reached through.
std::unique_ptr<Credentials> makeCredentials(const config::Settings& settings,
                                             std::shared_ptr<log::Logger> logger = nullptr,
                                             const net::Seams& seams = {});

}  // namespace monday::auth
