// SQL terms → monday's audit-log filters. The rule: a filter may let through more entries than
// the SQL term keeps (SQLite re-checks every term), never fewer.
//
// `timestamp` values are text 'YYYY-MM-DD HH:MM:SS' (UTC, whole seconds), and SQLite compares them
// with the literal as text. A literal that is a leading part of that form ('2026-03-01',
// '2026-03-01 10:00', '2026-03-01 10:00:00.5') orders like the time it names, so a range on it
// becomes start_time/end_time; any other literal ('2026-03-01T10:00:00Z', a number) orders in ways
// a time filter cannot follow and is not sent. Bounds are widened by a second on each side: that
// covers monday's sub-second times, which the column truncates, and whether monday treats
// start_time/end_time as inclusive or exclusive (undocumented, REFERENCE §9 Q5).

#include <cctype>
#include <charconv>
#include <ctime>
#include <optional>
#include <string_view>

#include "schema/auditlog/audit_api.h"

namespace monday::schema::auditlog {

namespace {

bool digitsAt(std::string_view text, std::size_t start, std::size_t count) {
  if (text.size() < start + count) return false;
  for (std::size_t i = start; i < start + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

int number(std::string_view text, std::size_t start, std::size_t count) {
  int value = 0;
  std::from_chars(text.data() + start, text.data() + start + count, value);
  return value;
}

// Seconds since the epoch of a leading part of 'YYYY-MM-DD HH:MM:SS[.fff]', or nullopt.
std::optional<std::time_t> timestampPrefix(std::string_view text) {
  if (!digitsAt(text, 0, 4) || text.size() < 10 || text[4] != '-' || !digitsAt(text, 5, 2) || text[7] != '-' ||
      !digitsAt(text, 8, 2)) {
    return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = number(text, 0, 4) - 1900;
  tm.tm_mon = number(text, 5, 2) - 1;
  tm.tm_mday = number(text, 8, 2);
  std::size_t end = 10;
  if (text.size() > 10) {
    if (text.size() < 16 || text[10] != ' ' || !digitsAt(text, 11, 2) || text[13] != ':' || !digitsAt(text, 14, 2)) {
      return std::nullopt;
    }
    tm.tm_hour = number(text, 11, 2);
    tm.tm_min = number(text, 14, 2);
    end = 16;
    if (text.size() > 16) {
      if (text.size() < 19 || text[16] != ':' || !digitsAt(text, 17, 2)) return std::nullopt;
      tm.tm_sec = number(text, 17, 2);
      end = 19;
      if (text.size() > 19) {
        if (text[19] != '.' || text.size() == 20 || !digitsAt(text, 20, text.size() - 20)) return std::nullopt;
        end = text.size();
      }
    }
  }
  if (end != text.size() || tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
      tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 59) {
    return std::nullopt;
  }
  return timegm(&tm);
}

std::string isoUtc(std::time_t t) {
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

const std::string* textOf(const Value& value) { return std::get_if<std::string>(&value); }

// SQL `user_id = v` on an integer column: integers, integral doubles and digit strings can match;
// NULL and fractional numbers cannot. Anything else (odd text) is left to SQLite.
struct UserIdTerm {
  std::optional<std::string> id;
  bool impossible = false;
};
UserIdTerm userIdTerm(const Value& value) {
  if (auto integer = std::get_if<std::int64_t>(&value)) return {std::to_string(*integer), false};
  if (auto real = std::get_if<double>(&value)) {
    // Only a whole number inside the int64 range can equal an id; 1e300 must not be converted.
    const bool in_range = *real > -9.2e18 && *real < 9.2e18;
    const auto whole = in_range ? static_cast<std::int64_t>(*real) : 0;
    if (in_range && static_cast<double>(whole) == *real) return {std::to_string(whole), false};
    return {std::nullopt, true};
  }
  if (auto text = textOf(value)) {
    const bool digits = !text->empty() && text->size() <= 18 &&
                        text->find_first_not_of("0123456789") == std::string::npos;
    if (digits) return {*text, false};
    return {};
  }
  return {std::nullopt, isNull(value)};
}

// SQL `event = v` / `ip_address = v` on a text column: SQLite compares numbers as their text.
std::optional<std::string> textTerm(const Value& value) {
  if (auto text = textOf(value)) return *text;
  if (auto integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  return std::nullopt;
}

}  // namespace

AuditLogQuery auditLogQueryFor(const ScanRequest& request) {
  AuditLogQuery query;
  std::optional<std::time_t> lower;
  std::optional<std::time_t> upper;
  auto narrowLower = [&](std::time_t t) { lower = lower ? std::max(*lower, t - 1) : t - 1; };
  auto narrowUpper = [&](std::time_t t) { upper = upper ? std::min(*upper, t + 1) : t + 1; };

  for (const Constraint* term : request.constraintsOn("timestamp")) {
    const std::string* text = textOf(term->value);
    const auto t = text ? timestampPrefix(*text) : std::nullopt;
    if (!t) continue;
    switch (term->op) {
      case ConstraintOp::Gt:
      case ConstraintOp::Ge: narrowLower(*t); break;
      case ConstraintOp::Lt:
      case ConstraintOp::Le: narrowUpper(*t); break;
      default: break;
    }
  }
  if (const auto* values = request.valuesFor("timestamp"); values && values->size() == 1) {
    const std::string* text = textOf(values->front());
    if (const auto t = text ? timestampPrefix(*text) : std::nullopt) {
      narrowLower(*t);
      narrowUpper(*t);
    }
  }
  if (lower && upper && *lower > *upper) query.matches_nothing = true;
  if (lower) query.start_time = isoUtc(*lower);
  if (upper) query.end_time = isoUtc(*upper);

  if (const auto* values = request.valuesFor("user_id"); values && values->size() == 1) {
    UserIdTerm term = userIdTerm(values->front());
    if (term.impossible) query.matches_nothing = true;
    query.user_id = term.id;
  }
  if (const auto* values = request.valuesFor("event")) {
    bool expressible = true;
    for (const auto& value : *values) {
      if (isNull(value)) continue;  // `event IN (NULL, …)`: NULL keeps no row
      if (auto text = textTerm(value)) {
        query.events.push_back(*text);
      } else {
        expressible = false;  // e.g. 1.5: leave the whole list to SQLite rather than drop a match
      }
    }
    if (!expressible) {
      query.events.clear();
    } else if (query.events.empty() && !values->empty()) {
      query.matches_nothing = true;
    }
  }
  if (const auto* values = request.valuesFor("ip_address"); values && values->size() == 1) {
    query.ip_address = textTerm(values->front());
    if (!query.ip_address) query.matches_nothing = isNull(values->front()) || query.matches_nothing;
  }
  return query;
}

}  // namespace monday::schema::auditlog
