#include "driver/config/auth_settings.h"

#include "driver/common/error.h"
#include "driver/config/settings.h"
#include "driver/net/url.h"

namespace monday::config {

bool isLoopbackUrl(std::string_view url) { return net::isLoopbackHttpUrl(url); }

void checkAuthSettings(const Settings& s) {
  const OAuthSettings& o = s.oauth;
  if (s.auth_scheme == AuthScheme::OAuth && o.initiate == InitiateOAuth::GetAndRefresh &&
      !isLoopbackUrl(o.callback_url)) {
    throw Error(sqlstate::kUnableToConnect,
                "InitiateOAuth=GETANDREFRESH needs a CallbackURL on this machine, such as "
                "http://localhost:33333/callback (the driver listens there on loopback only), and the "
                "same URL among your app's Redirect URLs. Got '" + o.callback_url +
                    "'. For a web application's redirect URL use InitiateOAuth=OFF and the OAuth "
                    "procedures.");
  }
}

}  // namespace monday::config
