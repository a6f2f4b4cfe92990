#include "driver/client/api_response.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string_view>

namespace monday::client {

namespace {

std::string stringMember(const rapidjson::Value& object, const char* name) {
  if (!object.IsObject()) return {};
  auto it = object.FindMember(name);
  if (it == object.MemberEnd()) return {};
  if (it->value.IsString()) return std::string(it->value.GetString(), it->value.GetStringLength());
  if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
  return {};
}

long long numberMember(const rapidjson::Value& object, const char* name, long long fallback = -1) {
  if (!object.IsObject()) return fallback;
  auto it = object.FindMember(name);
  if (it == object.MemberEnd()) return fallback;
  if (it->value.IsNumber()) return static_cast<long long>(it->value.GetDouble());
  if (it->value.IsString()) return std::atoll(it->value.GetString());
  return fallback;
}

long long retryAfterHeader(const net::HttpResponse& response) {
  std::string_view value = response.header("retry-after");
  long long seconds = -1;
  std::from_chars(value.data(), value.data() + value.size(), seconds);
  return seconds;
}

std::string snippet(std::string_view body) {
  std::string out;
  for (char c : body.substr(0, 80)) out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  return out;
}

bool isRateLimitCode(std::string_view code) {
  return code == "COMPLEXITY_BUDGET_EXHAUSTED" || code == "ComplexityException" ||
         code == "maxConcurrencyExceeded" || code == "IP_RATE_LIMIT_EXCEEDED" ||
         code == "RATE_LIMIT_EXCEEDED" || code == "RateLimitExceeded" || code == "API_TEMPORARILY_BLOCKED";
}

bool isAuthCode(std::string_view code) {
  return code == "UNAUTHENTICATED" || code == "Unauthenticated" || code == "NotAuthenticated" ||
         code == "InvalidTokenException" || code == "TOKEN_EXPIRED" || code == "Unauthorized";
}

ApiOutcome failed(Error error) {
  ApiOutcome outcome;
  outcome.kind = ApiOutcome::Kind::Failed;
  outcome.error = std::move(error);
  return outcome;
}

Error tokenRejected(long status) {
  return Error(sqlstate::kInvalidAuthorization,
               "monday rejected the API token (HTTP " + std::to_string(status) +
                   "). Check the APIToken property: the token may be mistyped, regenerated, or belong "
                   "to a deactivated user. Get a current one in monday under Developers > My access "
                   "tokens.");
}

}  // namespace

ApiOutcome readApiResponse(const net::HttpResponse& response) {
  ApiOutcome outcome;
  const long status = response.status;

  rapidjson::Document body;
  body.Parse(response.body.data(), response.body.size());
  const bool json = !body.HasParseError() && body.IsObject();

  if (!json) {
    if (status == 401) return failed(tokenRejected(status));
    if (status == 429) {
      outcome.kind = ApiOutcome::Kind::RetryAfter;
      outcome.wait = std::chrono::seconds(std::max<long long>(retryAfterHeader(response), 1));
      outcome.error = Error(sqlstate::kGeneralError,
                            "monday's rate limit was exceeded (HTTP 429) and retries ran out. Wait a "
                            "minute and run the statement again.");
      return outcome;
    }
    // A proxy error page, a truncated body or a broken gateway: worth one more try for reads.
    outcome.kind = ApiOutcome::Kind::RetryAfter;
    outcome.transient_server_error = true;
    outcome.wait = std::chrono::seconds(1);
    outcome.error = Error(sqlstate::kCommunicationLinkFailure,
                          "monday answered HTTP " + std::to_string(status) +
                              " with a body that is not JSON (starts with \"" + snippet(response.body) +
                              "\"). Check APIURL points at monday's GraphQL endpoint and any proxy in "
                              "between; retry later if monday is having an outage.");
    return outcome;
  }

  if (auto ext = body.FindMember("extensions"); ext != body.MemberEnd()) {
    outcome.request_id = stringMember(ext->value, "request_id");
    if (outcome.request_id.empty()) outcome.request_id = stringMember(ext->value, "requestId");
  }

  // Collect the first error in any of monday's three shapes (REFERENCE §5.1).
  std::string message;
  std::string code;
  long long retry_in = -1;
  long long logical_status = -1;
  if (auto errors = body.FindMember("errors"); errors != body.MemberEnd() && errors->value.IsArray() &&
                                                !errors->value.Empty()) {
    const auto& first = errors->value[0];
    if (first.IsString()) {
      message = first.GetString();
    } else {
      message = stringMember(first, "message");
      if (auto ext = first.FindMember("extensions"); first.IsObject() && ext != first.MemberEnd()) {
        code = stringMember(ext->value, "code");
        retry_in = numberMember(ext->value, "retry_in_seconds");
        logical_status = numberMember(ext->value, "status_code");
        if (outcome.request_id.empty()) outcome.request_id = stringMember(ext->value, "request_id");
      }
    }
  }
  if (message.empty()) message = stringMember(body, "error_message");
  if (code.empty()) code = stringMember(body, "error_code");
  if (logical_status < 0) logical_status = numberMember(body, "status_code");
  const bool has_error = !message.empty() || !code.empty();

  if (status == 401 || logical_status == 401 || isAuthCode(code)) return failed(tokenRejected(status));

  if (code == "DAILY_LIMIT_EXCEEDED") {
    return failed(Error(sqlstate::kGeneralError,
                        "monday's daily API call limit for this account is used up (DAILY_LIMIT_EXCEEDED). "
                        "It resets at 00:00 UTC; try again after that or ask monday to raise the plan's limit.",
                        429));
  }

  if (status == 429 || isRateLimitCode(code) || message.find("Complexity budget exhausted") == 0 ||
      message == "Rate Limit Exceeded") {
    long long wait = std::max({retryAfterHeader(response), retry_in, 1LL});
    outcome.kind = ApiOutcome::Kind::RetryAfter;
    outcome.wait = std::chrono::seconds(wait);
    outcome.error = Error(sqlstate::kGeneralError,
                          "monday's rate limit stopped the query (" + (code.empty() ? message : code) +
                              ") and the driver's retries ran out. Wait " + std::to_string(wait) +
                              " seconds and run it again, or fetch less at once.",
                          429);
    return outcome;
  }

  if (status >= 500 || logical_status >= 500) {
    outcome.kind = ApiOutcome::Kind::RetryAfter;
    outcome.transient_server_error = true;
    outcome.wait = std::chrono::seconds(1);
    outcome.error = Error(sqlstate::kGeneralError,
                          "monday returned a server error (HTTP " + std::to_string(status) + ")" +
                              (message.empty() ? std::string() : ": " + message) +
                              ". Retry later; if it persists, narrow the query.",
                          static_cast<int>(status));
    return outcome;
  }

  if (has_error) {
    std::string text = "monday API error";
    if (!code.empty()) text += " [" + code + "]";
    text += ": " + (message.empty() ? std::string("(no message)") : message);
    if (!outcome.request_id.empty()) text += " (request id " + outcome.request_id + ")";
    std::string_view state = sqlstate::kGeneralError;
    if (code == "UserUnauthorizedException" || code == "USER_ACCESS_DENIED" ||
        code == "missingRequiredPermissions" || status == 403 || logical_status == 403) {
      state = sqlstate::kSyntaxErrorOrAccessViolation;
      text += ". The token's user lacks permission for this; ask a monday admin or use another token.";
    }
    return failed(Error(state, text, static_cast<int>(logical_status > 0 ? logical_status : status)));
  }

  if (status != 200) {
    return failed(Error(sqlstate::kGeneralError,
                        "monday answered HTTP " + std::to_string(status) + " without an error message.",
                        static_cast<int>(status)));
  }

  auto data = body.FindMember("data");
  if (data == body.MemberEnd() || !data->value.IsObject()) {
    return failed(Error(sqlstate::kCommunicationLinkFailure,
                        "monday's answer has no data (starts with \"" + snippet(response.body) + "\")."));
  }
  if (auto complexity = data->value.FindMember("complexity");
      complexity != data->value.MemberEnd() && complexity->value.IsObject()) {
    Complexity c;
    c.before = numberMember(complexity->value, "before", 0);
    c.query = numberMember(complexity->value, "query", 0);
    c.after = numberMember(complexity->value, "after", 0);
    c.reset_in_seconds = numberMember(complexity->value, "reset_in_x_seconds", 0);
    outcome.complexity = c;
  }
  outcome.kind = ApiOutcome::Kind::Data;
  outcome.document = std::move(body);
  return outcome;
}

}  // namespace monday::client
