#include "driver/config/auth_settings.h"

#include "driver/common/error.h"
#include "driver/config/secret_reference.h"
#include "driver/config/settings.h"
#include "driver/net/url.h"

namespace monday::config {

namespace {

[[noreturn]] void missing(std::string_view what) {
  throw Error(sqlstate::kInvalidAuthorization, std::string(what));
}

}  // namespace

bool isLoopbackUrl(std::string_view url) { return net::isLoopbackHttpUrl(url); }

void completeAuthSettings(Settings& s, const std::function<std::string(std::string_view)>& value) {
  auto secret = [&](std::string_view name) { return resolveSecretReference(name, value(name)); };

  if (s.auth_scheme == AuthScheme::JWT) {
    s.jwt.token = secret("JWTToken");
    s.jwt.signing_secret = secret("JWTSigningSecret");
    s.jwt.audience = value("JWTAudience");
    if (s.jwt.token.empty()) {
      missing("AuthScheme=JWT needs JWTToken: the JWT monday sent to your app endpoint in its "
              "Authorization header.");
    }
    if (s.jwt.signing_secret.empty()) {
      missing("AuthScheme=JWT needs JWTSigningSecret: your app's Signing Secret (Developer Center > "
              "your app > Basic information), to verify the JWT.");
    }
    return;
  }
  if (s.auth_scheme != AuthScheme::OAuth) return;

  OAuthSettings& o = s.oauth;
  const std::string initiate = value("InitiateOAuth");
  o.initiate = initiate == "GETANDREFRESH" ? InitiateOAuth::GetAndRefresh
               : initiate == "REFRESH"     ? InitiateOAuth::Refresh
                                           : InitiateOAuth::Off;
  o.flow = value("OAuthFlow") == "OAuth2.1" ? OAuthFlow::OAuth21 : OAuthFlow::Classic;
  o.client_id = value("OAuthClientId");
  o.client_secret = secret("OAuthClientSecret");
  o.callback_url = value("CallbackURL");
  o.scope = value("Scope");
  o.auth_url = value("AuthURL");
  while (!o.auth_url.empty() && o.auth_url.back() == '/') o.auth_url.pop_back();
  o.access_token = secret("OAuthAccessToken");
  o.refresh_token = secret("OAuthRefreshToken");
  o.verifier = secret("OAuthVerifier");
  o.code_verifier = secret("OAuthCodeVerifier");
  o.settings_location = value("OAuthSettingsLocation");
  o.settings_key = secret("OAuthSettingsKey");
  o.authorization_timeout_seconds = std::stoi(value("OAuthAuthorizationTimeout"));

  if (o.initiate == InitiateOAuth::Off) return;  // the token (if any) is used as given
  if (o.client_id.empty() || o.client_secret.empty()) {
    missing("InitiateOAuth=" + initiate +
            " needs OAuthClientId and OAuthClientSecret: the Client ID and Client secret of your "
            "monday OAuth app (Developer Center > your app > Basic information).");
  }
  if (o.initiate == InitiateOAuth::GetAndRefresh && !isLoopbackUrl(o.callback_url)) {
    throw Error(sqlstate::kUnableToConnect,
                "InitiateOAuth=GETANDREFRESH needs a CallbackURL on this machine, such as "
                "http://localhost:33333/callback (the driver listens there on loopback only), and the "
                "same URL among your app's Redirect URLs. Got '" + o.callback_url +
                    "'. For a web application's redirect URL use InitiateOAuth=OFF and the OAuth "
                    "procedures.");
  }
}

}  // namespace monday::config
