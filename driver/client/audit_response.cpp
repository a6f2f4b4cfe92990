#include "driver/client/audit_response.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "driver/common/json.h"
#include "driver/common/numbers.h"

namespace monday::client {

namespace {

std::string snippet(std::string_view body) {
  std::string out;
  for (char c : body.substr(0, 80)) out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  return out;
}

// monday documents no error body for this API (REFERENCE §9 Q5); read every shape its other
// APIs use: {"error_message"}, {"message"}, {"error": "..."}, {"errors": ["..."|{"message"}]}.
std::string errorText(const rapidjson::Value& body) {
  for (const char* key : {"error_message", "message", "error"}) {
    if (std::string text = jsonMemberText(body, key); !text.empty()) return text;
  }
  if (body.IsObject()) {
    if (auto errors = body.FindMember("errors");
        errors != body.MemberEnd() && errors->value.IsArray() && !errors->value.Empty()) {
      const auto& first = errors->value[0];
      if (first.IsString()) return first.GetString();
      return jsonMemberText(first, "message");
    }
  }
  return {};
}

std::string errorCode(const rapidjson::Value& body) {
  std::string code = jsonMemberText(body, "error_code");
  if (code.empty()) code = jsonMemberText(body, "code");
  return code;
}

bool mentions(std::string_view text, std::string_view word) {
  auto it = std::search(text.begin(), text.end(), word.begin(), word.end(),
                        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  return it != text.end();
}

long long retryAfterHeader(const net::HttpResponse& response) {
  return clampedDecimal(response.header("retry-after"), 0, kMaxServerWaitSeconds).value_or(-1);
}

AuditOutcome failed(Error error) {
  AuditOutcome outcome;
  outcome.kind = AuditOutcome::Kind::Failed;
  outcome.error = std::move(error);
  return outcome;
}

AuditOutcome transient(Error error) {
  AuditOutcome outcome;
  outcome.kind = AuditOutcome::Kind::RetryAfter;
  outcome.transient_server_error = true;
  outcome.wait = std::chrono::seconds(1);
  outcome.error = std::move(error);
  return outcome;
}

}  // namespace

AuditOutcome readAuditResponse(const net::HttpResponse& response, std::string_view endpoint) {
  const long status = response.status;
  rapidjson::Document body;
  const bool json = parseJson(response.body, body) && body.IsObject();
  const std::string message = json ? errorText(body) : std::string();
  const std::string code = json ? errorCode(body) : std::string();
  const std::string said = message.empty() ? std::string() : " (monday: \"" + message + "\")";

  if (status == 401) {
    // The usual cause: a personal API token where the audit-log token belongs.
    return failed(Error(sqlstate::kInvalidAuthorization,
                        "monday's audit-log API rejected the token (HTTP 401)" + said +
                            ". With Schema=AuditLog and AuditLogSource=REST, APIToken must be the "
                            "audit-log token an account admin generates under Admin > Security > "
                            "Audit > Monitor by API; a personal API token does not work there. To "
                            "use a personal API token of an account admin instead, set "
                            "AuditLogSource=GraphQL.",
                        401));
  }
  if (status == 403) {
    if (mentions(message, "enterprise") || mentions(code, "enterprise") || mentions(code, "plan")) {
      return failed(Error(sqlstate::kSyntaxErrorOrAccessViolation,
                          "monday's audit log is available only on the Enterprise plan, and this "
                          "account is on another plan (HTTP 403)" + said +
                              ". Upgrade the account to Enterprise, or use Schema=GraphQL for its "
                              "boards and items.",
                          403));
    }
    return failed(Error(sqlstate::kSyntaxErrorOrAccessViolation,
                        "monday's audit-log API refused access (HTTP 403)" + said +
                            ". Only an account admin's audit-log token of an Enterprise account "
                            "can read the audit log.",
                        403));
  }
  if (status == 404) {
    return failed(Error(sqlstate::kUnableToConnect,
                        "No audit-log API answered at " + std::string(endpoint) +
                            " (HTTP 404). Check Domain: it must be your account's URL, "
                            "https://<account>.monday.com.",
                        404));
  }
  if (status == 429) {
    long long retry_in = json ? jsonMemberNumber(body, "retry_in_seconds").value_or(-1) : -1;
    const long long wait = std::max({retryAfterHeader(response), retry_in, 1LL});
    AuditOutcome outcome;
    outcome.kind = AuditOutcome::Kind::RetryAfter;
    outcome.wait = serverWait(wait);
    outcome.error = Error(sqlstate::kGeneralError,
                          "monday's audit-log API limit (50 requests a minute) stopped the query and "
                          "the driver's retries ran out. Wait a minute and run it again; if another "
                          "tool reads the audit log with the same token, lower AuditRequestsPerMinute.",
                          429);
    return outcome;
  }
  if (status >= 500) {
    return transient(Error(sqlstate::kGeneralError,
                           "monday's audit-log API returned a server error (HTTP " + std::to_string(status) +
                               ")" + said + ". Retry later.",
                           static_cast<int>(status)));
  }
  if (!json) {
    // A login page or a proxy page instead of the API: maybe passing, maybe a wrong Domain.
    return transient(Error(sqlstate::kCommunicationLinkFailure,
                           "The audit-log API at " + std::string(endpoint) + " answered HTTP " +
                               std::to_string(status) + " with a body that is not JSON (starts with \"" +
                               snippet(response.body) +
                               "\"). Check that Domain is your account's URL, "
                               "https://<account>.monday.com, and any proxy in between."));
  }
  if (status != 200) {
    return failed(Error(sqlstate::kGeneralError,
                        "monday's audit-log API rejected the request (HTTP " + std::to_string(status) + ")" +
                            (code.empty() ? std::string() : " [" + code + "]") + said + ".",
                        static_cast<int>(status)));
  }
  auto data = body.FindMember("data");
  if (data == body.MemberEnd() || !data->value.IsArray()) {
    return failed(Error(sqlstate::kCommunicationLinkFailure,
                        "The audit-log API's answer has no \"data\" list (starts with \"" +
                            snippet(response.body) + "\")" + said + "."));
  }
  AuditOutcome outcome;
  outcome.kind = AuditOutcome::Kind::Data;
  outcome.document = std::move(body);
  return outcome;
}

}  // namespace monday::client
