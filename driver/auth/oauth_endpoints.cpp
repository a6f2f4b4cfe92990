#include "driver/auth/oauth_endpoints.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <optional>

#include "driver/auth/encoding.h"
#include "driver/auth/jwt.h"
#include "driver/common/error.h"
#include "driver/common/json.h"
#include "driver/common/numbers.h"
#include "driver/log/logger.h"

namespace monday::auth {

namespace {

constexpr std::string_view kClassicTokenPath = "/oauth2/token";
constexpr std::string_view kTokenPath = "/oauth_ms/oauth/token";
constexpr std::string_view kRevokePath = "/oauth_ms/oauth/revoke";

std::string member(const rapidjson::Document& d, const char* name) {
  auto it = d.FindMember(name);
  return it != d.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength())
                                                      : std::string();
}

// monday's error_description, shortened and with anything we sent scrubbed out, so an echoing
// server cannot make a secret reach a diagnostic.
std::string safeDescription(std::string text, std::initializer_list<std::string_view> sent_secrets) {
  for (auto secret : sent_secrets) {
    if (secret.size() < 4) continue;
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
      text.replace(at, secret.size(), "(hidden)");
    }
  }
  if (text.size() > 200) text = text.substr(0, 200) + "...";
  return text;
}

// A 429 (the server's limit) and a 5xx are worth asking again; any other answer is final.
std::optional<net::RetryCause> retryCauseOf(const net::HttpResponse& response) {
  if (response.status == 429) return net::RetryCause::Limit;
  if (response.status >= 500 && response.status <= 599) return net::RetryCause::ServerError;
  return std::nullopt;
}

// Retry-After in seconds, clamped (a server's number must not overflow a duration); a second
// when the header is missing or unreadable.
std::chrono::milliseconds retryAfterOf(const net::HttpResponse& response) {
  return std::chrono::seconds(clampedDecimal(response.header("retry-after"), 0, kMaxServerWaitSeconds).value_or(1));
}

// Messages about reaching the server name AuthURL, not the API's APIURL.
net::TransportOptions authServerOptions(net::TransportOptions options) {
  options.property_names.url = "AuthURL";
  return options;
}

const char* purposeName(int purpose) {
  switch (purpose) {
    case 0: return "authorization_code";
    case 1: return "refresh_token";
    default: return "revoke";
  }
}

}  // namespace

bool TokenSet::expiresSoon(std::int64_t now) const {
  if (expires_at == 0) return false;
  const std::int64_t lifetime = obtained_at > 0 && expires_at > obtained_at ? expires_at - obtained_at : 240;
  return now >= expires_at - std::min<std::int64_t>(60, lifetime / 4);
}

std::int64_t unixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

OAuthEndpoints::OAuthEndpoints(const config::OAuthSettings& settings, net::TransportOptions tls, std::chrono::seconds timeout,
                               net::RetryLimits retry_limits, std::shared_ptr<log::Logger> logger, const net::Seams& seams)
    : settings_(settings),
      retry_limits_(retry_limits),
      jitter_(seams.jitter),
      logger_(std::move(logger)),
      http_(authServerOptions(std::move(tls)), timeout, seams) {}

OAuthEndpoints::~OAuthEndpoints() = default;

std::string OAuthEndpoints::authorizationUrl(std::string_view redirect_uri, std::string_view scope,
                                             std::string_view state, std::string_view code_challenge) const {
  QueryParameters query = {{"client_id", settings_.client_id},
                           {"redirect_uri", std::string(redirect_uri)},
                           {"response_type", "code"},
                           {"state", std::string(state)}};
  if (!scope.empty()) query.emplace_back("scope", std::string(scope));
  if (!code_challenge.empty()) {
    query.emplace_back("code_challenge", std::string(code_challenge));
    query.emplace_back("code_challenge_method", "S256");
  }
  return settings_.auth_url + "/oauth2/authorize?" + formEncode(query);
}

