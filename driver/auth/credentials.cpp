#include "driver/auth/credentials.h"

#include "driver/config/settings.h"

namespace monday::auth {

std::unique_ptr<Credentials> makeCredentials(const config::Settings& settings) {
  switch (settings.auth_scheme) {
    case config::AuthScheme::Token:
      return std::make_unique<ApiTokenCredentials>(settings.api_token);
  }
  return std::make_unique<ApiTokenCredentials>(settings.api_token);
}

}  // namespace monday::auth
