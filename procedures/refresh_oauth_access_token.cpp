// RefreshOAuthAccessToken: new tokens for a refresh token (monday's OAuth 2.1 flow; the refresh
// token rotates, so the caller must keep the new one).
#include "procedures/oauth_tokens_result.h"

namespace monday::procedures {

ProcedureDef makeRefreshOAuthAccessTokenProcedure() {
  ProcedureDef procedure;
  procedure.name = "RefreshOAuthAccessToken";
  procedure.description =
      "OAuth 2.1 flow: exchanges a refresh token for a new access token and a new refresh token (the old one "
      "stops working: keep the new one). This connection uses the new access token at once.";
  procedure.parameters = {
      {"OAuthRefreshToken", DataType::Varchar, false, {},
       "The refresh token; default: this connection's own (from OAuthRefreshToken or the settings file, which "
       "then gets the new tokens)."},
  };
  procedure.results = oauthTokenResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    auth::OAuthCredentials& oauth = oauthCredentials(context, "RefreshOAuthAccessToken");
    return oauthTokenRows(oauth.refreshWith(arguments.text("OAuthRefreshToken").value_or("")));
  };
  return procedure;
}

}  // namespace monday::procedures