net::HttpResponse OAuthEndpoints::post(std::string_view path, const std::string& body, Purpose purpose) {
  net::HttpRequest request;
  request.url = settings_.auth_url + std::string(path);
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
  request.body = body;
  if (purpose == Purpose::Exchange) {
    // An authorization code works once: a second exchange could only be refused and would hide
    // the first answer. Sent once, on a fresh connection, which libcurl never resends on.
    request.send_once = true;
    return sendOnce(request, purpose);
  }
  // Refresh and revoke may be sent again: a refresh that never arrived left the refresh token
  // valid, and one that arrived but whose answer was lost fails the same way without a retry.
  net::RetryPolicy retries(retry_limits_, jitter_);
  for (;;) {
    const int attempt = retries.beginAttempt();
    std::optional<std::chrono::milliseconds> wait;
    std::string why;
    try {
      net::HttpResponse response = sendOnce(request, purpose);
      const auto cause = retryCauseOf(response);
      if (cause) wait = retries.retryAfter(*cause, retryAfterOf(response));
      // Out of retries, the last answer says what went wrong (readTokens reports it).
      if (!wait) return response;
      why = "HTTP " + std::to_string(response.status);
    } catch (const Error& error) {
      if (error.state() != sqlstate::kCommunicationLinkFailure) throw;
      wait = retries.retryAfter(net::RetryCause::LinkLost);
      if (!wait) throw;
      why = "connection lost";
    }
    if (logger_) {
      logger_->write(log::Level::Info, "retry",
                     std::string("oauth grant=") + purposeName(static_cast<int>(purpose)) + " attempt=" +
                         std::to_string(attempt) + " " + why + ", waiting " + std::to_string(wait->count()) + " ms");
    }
    http_.wait(*wait);
  }
}

net::HttpResponse OAuthEndpoints::sendOnce(const net::HttpRequest& request, Purpose purpose) {
  net::HttpResponse response;
  try {
    response = http_.send(request);
  } catch (const Error& error) {
    throw Error(error.state(), "Cannot reach monday's OAuth server: " + error.message() +
                                   " (The OAuth server is AuthURL: " + settings_.auth_url + ".)");
  }
  if (logger_ && logger_->enabled(log::Level::Info)) {
    logger_->write(log::Level::Info, "oauth",
                   "POST " + request.url + " grant=" + purposeName(static_cast<int>(purpose)) +
                       " status=" + std::to_string(response.status) + " ms=" + std::to_string(response.elapsed.count()));
  }
  return response;
}

