#include "driver/auth/desktop_authorization.h"

#include "driver/auth/browser.h"
#include "driver/auth/callback_listener.h"
#include "driver/auth/pkce.h"
#include "driver/log/logger.h"

namespace monday::auth {

TokenSet authorizeInBrowser(OAuthEndpoints& endpoints, log::Logger* logger) {
  const config::OAuthSettings& settings = endpoints.settings();
  const std::string state = makeState();
  const bool pkce_used = settings.flow == config::OAuthFlow::OAuth21;
  const Pkce pkce = pkce_used ? makePkce() : Pkce{};

  // Listen first, so the redirect cannot arrive before anyone is there to receive it.
  CallbackListener listener(settings.callback_url, state);
  const std::string url = endpoints.authorizationUrl(settings.callback_url, settings.scope, state, pkce.challenge);
  if (logger) {
    logger->write(log::Level::Info, "oauth",
                  "authorizing in the browser: " + settings.auth_url + "/oauth2/authorize (" +
                      (pkce_used ? "OAuth 2.1, PKCE S256" : "classic flow") + "), waiting on port " +
                      std::to_string(listener.port()) + " for up to " +
                      std::to_string(settings.authorization_timeout_seconds) + " s");
  }
  BrowserLauncher browser;
  browser.open(url);
  const std::string code = listener.waitForCode(std::chrono::seconds(settings.authorization_timeout_seconds),
                                                [&] { browser.poll(); });
  if (logger) logger->write(log::Level::Info, "oauth", "authorization code received; exchanging it");
  return endpoints.exchangeCode(code, settings.callback_url, pkce.verifier);
}

}  // namespace monday::auth
