#pragma once
// monday's OAuth server (REFERENCE §6.2): the authorization URL, the code exchange, refresh and
// revocation, for both flows. Classic: POST <AuthURL>/oauth2/token, a token without expiry or
// refresh token. OAuth 2.1: POST <AuthURL>/oauth_ms/oauth/token, PKCE, an expiring JWT access
// token (expiry from expires_in, else its exp claim) and a refresh token that rotates on every
// use. Every value travels form-encoded in the request body, never in a URL or a log line.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "driver/common/error.h"
#include "driver/config/auth_settings.h"
#include "driver/net/http_client.h"
#include "driver/net/retry_policy.h"
#include "driver/net/seams.h"

namespace monday::log {
class Logger;
}

namespace monday::auth {

struct TokenSet {
  std::string access_token;   // secret
  std::string refresh_token;  // secret; "" in the classic flow
  std::string scope;
  std::int64_t expires_at = 0;  // seconds since the epoch; 0 = does not expire
  std::int64_t obtained_at = 0;  // when monday issued them (seconds since the epoch)

  // Time to refresh: within a quarter of the token's lifetime (at most 60 s) of its expiry.
  bool expiresSoon(std::int64_t now) const;
};

// monday refused a refresh token for good (invalid_grant: revoked, app uninstalled, or already
// used): the saved authorization is gone and the user must authorize again.
class GrantRevoked : public Error {
 public:
  using Error::Error;
};

class OAuthEndpoints {
 public:
  // `retry_limits` (MaxRetries, MaxRetryWait) bound the resending of refresh and revoke
  // requests; the code exchange is never resent.
  OAuthEndpoints(const config::OAuthSettings& settings, net::TransportOptions tls, std::chrono::seconds timeout,
                 net::RetryLimits retry_limits, std::shared_ptr<log::Logger> logger, const net::Seams& seams = {});
  ~OAuthEndpoints();

  // <AuthURL>/oauth2/authorize?client_id&redirect_uri&response_type=code&state[&scope]
  // [&code_challenge&code_challenge_method=S256]. Both flows use the same authorize URL.
  std::string authorizationUrl(std::string_view redirect_uri, std::string_view scope, std::string_view state,
                               std::string_view code_challenge) const;

  // Throws monday::Error 28000 when monday refuses (the message says what to do), 08001 when
  // the OAuth server cannot be reached or answers nonsense. Sent once: a code is single-use.
  TokenSet exchangeCode(const std::string& code, const std::string& redirect_uri, const std::string& code_verifier);
  // OAuth 2.1 only. A 28000 whose message says to authorize again when the grant is gone.
  // Resent after a dropped connection, a 5xx or a 429, as MaxRetries and MaxRetryWait allow.
  TokenSet refresh(const std::string& refresh_token);
  // OAuth 2.1 only; `hint` is "access_token" or "refresh_token".
  void revoke(const std::string& token, std::string_view hint);

  const config::OAuthSettings& settings() const { return settings_; }

 private:
  enum class Purpose { Exchange, Refresh, Revoke };
  net::HttpResponse post(std::string_view path, const std::string& body, Purpose purpose);
  net::HttpResponse sendOnce(const net::HttpRequest& request, Purpose purpose);
  TokenSet readTokens(const net::HttpResponse& response, Purpose purpose, std::string_view previous_refresh_token,
                      std::initializer_list<std::string_view> sent_secrets);

  config::OAuthSettings settings_;
  net::RetryLimits retry_limits_;
  net::Jitter jitter_;
  std::shared_ptr<log::Logger> logger_;
  net::HttpClient http_;
};

// Seconds since the epoch, now.
std::int64_t unixNow();

}  // namespace monday::auth
