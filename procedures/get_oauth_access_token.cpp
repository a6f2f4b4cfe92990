// GetOAuthAccessToken: exchanges the code of monday's redirect for tokens. AuthMode WEB returns
// them (the web application keeps them); APP also saves them to the settings file, for later
// connections with InitiateOAuth=REFRESH or GETANDREFRESH.
#include "driver/common/error.h"
#include "procedures/oauth_tokens_result.h"

namespace monday::procedures {

ProcedureDef makeGetOAuthAccessTokenProcedure() {
  ProcedureDef procedure;
  procedure.name = "GetOAuthAccessToken";
  procedure.description =
      "Exchanges the code from monday's redirect for an access token (and, in the OAuth 2.1 flow, a refresh "
      "token). This connection uses the new token at once. AuthMode=APP also saves the tokens to the "
      "OAuthSettingsLocation file.";
  procedure.parameters = {
      {"AuthMode", DataType::Varchar, false, std::string("WEB"),
       "WEB: return the tokens only. APP: also save them to the settings file."},
      {"Verifier", DataType::Varchar, true, {}, "The code parameter of monday's redirect."},
      {"CallbackURL", DataType::Varchar, false, {},
       "The redirect URL used in the authorization URL; default: that of GetOAuthAuthorizationURL on this "
       "connection, else the CallbackURL property."},
      {"State", DataType::Varchar, false, {},
       "The state parameter of the redirect; checked against GetOAuthAuthorizationURL's on this connection."},
      {"CodeVerifier", DataType::Varchar, false, {},
       "OAuth 2.1 flow: the code_verifier GetOAuthAuthorizationURL returned; default: the one made on this "
       "connection."},
  };
  procedure.results = oauthTokenResultColumns();
  procedure.run = [](ProcedureContext& context, const Arguments& arguments) {
    auth::OAuthCredentials& oauth = oauthCredentials(context, "GetOAuthAccessToken");
    std::string mode = arguments.text("AuthMode").value_or("WEB");
    for (auto& c : mode) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (mode != "WEB" && mode != "APP") {
      throw Error(sqlstate::kInvalidCharacterValue, "GetOAuthAccessToken: AuthMode must be WEB or APP.");
    }
    auto tokens = oauth.exchangeCode(arguments.requiredText("Verifier"), arguments.text("CallbackURL").value_or(""),
                                     arguments.text("State").value_or(""),
                                     arguments.text("CodeVerifier").value_or(""), mode == "APP");
    return oauthTokenRows(tokens);
  };
  return procedure;
}

}  // namespace monday::procedures
