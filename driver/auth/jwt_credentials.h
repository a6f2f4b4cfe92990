#pragma once
// AuthScheme=JWT: a monday app received a JWT (integration action, board webhook) and hands it to
// the driver with its Signing Secret. The JWT is verified (HS256, exp, optionally aud) when the
// connection opens, and its shortLivedToken is what the requests carry (REFERENCE §6.3).

#include <memory>

#include "driver/auth/credentials.h"
#include "driver/config/auth_settings.h"

namespace monday::auth {

class JwtCredentials final : public Credentials {
 public:
  // Throws monday::Error 28000 for an invalid or expired JWT.
  JwtCredentials(const config::JwtSettings& settings, std::shared_ptr<log::Logger> logger);
  std::string authorizationHeader() override { return short_lived_token_; }
  std::string describe() const override;
  std::optional<std::string> rejectionMessage() const override;

 private:
  std::string short_lived_token_;  // secret
  std::string user_id_;
};

}  // namespace monday::auth