TokenSet OAuthEndpoints::readTokens(const net::HttpResponse& response, Purpose purpose,
                                    std::string_view previous_refresh_token,
                                    std::initializer_list<std::string_view> sent_secrets) {
  rapidjson::Document body;
  const bool json = parseJson(response.body, body) && body.IsObject();
  const std::string error = json ? member(body, "error") : std::string();
  if (response.status != 200 || !json || !error.empty()) {
    if (!json || error.empty()) {
      throw Error(sqlstate::kUnableToConnect,
                  "monday's OAuth server answered HTTP " + std::to_string(response.status) +
                      " without an OAuth answer. Check AuthURL (" + settings_.auth_url +
                      ") and OAuthFlow (the classic and the new flow use different token endpoints).");
    }
    const std::string description = safeDescription(member(body, "error_description"), sent_secrets);
    const std::string said = "monday refused (" + error + (description.empty() ? "" : ": " + description) + "). ";
    if (error == "invalid_client") {
      throw Error(sqlstate::kInvalidAuthorization,
                  said + "Check OAuthClientId and OAuthClientSecret: they must be the Client ID and Client "
                         "secret of the same monday app.");
    }
    if (error == "unauthorized_client") {
      throw Error(sqlstate::kInvalidAuthorization,
                  said + "Check OAuthFlow: Classic for apps without the \"New OAuth flow\" toggle, OAuth2.1 "
                         "for apps with it.");
    }
    if (purpose == Purpose::Refresh && error == "invalid_grant") {
      throw GrantRevoked(sqlstate::kInvalidAuthorization,
                  said + "The saved authorization is no longer valid (revoked, the app uninstalled, or the "
                         "refresh token already used). Authorize again: connect with "
                         "InitiateOAuth=GETANDREFRESH, or on a machine without a browser get a new code "
                         "and pass it as OAuthVerifier.");
    }
    if (error == "invalid_grant") {
      throw Error(sqlstate::kInvalidAuthorization,
                  said + "Authorization codes work once, for about ten minutes, with the exact CallbackURL "
                         "(and PKCE verifier) used to get them. Authorize again to get a new one.");
    }
    throw Error(sqlstate::kInvalidAuthorization, said + "Authorize again; if it persists, check the app's "
                                                        "settings in monday's Developer Center.");
  }

  TokenSet tokens;
  tokens.obtained_at = unixNow();
  tokens.access_token = member(body, "access_token");
  if (tokens.access_token.empty()) {
    throw Error(sqlstate::kUnableToConnect, "monday's OAuth server answered without an access token. Check AuthURL (" +
                                                settings_.auth_url + ").");
  }
  tokens.refresh_token = member(body, "refresh_token");
  // RFC 6749 §6: a refresh answer without a new refresh token means "keep using the old one".
  if (tokens.refresh_token.empty()) tokens.refresh_token = std::string(previous_refresh_token);
  tokens.scope = member(body, "scope");
  // REFERENCE §9 q7: expires_in may be missing; the access token's own exp claim then says it.
  if (auto it = body.FindMember("expires_in"); it != body.MemberEnd() && it->value.IsNumber() &&
                                               it->value.GetDouble() > 0) {
    // Clamped to ten years: a server's number must not overflow the expiry time.
    tokens.expires_at = unixNow() + *clampedInteger(it->value.GetDouble(), 1, 10LL * 365 * 24 * 3600);
  } else if (auto exp = unverifiedExpiry(tokens.access_token)) {
    tokens.expires_at = *exp;
  }
  return tokens;
}

TokenSet OAuthEndpoints::exchangeCode(const std::string& code, const std::string& redirect_uri,
                                      const std::string& code_verifier) {
  QueryParameters form = {{"client_id", settings_.client_id},
                          {"client_secret", settings_.client_secret},
                          {"code", code},
                          {"redirect_uri", redirect_uri}};
  const bool classic = settings_.flow == config::OAuthFlow::Classic;
  if (!classic) form.insert(form.begin(), {"grant_type", "authorization_code"});
  if (!classic && !code_verifier.empty()) form.emplace_back("code_verifier", code_verifier);
  const auto response = post(classic ? kClassicTokenPath : kTokenPath, formEncode(form), Purpose::Exchange);
  return readTokens(response, Purpose::Exchange, "", {code, settings_.client_secret, code_verifier});
}

TokenSet OAuthEndpoints::refresh(const std::string& refresh_token) {
  const QueryParameters form = {{"grant_type", "refresh_token"},
                                {"refresh_token", refresh_token},
                                {"client_id", settings_.client_id},
                                {"client_secret", settings_.client_secret}};
  const auto response = post(kTokenPath, formEncode(form), Purpose::Refresh);
  return readTokens(response, Purpose::Refresh, refresh_token, {refresh_token, settings_.client_secret});
}

void OAuthEndpoints::revoke(const std::string& token, std::string_view hint) {
  const QueryParameters form = {{"token", token},
                                {"token_type_hint", std::string(hint)},
                                {"client_id", settings_.client_id},
                                {"client_secret", settings_.client_secret}};
  const auto response = post(kRevokePath, formEncode(form), Purpose::Revoke);
  if (response.status != 200) {
    throw Error(sqlstate::kGeneralError,
                "monday's OAuth server did not confirm the revocation (HTTP " + std::to_string(response.status) + ").");
  }
}

}  // namespace monday::auth
