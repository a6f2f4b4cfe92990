#include "driver/auth/oauth_credentials.h"

#include "driver/auth/desktop_authorization.h"
#include "driver/auth/jwt.h"
#include "driver/auth/oauth_token_file.h"
#include "driver/auth/pkce.h"
#include "driver/config/settings.h"
#include "driver/log/logger.h"

namespace monday::auth {

namespace {

using config::InitiateOAuth;
using config::OAuthFlow;

bool isOAuth21(const config::OAuthSettings& s) { return s.flow == OAuthFlow::OAuth21; }

}  // namespace

OAuthCredentials::OAuthCredentials(const config::Settings& settings, std::shared_ptr<log::Logger> logger,
                                   const net::Seams& seams)
    : settings_(settings.oauth),
      logger_(std::move(logger)),
      endpoints_(settings.oauth, settings.transport(), std::chrono::seconds(settings.timeout_seconds),
                 settings.retryLimits(), logger_, seams) {
  if (settings_.initiate == InitiateOAuth::Off) {
    tokens_.access_token = settings_.access_token;
    tokens_.refresh_token = settings_.refresh_token;
    if (auto exp = unverifiedExpiry(tokens_.access_token)) tokens_.expires_at = *exp;
    source_ = tokens_.access_token.empty() ? "none yet" : "OAuthAccessToken";
    note(tokens_.access_token.empty() ? "InitiateOAuth=OFF without OAuthAccessToken: no API calls until the "
                                        "OAuth procedures provide a token"
                                      : "InitiateOAuth=OFF: using OAuthAccessToken as given");
    return;
  }
  obtainFromSettingsFile();
}

OAuthCredentials::~OAuthCredentials() = default;

void OAuthCredentials::note(const std::string& message) const {
  if (logger_) logger_->write(log::Level::Info, "oauth", message);
}

void OAuthCredentials::obtainFromSettingsFile() {
  file_.emplace(openSettingsFile(settings_));
  if (!settings_.verifier.empty() && exchangeVerifier()) return;
  {
    auto lock = file_->lock();
    auto stored = file_->load();
    if (stored && hasTokens(*stored) && !belongsTo(*stored, settings_)) {
      note("the settings file " + file_->path() +
           " holds tokens of another app, OAuth host or flow; they are not used");
    } else if (stored && hasTokens(*stored)) {
      tokens_ = tokensOf(*stored);
      source_ = "settings file " + file_->path();
      if (!tokens_.expiresSoon(unixNow())) {
        note("using the saved tokens in " + file_->path());
        return;
      }
      try {
        note("the saved access token in " + file_->path() + " expires soon; refreshing it");
        if (refreshTokens(/*already_locked=*/true)) return;
      } catch (const GrantRevoked&) {
        if (settings_.initiate == InitiateOAuth::Refresh) throw;
        note("monday no longer accepts the saved refresh token; authorizing again in the browser");
      }
      tokens_ = {};
    }
  }
  if (settings_.initiate == InitiateOAuth::Refresh) requestHeadlessAuthorization();

  TokenSet fresh = authorizeInBrowser(endpoints_, logger_.get());
  auto lock = file_->lock();
  file_->save(withTokens(StoredTokens{}, fresh, settings_));
  note("saved the new tokens to " + file_->path());
  tokens_ = std::move(fresh);
  source_ = "browser authorization, saved to " + file_->path();
}

// OAuthVerifier: the code from a browser elsewhere. A code already exchanged (its fingerprint
// is in the file) is not sent again: the saved tokens are used instead.
bool OAuthCredentials::exchangeVerifier() {
  auto lock = file_->lock();
  auto stored = file_->load();
  const bool ours = stored && belongsTo(*stored, settings_);
  const std::string fingerprint = codeFingerprint(settings_.verifier);
  if (ours && hasTokens(*stored) && stored->exchanged_code_hash == fingerprint) {
    note("OAuthVerifier was already exchanged; using the saved tokens");
    return false;
  }
  std::string code_verifier = settings_.code_verifier;
  if (code_verifier.empty() && ours) code_verifier = stored->pending_code_verifier;
  const std::string redirect_uri =
      ours && !stored->pending_redirect_uri.empty() ? stored->pending_redirect_uri : settings_.callback_url;
  note("exchanging OAuthVerifier at " + settings_.auth_url);
  TokenSet fresh = endpoints_.exchangeCode(settings_.verifier, redirect_uri, code_verifier);
  StoredTokens saved = withTokens(ours ? *stored : StoredTokens{}, fresh, settings_);
  saved.exchanged_code_hash = fingerprint;
  file_->save(saved);
  note("saved the new tokens to " + file_->path());
  tokens_ = std::move(fresh);
  source_ = "OAuthVerifier exchange, saved to " + file_->path();
  return true;
}

void OAuthCredentials::requestHeadlessAuthorization() {
  std::string challenge;
  {
    auto lock = file_->lock();
    auto stored = file_->load();
    StoredTokens pending = withTokens(stored && belongsTo(*stored, settings_) ? *stored : StoredTokens{}, TokenSet{}, settings_);
    if (stored && belongsTo(*stored, settings_) && stored->pending_redirect_uri == settings_.callback_url) {
      // Keep the verifier of a URL printed earlier, so that URL stays good.
      pending.pending_code_verifier = stored->pending_code_verifier;
    }
    if (isOAuth21(settings_) && pending.pending_code_verifier.empty()) pending.pending_code_verifier = makePkce().verifier;
    pending.pending_redirect_uri = settings_.callback_url;
    file_->save(pending);
    if (isOAuth21(settings_)) challenge = pkceChallenge(pending.pending_code_verifier);
  }
  const std::string url = endpoints_.authorizationUrl(settings_.callback_url, settings_.scope, makeState(), challenge);
  throw Error(sqlstate::kInvalidAuthorization,
              "No usable OAuth tokens in " + file_->path() +
                  ", and InitiateOAuth=REFRESH never opens a browser. To authorize: open " + url +
                  " in a browser on any machine and approve; the browser is then sent to " + settings_.callback_url +
                  "?code=... (the page may fail to load there, that is fine). Connect again with OAuthVerifier set "
                  "to that code. Or copy a settings file made with InitiateOAuth=GETANDREFRESH on a machine with a "
                  "browser to " + file_->path() + ", with the same OAuthSettingsKey.");
}

bool OAuthCredentials::refreshTokens(bool already_locked) {
  std::optional<SettingsFile::Lock> lock;
  std::optional<StoredTokens> stored;
  if (file_) {
    if (!already_locked) lock.emplace(file_->lock());
    stored = file_->load();
    if (stored && (!belongsTo(*stored, settings_) || !hasTokens(*stored))) stored.reset();
    if (stored && stored->access_token != tokens_.access_token) {
      TokenSet theirs = tokensOf(*stored);
      if (!theirs.expiresSoon(unixNow())) {
        note("another connection already refreshed the tokens in " + file_->path() + "; using them");
        tokens_ = std::move(theirs);
        return true;
      }
      tokens_.refresh_token = theirs.refresh_token;  // rotated: only the newest one is valid
    }
  }
  if (tokens_.refresh_token.empty()) return false;
  TokenSet fresh;
  try {
    fresh = endpoints_.refresh(tokens_.refresh_token);
  } catch (const GrantRevoked&) {
    tokens_ = {};
    if (file_) {
      StoredTokens cleared = withTokens(stored.value_or(StoredTokens{}), TokenSet{}, settings_);
      cleared.exchanged_code_hash.clear();
      file_->save(cleared);
      note("monday refused the refresh token (invalid_grant); removed the tokens from " + file_->path());
    }
    throw;
  }
  if (file_) file_->save(withTokens(stored.value_or(StoredTokens{}), fresh, settings_));
  note("refreshed the access token; it expires in " + std::to_string(fresh.expires_at - unixNow()) + " s");
  tokens_ = std::move(fresh);
  return true;
}

std::string OAuthCredentials::authorizationHeader() {
  std::lock_guard guard(mutex_);
  if (tokens_.access_token.empty()) {
    throw Error(sqlstate::kInvalidAuthorization,
                settings_.initiate == InitiateOAuth::Off
                    ? "This connection has no OAuth access token yet (AuthScheme=OAuth, InitiateOAuth=OFF). Get one "
                      "with the procedures GetOAuthAuthorizationURL and GetOAuthAccessToken, then connect with "
                      "OAuthAccessToken; or use InitiateOAuth=GETANDREFRESH."
                    : "This connection's OAuth authorization is gone. Authorize again: connect with "
                      "InitiateOAuth=GETANDREFRESH, or pass a new OAuthVerifier.");
  }
  if (isOAuth21(settings_) && tokens_.expiresSoon(unixNow())) refreshTokens();
  return "Bearer " + tokens_.access_token;
}

bool OAuthCredentials::refreshAfterRejection() {
  std::lock_guard guard(mutex_);
  if (tokens_.access_token.empty()) return false;
  note("monday rejected the access token (HTTP 401); refreshing it and sending the request once more");
  if (!file_ && tokens_.refresh_token.empty()) return false;
  return refreshTokens();
}

std::optional<std::string> OAuthCredentials::rejectionMessage() const {
  std::lock_guard guard(mutex_);
  if (!file_) {
    return std::string("monday rejected the OAuth access token (HTTP 401): it expired, was revoked, or the app "
                       "was uninstalled. Authorize again and connect with the new OAuthAccessToken (see the "
                       "procedures GetOAuthAccessToken and RefreshOAuthAccessToken).");
  }
  return "monday rejected the saved OAuth access token (HTTP 401): the authorization was revoked or the app "
         "uninstalled. Authorize again: delete " + file_->path() +
         " and connect with InitiateOAuth=GETANDREFRESH (opens the browser), or with InitiateOAuth=REFRESH and a "
         "new OAuthVerifier.";
}

std::string OAuthCredentials::describe() const {
  std::lock_guard guard(mutex_);
  return std::string("OAuth access token (") + flowName(settings_.flow) + " flow, " + source_ + ")";
}

void OAuthCredentials::requireClient(const char* procedure) const {
  if (settings_.client_id.empty() || settings_.client_secret.empty()) {
    throw Error(sqlstate::kInvalidAuthorization,
                std::string(procedure) +
                    " needs OAuthClientId and OAuthClientSecret (your monday app's Client ID and Client secret) "
                    "in the connection string or DSN.");
  }
}

OAuthCredentials::AuthorizationRequest OAuthCredentials::beginAuthorization(const std::string& callback_url,
                                                                           const std::string& scope,
                                                                           const std::string& state) {
  requireClient("GetOAuthAuthorizationURL");
  std::lock_guard guard(mutex_);
  AuthorizationRequest request;
  request.state = state.empty() ? makeState() : state;
  Pkce pkce;
  if (isOAuth21(settings_)) {
    pkce = makePkce();
    request.code_verifier = pkce.verifier;
  }
  pending_callback_ = callback_url.empty() ? settings_.callback_url : callback_url;
  request.url = endpoints_.authorizationUrl(pending_callback_, scope.empty() ? settings_.scope : scope, request.state,
                                            pkce.challenge);
  pending_state_ = request.state;
  pending_verifier_ = request.code_verifier;
  return request;
}

TokenSet OAuthCredentials::exchangeCode(const std::string& code, const std::string& callback_url,
                                        const std::string& state, const std::string& code_verifier, bool save) {
  requireClient("GetOAuthAccessToken");
  std::lock_guard guard(mutex_);
  if (!state.empty() && !pending_state_.empty() && state != pending_state_) {
    throw Error(sqlstate::kInvalidAuthorization,
                "The State passed to GetOAuthAccessToken is not the one GetOAuthAuthorizationURL made on this "
                "connection: the redirect belongs to another authorization (or was forged). Start again with "
                "GetOAuthAuthorizationURL.");
  }
  const bool from_this_connection = !pending_state_.empty() && (state.empty() || state == pending_state_);
  const std::string redirect_uri =
      !callback_url.empty() ? callback_url : from_this_connection ? pending_callback_ : settings_.callback_url;
  const std::string verifier = !code_verifier.empty() ? code_verifier : from_this_connection ? pending_verifier_ : "";
  TokenSet fresh = endpoints_.exchangeCode(code, redirect_uri, verifier);
  pending_state_.clear();
  pending_verifier_.clear();
  if (save) {
    SettingsFile file = file_ ? *file_ : openSettingsFile(settings_);
    auto lock = file.lock();
    file.save(withTokens(StoredTokens{}, fresh, settings_));
    note("GetOAuthAccessToken saved the new tokens to " + file.path());
  }
  tokens_ = fresh;
  source_ = "GetOAuthAccessToken";
  return fresh;
}

TokenSet OAuthCredentials::refreshWith(const std::string& refresh_token) {
  requireClient("RefreshOAuthAccessToken");
  if (!isOAuth21(settings_)) {
    throw Error(sqlstate::kOptionalFeatureNotImplemented,
                "RefreshOAuthAccessToken: the classic OAuth flow has no refresh tokens (its access tokens last "
                "until the app is uninstalled). If your app uses monday's new OAuth flow, set OAuthFlow=OAuth2.1.");
  }
  std::lock_guard guard(mutex_);
  if (refresh_token.empty() || refresh_token == tokens_.refresh_token) {
    if (tokens_.refresh_token.empty() && !file_) {
      throw Error(sqlstate::kInvalidAuthorization,
                  "RefreshOAuthAccessToken needs OAuthRefreshToken: the refresh token GetOAuthAccessToken returned.");
    }
    // This connection's own tokens: refreshed the way a request would, file included.
    if (!refreshTokens()) {
      throw Error(sqlstate::kInvalidAuthorization, "This connection has no refresh token to use. Pass OAuthRefreshToken.");
    }
    source_ = "RefreshOAuthAccessToken";
    return tokens_;
  }
  TokenSet fresh = endpoints_.refresh(refresh_token);
  tokens_ = fresh;
  source_ = "RefreshOAuthAccessToken";
  return fresh;
}

}  // namespace monday::auth
