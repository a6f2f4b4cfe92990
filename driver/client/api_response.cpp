#include "driver/client/api_response.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <vector>

#include "driver/common/json.h"
#include "driver/common/numbers.h"

namespace monday::client {

namespace {


// Complexity numbers, bounded far above any budget monday sells so that sums and differences of
// them cannot overflow.
long long complexityNumber(long long value) {
  constexpr long long kBound = 1LL << 50;
  return std::clamp(value, -kBound, kBound);
}

// Retry-After in seconds (monday sends delta-seconds; an HTTP date is ignored). Digits too many
// for an integer read as the longest wait, never as "no header".
long long retryAfterHeader(const net::HttpResponse& response) {
  return clampedDecimal(response.header("retry-after"), 0, kMaxServerWaitSeconds).value_or(-1);
}

std::string snippet(std::string_view body) {
  std::string out;
  for (char c : body.substr(0, 80)) out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool isAuthCode(std::string_view code) {
  return code == "UNAUTHENTICATED" || code == "Unauthenticated" || code == "NotAuthenticated" ||
         code == "InvalidTokenException" || code == "TOKEN_EXPIRED" || code == "Unauthorized";
}

// One entry of errors[] (or the legacy top-level error), flattened.
struct ErrorEntry {
  std::string message;
  std::string code;
  const rapidjson::Value* extensions = nullptr;
};

// Every error of the body, in any of monday's shapes (REFERENCE §5.1).
std::vector<ErrorEntry> collectErrors(const rapidjson::Document& body) {
  std::vector<ErrorEntry> entries;
  if (auto errors = body.FindMember("errors"); errors != body.MemberEnd() && errors->value.IsArray()) {
    for (const auto& error : errors->value.GetArray()) {
      ErrorEntry entry;
      if (error.IsString()) {
        entry.message = error.GetString();  // legacy: errors as plain strings
      } else if (error.IsObject()) {
        entry.message = jsonMemberText(error, "message");
        if (auto ext = error.FindMember("extensions"); ext != error.MemberEnd() && ext->value.IsObject()) {
          entry.extensions = &ext->value;
          entry.code = jsonMemberText(ext->value, "code");
        }
      }
      if (!entry.message.empty() || !entry.code.empty()) entries.push_back(std::move(entry));
    }
  }
  // Legacy shapes 2 and 3: top-level error_code / error_message / status_code.
  std::string legacy_message = jsonMemberText(body, "error_message");
  std::string legacy_code = jsonMemberText(body, "error_code");
  if (!legacy_message.empty() || !legacy_code.empty()) {
    if (!entries.empty() && entries.front().code.empty()) {
      entries.front().code = legacy_code;
      if (entries.front().message.empty()) entries.front().message = legacy_message;
    } else if (entries.empty() || !legacy_code.empty()) {
      entries.insert(entries.begin(), ErrorEntry{legacy_message, legacy_code, nullptr});
    }
  }
  return entries;
}

Limit limitOf(const ErrorEntry& entry) {
  const std::string& code = entry.code;
  const std::string message = lower(entry.message);
  if (code == "DAILY_LIMIT_EXCEEDED" || contains(message, "daily limit")) return Limit::DailyLimit;
  if (code == "COMPLEXITY_BUDGET_EXHAUSTED" || contains(message, "complexity budget exhausted")) {
    return Limit::ComplexityBudget;
  }
  if (code == "FIELD_LIMIT_EXCEEDED") return Limit::FieldConcurrency;
  if (code == "maxConcurrencyExceeded" || contains(message, "concurrency limit exceeded")) return Limit::Concurrency;
  if (code == "IP_RATE_LIMIT_EXCEEDED" || contains(message, "ip rate limit")) return Limit::IpRate;
  if (code == "RATE_LIMIT_EXCEEDED" || code == "RateLimitExceeded" || contains(message, "rate limit exceeded") ||
      contains(message, "minute limit rate exceeded")) {
    return Limit::MinuteRate;
  }
  if (code == "API_TEMPORARILY_BLOCKED") return Limit::TemporarilyBlocked;
  return Limit::None;
}

// "... query cost 30001 budget remaining 19986 out of 1000000 reset in 3 seconds": the number
// after `label`, or -1.
long long numberAfter(std::string_view text, std::string_view label) {
  auto at = text.find(label);
  if (at == std::string_view::npos) return -1;
  text.remove_prefix(at + label.size());
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  return clampedDecimal(text.substr(0, digits), 0).value_or(-1);
}

// Whether any top-level field of `data` came back with a value: then part of the request ran.
bool anyFieldAnswered(const rapidjson::Value& body) {
  const rapidjson::Value* data = jsonMember(body, "data");
  if (!data || !data->IsObject()) return false;
  for (const auto& field : data->GetObject()) {
    if (!field.value.IsNull()) return true;
  }
  return false;
}

ApiOutcome failed(ApiOutcome outcome, Error error) {
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

std::string_view limitName(Limit limit) {
  switch (limit) {
    case Limit::None: return "none";
    case Limit::ComplexityBudget: return "complexity budget";
    case Limit::MinuteRate: return "minute request limit";
    case Limit::Concurrency: return "concurrency limit";
    case Limit::FieldConcurrency: return "per-field concurrency limit";
    case Limit::IpRate: return "IP rate limit";
    case Limit::TemporarilyBlocked: return "temporary API block";
    case Limit::OtherRate: return "rate limit";
    case Limit::Locked: return "resource lock";
    case Limit::DailyLimit: return "daily call limit";
  }
  return "limit";
}

std::optional<LegacyComplexityMessage> parseLegacyComplexityMessage(std::string_view message) {
  if (lower(message).find("complexity budget exhausted") == std::string::npos) return std::nullopt;
  LegacyComplexityMessage parsed;
  parsed.cost = numberAfter(message, "query cost");
  parsed.remaining = numberAfter(message, "budget remaining");
  parsed.budget = numberAfter(message, "out of");
  parsed.reset_seconds = numberAfter(message, "reset in");
  if (parsed.cost < 0 && parsed.remaining < 0 && parsed.budget < 0 && parsed.reset_seconds < 0) return std::nullopt;
  return parsed;
}

std::chrono::system_clock::time_point nextUtcMidnight(std::chrono::system_clock::time_point now) {
  using namespace std::chrono;
  return time_point_cast<system_clock::duration>(floor<days>(now) + days(1));
}

std::string describeDuration(std::chrono::seconds duration) {
  long long total = std::max<long long>(0, duration.count());
  const long long hours = total / 3600;
  const long long minutes = (total % 3600) / 60;
  const long long seconds = total % 60;
  if (hours > 0) return std::to_string(hours) + " h " + std::to_string(minutes) + " min";
  if (minutes > 0) return std::to_string(minutes) + " min " + std::to_string(seconds) + " s";
  return std::to_string(seconds) + " s";
}

ApiOutcome readApiResponse(const net::HttpResponse& response, std::chrono::system_clock::time_point now) {
  ApiOutcome outcome;
  const long status = response.status;
  outcome.rate_limits = parseRateLimitHeaders(response.header("ratelimit-policy"), response.header("ratelimit"));

  rapidjson::Document& body = outcome.document;
  const bool json = parseJson(response.body, body) && body.IsObject();
  if (!json) body.SetObject();

  if (auto ext = body.FindMember("extensions"); ext != body.MemberEnd()) {
    outcome.request_id = jsonMemberText(ext->value, "request_id");
    if (outcome.request_id.empty()) outcome.request_id = jsonMemberText(ext->value, "requestId");
  }

  const std::vector<ErrorEntry> errors = collectErrors(body);
  // The error that decides: a limit if any error is one, else the first.
  const ErrorEntry* decisive = errors.empty() ? nullptr : &errors.front();
  Limit limit = Limit::None;
  for (const auto& entry : errors) {
    if (Limit l = limitOf(entry); l != Limit::None) {
      decisive = &entry;
      limit = l;
      break;
    }
  }
  const std::string message = decisive ? decisive->message : std::string();
  const std::string code = decisive ? decisive->code : std::string();
  const rapidjson::Value* extensions = decisive ? decisive->extensions : nullptr;
  long long retry_in = extensions ? jsonMemberNumber(*extensions, "retry_in_seconds").value_or(-1) : -1;
  if (retry_in < 0) {
    // FIELD_LIMIT_EXCEEDED puts the wait in error_data: under extensions, or at the top in the
    // changelog's shape.
    const rapidjson::Value* error_data = extensions ? jsonMember(*extensions, "error_data") : nullptr;
    if (!error_data) error_data = jsonMember(body, "error_data");
    if (error_data) retry_in = jsonMemberNumber(*error_data, "retry_in_seconds").value_or(-1);
  }
  long long logical_status = extensions ? jsonMemberNumber(*extensions, "status_code").value_or(-1) : -1;
  if (logical_status < 0) logical_status = jsonMemberNumber(body, "status_code").value_or(-1);
  if (extensions && outcome.request_id.empty()) outcome.request_id = jsonMemberText(*extensions, "request_id");
  const bool has_error = !errors.empty();

  if (status == 401 || logical_status == 401 || isAuthCode(code)) return failed(std::move(outcome), tokenRejected(status));

  // A legacy ComplexityException is the budget only when it says so; otherwise it is the
  // per-query cap ("Query has complexity of N, which exceeds max complexity of M").
  if (code == "ComplexityException" && limit == Limit::None) {
    if (status == 429 || logical_status == 429) {
      limit = Limit::ComplexityBudget;
    } else {
      const long long cost = numberAfter(message, "complexity of");
      const long long cap = numberAfter(message, "max complexity of");
      std::string text = "The query alone is too expensive for monday";
      if (cost >= 0 && cap >= 0) {
        text += ": it would cost " + std::to_string(cost) + " complexity points, over the per-query cap of " +
                std::to_string(cap);
      } else if (!message.empty()) {
        text += " (" + message + ")";
      }
      text += ". Waiting does not help: select fewer columns, page with a smaller LIMIT, or narrow the WHERE "
              "clause.";
      return failed(std::move(outcome), Error(sqlstate::kGeneralError, text, static_cast<int>(logical_status > 0 ? logical_status : status)));
    }
  }
  if (limit == Limit::None && (status == 429 || logical_status == 429)) limit = Limit::OtherRate;
  if (limit == Limit::None && (status == 423 || logical_status == 423)) limit = Limit::Locked;

  if (limit == Limit::DailyLimit) {
    const auto midnight = nextUtcMidnight(now);
    outcome.limit = limit;
    outcome.rejected_unexecuted = true;
    outcome.daily_limit_resets_at = midnight;
    const auto left = std::chrono::duration_cast<std::chrono::seconds>(midnight - now);
    return failed(std::move(outcome),
                  Error(sqlstate::kGeneralError,
                        "monday's daily API call limit for this account is used up (DAILY_LIMIT_EXCEEDED). It "
                        "resets at 00:00 UTC, in " + describeDuration(left) +
                            "; run the statement again after that, or ask monday to raise the plan's limit.",
                        429));
  }

  if (limit != Limit::None) {
    outcome.kind = ApiOutcome::Kind::RetryAfter;
    outcome.limit = limit;
    // A per-field limit fails only the limited fields of a request monday ran: it was rejected
    // unexecuted only when no field of it came back with a result.
    outcome.rejected_unexecuted =
        limit == Limit::FieldConcurrency ? !anyFieldAnswered(body) : limit != Limit::Locked;
    long long wait = std::max(retryAfterHeader(response), retry_in);
    if (limit == Limit::ComplexityBudget) {
      if (auto legacy = parseLegacyComplexityMessage(message)) {
        wait = std::max(wait, legacy->reset_seconds);
        if (legacy->remaining >= 0) outcome.budget_left = complexityNumber(legacy->remaining);
        if (legacy->budget > 0) outcome.budget_limit = complexityNumber(legacy->budget);
      }
      if (extensions) {  // 2025-01 hotfix shape
        if (long long left = jsonMemberNumber(*extensions, "complexity_budget_left").value_or(-1); left >= 0) {
          outcome.budget_left = complexityNumber(left);
        }
        if (long long cap = jsonMemberNumber(*extensions, "complexity_budget_limit").value_or(-1); cap > 0) {
          outcome.budget_limit = complexityNumber(cap);
        }
      }
      if (outcome.rate_limits.complexity_reset_seconds) {
        wait = std::max(wait, *outcome.rate_limits.complexity_reset_seconds);
      }
      if (!outcome.budget_left) outcome.budget_left = outcome.rate_limits.complexity_remaining.value_or(0);
    } else if (limit == Limit::MinuteRate && outcome.rate_limits.minute_reset_seconds) {
      wait = std::max(wait, *outcome.rate_limits.minute_reset_seconds);
    }
    outcome.wait = serverWait(std::max(wait, 1LL));
    std::string what = code.empty() ? (message.empty() ? "HTTP " + std::to_string(status) : message) : code;
    outcome.error = Error(sqlstate::kGeneralError,
                          "monday's " + std::string(limitName(limit)) + " stopped the request (" + what + ").",
                          static_cast<int>(status == 200 && logical_status > 0 ? logical_status : status));
    return outcome;
  }

  if (!json || status >= 500 || logical_status >= 500) {
    // A proxy error page, a truncated body, a broken gateway or monday's own 5xx: worth another
    // try for reads.
    outcome.kind = ApiOutcome::Kind::RetryAfter;
    outcome.transient_server_error = true;
    outcome.wait = std::chrono::seconds(1);
    if (!json) {
      outcome.error = Error(sqlstate::kCommunicationLinkFailure,
                            "monday answered HTTP " + std::to_string(status) +
                                " with a body that is not JSON (starts with \"" + snippet(response.body) +
                                "\"). Check APIURL points at monday's GraphQL endpoint and any proxy in "
                                "between; retry later if monday is having an outage.");
    } else {
      outcome.error = Error(sqlstate::kGeneralError,
                            "monday returned a server error (HTTP " + std::to_string(status) + ")" +
                                (message.empty() ? std::string() : ": " + message) +
                                ". Retry later; if it persists, narrow the query.",
                            static_cast<int>(status >= 500 ? status : logical_status));
    }
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
    const int native = static_cast<int>(logical_status > 0 ? logical_status : status);
    return failed(std::move(outcome), Error(state, text, native));
  }

  if (status != 200) {
    return failed(std::move(outcome),
                  Error(sqlstate::kGeneralError,
                        "monday answered HTTP " + std::to_string(status) + " without an error message.",
                        static_cast<int>(status)));
  }

  auto data = body.FindMember("data");
  if (data == body.MemberEnd() || !data->value.IsObject()) {
    return failed(std::move(outcome),
                  Error(sqlstate::kCommunicationLinkFailure,
                        "monday's answer has no data (starts with \"" + snippet(response.body) + "\")."));
  }
  // The driver's own fields (always asked for, under its alias). A bare `complexity` counts only
  // when it carries the budget left: a caller's `complexity { query }` must never zero it.
  auto complexity = data->value.FindMember(rapidjson::StringRef(kBudgetAlias.data(), kBudgetAlias.size()));
  const bool own = complexity != data->value.MemberEnd();
  if (!own) {
    complexity = data->value.FindMember("complexity");
    if (complexity != data->value.MemberEnd() && (!complexity->value.IsObject() || !complexity->value.HasMember("after"))) {
      complexity = data->value.MemberEnd();
    }
  }
  if (complexity != data->value.MemberEnd() && complexity->value.IsObject()) {
    auto bounded = [&](const char* name) { return complexityNumber(jsonMemberNumber(complexity->value, name).value_or(0)); };
    Complexity c;
    c.before = bounded("before");
    c.query = bounded("query");
    c.after = bounded("after");
    c.reset_in_seconds = serverWait(jsonMemberNumber(complexity->value, "reset_in_x_seconds").value_or(0)).count();
    outcome.complexity = c;
  }
  // The alias is the driver's business, never a field of the caller's data.
  if (own) data->value.EraseMember(complexity);  // keeps the other fields in order
  outcome.kind = ApiOutcome::Kind::Data;
  return outcome;
}

}  // namespace monday::client
