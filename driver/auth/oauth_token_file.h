#pragma once
// Between a connection's OAuth settings and the encrypted settings file: where the file is, with
// which key, and whether what it holds belongs to this app.

#include "driver/auth/oauth_endpoints.h"
#include "driver/auth/settings_file.h"
#include "driver/config/auth_settings.h"

namespace monday::auth {

// OAuthSettingsLocation (or the per-user default) with the key from OAuthSettingsKey /
// MONDAY_ODBC_SETTINGS_KEY / the per-user key file.
SettingsFile openSettingsFile(const config::OAuthSettings& settings);

const char* flowName(config::OAuthFlow flow);

// Saved tokens are used only for the app, OAuth host and flow that issued them.
bool belongsTo(const StoredTokens& stored, const config::OAuthSettings& settings);
bool hasTokens(const StoredTokens& stored);

TokenSet tokensOf(const StoredTokens& stored);
// `base` keeps the file's other fields (the exchanged-code hash); the tokens and app replace.
StoredTokens withTokens(StoredTokens base, const TokenSet& tokens, const config::OAuthSettings& settings);

// base64url(SHA-256(code)): what the file remembers of an exchanged OAuthVerifier.
std::string codeFingerprint(const std::string& code);

}  // namespace monday::auth
