#include "driver/auth/jwt_credentials.h"

#include "driver/auth/jwt.h"
#include "driver/log/logger.h"

namespace monday::auth {

JwtCredentials::JwtCredentials(const config::JwtSettings& settings, std::shared_ptr<log::Logger> logger) {
  IntegrationJwt jwt = verifyIntegrationJwt(settings.token, settings.signing_secret, settings.audience);
  short_lived_token_ = std::move(jwt.short_lived_token);
  user_id_ = jwt.user_id;
  if (logger) {
    logger->write(log::Level::Info, "auth",
                  "JWT verified (HS256) for user " + user_id_ + ", account " + jwt.account_id +
                      "; using its shortLivedToken");
  }
}

std::string JwtCredentials::describe() const { return "JWT shortLivedToken (user " + user_id_ + ")"; }

std::optional<std::string> JwtCredentials::rejectionMessage() const {
  return "monday rejected the JWT's shortLivedToken (HTTP 401). It lasts about five minutes: pass the JWT "
         "of a fresh request from monday in JWTToken.";
}

}  // namespace monday::auth
