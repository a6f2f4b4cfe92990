#pragma once
// The connection properties of AuthScheme=OAuth and AuthScheme=JWT, validated (REFERENCE §6).
// Settings holds one of each; driver/auth turns them into a Credentials handler.

#include <string>
#include <string_view>

namespace monday::config {

struct Settings;

enum class InitiateOAuth { Off, GetAndRefresh, Refresh };
// monday's two OAuth flows (REFERENCE §6.2): Classic = /oauth2/token, a token that lasts until
// the app is uninstalled; OAuth21 = /oauth_ms/oauth/token, PKCE, expiring access tokens and
// rotating refresh tokens.
enum class OAuthFlow { Classic, OAuth21 };

struct OAuthSettings {
  InitiateOAuth initiate = InitiateOAuth::Off;
  OAuthFlow flow = OAuthFlow::Classic;
  std::string client_id;
  std::string client_secret;  // secret
  std::string callback_url;
  std::string scope;
  std::string auth_url;       // https://auth.monday.com, no trailing slash
  std::string access_token;   // secret (InitiateOAuth=OFF)
  std::string refresh_token;  // secret (InitiateOAuth=OFF, OAuth21)
  std::string verifier;       // secret: the authorization code for the headless exchange
  std::string code_verifier;  // secret: PKCE verifier that goes with `verifier`
  std::string settings_location;  // "" = the per-user default, resolved by driver/auth
  std::string settings_key;   // secret; "" = MONDAY_ODBC_SETTINGS_KEY or the per-user key file
  int authorization_timeout_seconds = 300;
};

struct JwtSettings {
  std::string token;           // secret
  std::string signing_secret;  // secret
  std::string audience;        // "" = not checked
};

// Checks what the registry cannot say of one property alone: a GETANDREFRESH callback must be a
// loopback URL the driver can listen on. Throws monday::Error 08001. (Which OAuth and JWT
// properties are required is the registry's business: driver/config/properties.cpp.)
void checkAuthSettings(const Settings& s);

// True for http URLs whose host is 127.0.0.1, localhost or [::1].
bool isLoopbackUrl(std::string_view url);

}  // namespace monday::config
