#pragma once
// AuthScheme=OAuth. Where the access token comes from depends on InitiateOAuth:
//   OFF            OAuthAccessToken as given (with OAuthRefreshToken, refreshed in memory); no
//                  token at all is allowed, so the OAuth procedures can get one.
//   GETANDREFRESH  the encrypted settings file; refreshed when it expires; when there is no
//                  usable token, the browser flow on this machine (desktop_authorization.h).
//   REFRESH        the settings file, or the exchange of OAuthVerifier (a code from a browser
//                  elsewhere); never a browser. Without either, the error carries the URL to
//                  open elsewhere.
// Tokens are sent as "Bearer <token>". Refreshes (OAuth 2.1) happen under the settings file's
// lock, re-reading it first, so connections in several processes share one rotating refresh
// token without ever using a stale one.

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "driver/auth/credentials.h"
#include "driver/auth/oauth_endpoints.h"
#include "driver/auth/settings_file.h"
#include "driver/config/auth_settings.h"

namespace monday::auth {

class OAuthCredentials final : public Credentials {
 public:
  // Gets tokens as InitiateOAuth says (may open the browser and wait). Throws monday::Error
  // 28000, 08001 or HYT00.
  OAuthCredentials(const config::Settings& settings, std::shared_ptr<log::Logger> logger,
                   const net::Seams& seams = {});
  ~OAuthCredentials() override;

  std::string authorizationHeader() override;
  std::string describe() const override;
  bool refreshAfterRejection() override;
  std::optional<std::string> rejectionMessage() const override;

  // --- for the OAuth procedures ------------------------------------------------------------
  struct AuthorizationRequest {
    std::string url;
    std::string state;
    std::string code_verifier;  // secret; "" in the classic flow
  };
  // A new authorization URL for `callback_url` ("" = CallbackURL) and `scope` ("" = Scope).
  // This connection remembers state and verifier for exchangeCode.
  AuthorizationRequest beginAuthorization(const std::string& callback_url, const std::string& scope,
                                          const std::string& state);
  // Exchanges an authorization code. `state`, when given and this connection began an
  // authorization, must be its state. `code_verifier` "" = the one this connection generated.
  // This connection then uses the new tokens; `save` also writes them to the settings file.
  TokenSet exchangeCode(const std::string& code, const std::string& callback_url, const std::string& state,
                        const std::string& code_verifier, bool save);
  // OAuth 2.1: new tokens for `refresh_token` ("" = this connection's). When it is the refresh
  // token of this connection's settings file, the file gets the new ones.
  TokenSet refreshWith(const std::string& refresh_token);

  const config::OAuthSettings& settings() const { return settings_; }

 private:
  void obtainFromSettingsFile();
  bool exchangeVerifier();
  [[noreturn]] void requestHeadlessAuthorization();
  // Re-reads the settings file under its lock and refreshes unless another process already did.
  // mutex_ must be held; `already_locked` when the caller holds the file's lock. False when
  // there is nothing to refresh with.
  bool refreshTokens(bool already_locked = false);
  void requireClient(const char* procedure) const;
  void note(const std::string& message) const;

  config::OAuthSettings settings_;
  std::shared_ptr<log::Logger> logger_;
  OAuthEndpoints endpoints_;
  std::optional<SettingsFile> file_;

  mutable std::mutex mutex_;
  TokenSet tokens_;     // secret
  std::string source_;  // where tokens_ came from, for describe()
  std::string pending_state_;
  std::string pending_verifier_;  // secret
  std::string pending_callback_;
};

}  // namespace monday::auth
