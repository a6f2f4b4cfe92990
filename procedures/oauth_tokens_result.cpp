#include "procedures/oauth_tokens_result.h"

#include "driver/client/api_client.h"
#include "driver/common/error.h"

namespace monday::procedures {

auth::OAuthCredentials& oauthCredentials(ProcedureContext& context, const char* procedure_name) {
  auto* oauth = dynamic_cast<auth::OAuthCredentials*>(&context.api.credentials());
  if (!oauth) {
    throw Error(sqlstate::kInvalidAuthorization,
                std::string(procedure_name) +
                    " needs a connection with AuthScheme=OAuth (and OAuthClientId, OAuthClientSecret). Use "
                    "InitiateOAuth=OFF to connect without a token first.");
  }
  return *oauth;
}

std::vector<ResultColumnDef> oauthTokenResultColumns() {
  return {
      {"oauth_access_token", DataType::LongVarchar, "The access token; send it as OAuthAccessToken. Keep it secret."},
      {"oauth_refresh_token", DataType::LongVarchar,
       "OAuth 2.1 flow: the refresh token (it changes on every refresh: keep only the newest); NULL in the classic "
       "flow."},
      {"expires_in", DataType::BigInt, "Seconds the access token stays valid; NULL when it does not expire."},
      {"scope", DataType::Varchar, "The scopes monday granted, space-separated."},
  };
}

Rows oauthTokenRows(const auth::TokenSet& tokens) {
  Row row;
  row.emplace_back(tokens.access_token);
  row.emplace_back(tokens.refresh_token.empty() ? Value() : Value(tokens.refresh_token));
  if (tokens.expires_at > 0) {
    row.emplace_back(static_cast<std::int64_t>(std::max<std::int64_t>(0, tokens.expires_at - auth::unixNow())));
  } else {
    row.emplace_back(Value());
  }
  row.emplace_back(tokens.scope);
  return {row};
}

}  // namespace monday::procedures
