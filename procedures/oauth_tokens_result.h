#pragma once
// What the OAuth procedures share: the connection's OAuth handler, and the one-row answer of
// GetOAuthAccessToken and RefreshOAuthAccessToken. These procedures work on a connection with
// AuthScheme=OAuth that has no token yet (InitiateOAuth=OFF), as a web application's flow needs.

#include <vector>

#include "driver/auth/oauth_credentials.h"
#include "procedures/procedure.h"

namespace monday::procedures {

// Throws 28000 when the connection does not use AuthScheme=OAuth.
auth::OAuthCredentials& oauthCredentials(ProcedureContext& context, const char* procedure_name);

// oauth_access_token, oauth_refresh_token, expires_in, scope.
std::vector<ResultColumnDef> oauthTokenResultColumns();
Rows oauthTokenRows(const auth::TokenSet& tokens);

}  // namespace monday::procedures
