#pragma once
// InitiateOAuth=GETANDREFRESH without usable saved tokens: the browser flow on this machine.
// Listen on the CallbackURL (loopback only), open the browser on monday's consent page, wait for
// the redirect with our `state`, exchange the code (with the PKCE verifier in the OAuth 2.1
// flow).

#include "driver/auth/oauth_endpoints.h"

namespace monday::auth {

// Throws monday::Error 28000 (refused, bad code), 08001 (port busy) or HYT00 (no answer within
// OAuthAuthorizationTimeout).
TokenSet authorizeInBrowser(OAuthEndpoints& endpoints, log::Logger* logger);

}  // namespace monday::auth
