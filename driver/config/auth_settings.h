#pragma once
// The connection properties of AuthScheme=OAuth and AuthScheme=JWT, validated (REFERENCE §6).
// Settings holds one of each; driver/auth turns them into a Credentials handler.

#include <functional>
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

// Reads and checks the OAuth and JWT properties into `s` (whose auth_scheme is already set).
// `value` returns a property's text (or its default). Throws monday::Error 28000 when something
// the chosen scheme needs is missing, 08001 for a value that cannot work.
void completeAuthSettings(Settings& s, const std::function<std::string(std::string_view)>& value);

// True for http URLs whose host is 127.0.0.1, localhost or [::1].
bool isLoopbackUrl(std::string_view url);

}  // namespace monday::config
