#include "driver/auth/credentials.h"

#include "driver/auth/jwt_credentials.h"
#include "driver/auth/oauth_credentials.h"
#include "driver/config/settings.h"

namespace monday::auth {

std::unique_ptr<Credentials> makeCredentials(const config::Settings& settings, std::shared_ptr<log::Logger> logger,
                                             const net::Seams& seams) {
  switch (settings.auth_scheme) {
    case config::AuthScheme::Token:
      return std::make_unique<ApiTokenCredentials>(settings.api_token);
    case config::AuthScheme::OAuth:
      return std::make_unique<OAuthCredentials>(settings, std::move(logger), seams);
    case config::AuthScheme::JWT:
      return std::make_unique<JwtCredentials>(settings.jwt, std::move(logger));
  }
  return std::make_unique<ApiTokenCredentials>(settings.api_token);
}

}  // namespace monday::auth
