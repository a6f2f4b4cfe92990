#include "driver/auth/oauth_token_file.h"

#include "driver/auth/encoding.h"
#include "driver/auth/pkce.h"
#include "driver/auth/settings_key.h"

namespace monday::auth {

SettingsFile openSettingsFile(const config::OAuthSettings& settings) {
  std::string path = settings.settings_location.empty() ? defaultSettingsPath(settings.client_id)
                                                        : settings.settings_location;
  return SettingsFile(std::move(path), resolveSettingsKey(settings.settings_key).bytes);
}

const char* flowName(config::OAuthFlow flow) {
  return flow == config::OAuthFlow::OAuth21 ? "OAuth2.1" : "Classic";
}

bool belongsTo(const StoredTokens& stored, const config::OAuthSettings& settings) {
  return stored.client_id == settings.client_id && stored.auth_url == settings.auth_url &&
         stored.flow == flowName(settings.flow);
}

bool hasTokens(const StoredTokens& stored) { return !stored.access_token.empty(); }

TokenSet tokensOf(const StoredTokens& stored) {
  TokenSet tokens;
  tokens.access_token = stored.access_token;
  tokens.refresh_token = stored.refresh_token;
  tokens.scope = stored.scope;
  tokens.expires_at = stored.expires_at;
  tokens.obtained_at = stored.saved_at;
  return tokens;
}

StoredTokens withTokens(StoredTokens base, const TokenSet& tokens, const config::OAuthSettings& settings) {
  base.client_id = settings.client_id;
  base.auth_url = settings.auth_url;
  base.flow = flowName(settings.flow);
  base.access_token = tokens.access_token;
  base.refresh_token = tokens.refresh_token;
  base.scope = tokens.scope;
  base.expires_at = tokens.expires_at;
  base.saved_at = tokens.obtained_at ? tokens.obtained_at : unixNow();
  base.pending_code_verifier.clear();
  base.pending_redirect_uri.clear();
  return base;
}

std::string codeFingerprint(const std::string& code) { return base64UrlEncode(sha256(code)); }

}  // namespace monday::auth
