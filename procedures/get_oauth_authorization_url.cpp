// GetOAuthAuthorizationURL: the address of monday's consent page for the connection's OAuth app,
// the first step of the web flow. Runs without any API call, on a connection that has no token.
#include "procedures/oauth_tokens_result.h"

namespace monday::procedures {

ProcedureDef makeGetOAuthAuthorizationURLProcedure() {
  ProcedureDef procedure;
  procedure.name = "GetOAuthAuthorizationURL";
  procedure.description =
      "The URL of monday's consent page for the connection's OAuth app (OAuthClientId, AuthURL). Send the user "
      "there; monday redirects to CallbackURL with code and state. Keep state (check it on the redirect) and, in "
      "the OAuth 2.1 flow, code_verifier: GetOAuthAccessToken needs them.";
  procedure.parameters = {
      {"CallbackURL", DataType::Varchar, false, {}, "Redirect URL registered in your app; default: the CallbackURL property."},
      {"Scope", DataType::Varchar, false, {}, "Space-separated scopes; default: the Scope property (empty = all the app's)."},
      {"State", DataType::Varchar, false, {}, "Value monday echoes back on the redirect; default: a new random one."},
  };
  procedure.results = {
      {"url", DataType::LongVarchar, "Open this in the user's browser."},
      {"oauth_state", DataType::Varchar, "The state in the URL: the redirect must carry the same one."},
      {"code_verifier", DataType::Varchar,
       "OAuth 2.1 flow: the PKCE verifier to pass to GetOAuthAccessToken (keep it secret); NULL in the classic flow."},
      {"callback_url", DataType::Varchar, "The redirect URL in the request: GetOAuthAccessToken must use the same."},
  };
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    auth::OAuthCredentials& oauth = oauthCredentials(context, "GetOAuthAuthorizationURL");
    const std::string callback = arguments.text("CallbackURL").value_or(oauth.settings().callback_url);
    auto request = oauth.beginAuthorization(callback, arguments.text("Scope").value_or(""),
                                            arguments.text("State").value_or(""));
    Row row;
    row.emplace_back(request.url);
    row.emplace_back(request.state);
    row.emplace_back(request.code_verifier.empty() ? Value() : Value(request.code_verifier));
    row.emplace_back(callback);
    return Rows{row};
  };
  return procedure;
}

}  // namespace monday::procedures
