#include "driver/engine/odbc_functions.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>

#include "driver/common/datetime.h"
#include "driver/engine/c_boundary.h"
#include "driver/engine/session_state.h"

namespace monday::engine {

namespace {

// ---------- arguments and results ----------

struct Args {
  sqlite3_context* context;
  int count;
  sqlite3_value** values;

  bool null(int i) const { return sqlite3_value_type(values[i]) == SQLITE_NULL; }
  bool anyNull() const {
    for (int i = 0; i < count; ++i) {
      if (null(i)) return true;
    }
    return false;
  }
  std::string text(int i) const {
    const auto* t = reinterpret_cast<const char*>(sqlite3_value_text(values[i]));
    return t ? std::string(t, static_cast<std::size_t>(sqlite3_value_bytes(values[i]))) : std::string();
  }
  double real(int i) const { return sqlite3_value_double(values[i]); }
  std::int64_t integer(int i) const { return sqlite3_value_int64(values[i]); }
  bool isInteger(int i) const { return sqlite3_value_numeric_type(values[i]) == SQLITE_INTEGER; }
};

void resultText(sqlite3_context* c, const std::string& text) {
  sqlite3_result_text64(c, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

// A number: an integer when it is a whole number that fits, so `MOD(7, 2)` is 1, not 1.0.
void resultNumber(sqlite3_context* c, double value, bool prefer_integer) {
  if (!std::isfinite(value)) {
    sqlite3_result_null(c);
  } else if (prefer_integer && value == std::trunc(value) && std::fabs(value) < 9.0e18) {
    sqlite3_result_int64(c, static_cast<sqlite3_int64>(value));
  } else {
    sqlite3_result_double(c, value);
  }
}

[[noreturn]] void badDatetime(const std::string& function, const std::string& text) {
  throw Error(sqlstate::kInvalidDatetimeFormat,
              "Invalid datetime format: " + function + " needs a date or timestamp ('YYYY-MM-DD[ HH:MM:SS]'), not '" +
                  text.substr(0, 40) + "'.");
}

// ---------- UTF-8 characters ----------

// Byte offsets of every character start, plus the end.
std::vector<std::size_t> characterStarts(const std::string& s) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(s.size());
  return starts;
}

// Characters [from, from + count) (0-based, clamped).
std::string characters(const std::string& s, long long from, long long count) {
  const auto starts = characterStarts(s);
  const long long total = static_cast<long long>(starts.size()) - 1;
  from = std::clamp<long long>(from, 0, total);
  const long long to = std::clamp<long long>(from + std::max<long long>(count, 0), from, total);
  return s.substr(starts[static_cast<std::size_t>(from)], starts[static_cast<std::size_t>(to)] - starts[static_cast<std::size_t>(from)]);
}

long long characterCount(const std::string& s) { return static_cast<long long>(characterStarts(s).size()) - 1; }

// ---------- calendar ----------

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
long long daysFromCivil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civilFromDays(long long z, int& y, int& m, int& d) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long year = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(year + (m <= 2));
}

bool leapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int monthLength(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leapYear(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

// A timestamp as days since the epoch and nanoseconds into the day.
struct Instant {
  long long days = 0;
  long long nanos = 0;  // [0, 86400e9)
  DateTimeParts parts;
};

constexpr long long kNanosPerSecond = 1'000'000'000;
constexpr long long kNanosPerDay = 86'400 * kNanosPerSecond;

// Date, timestamp or (with today's date) time text; nullopt when it is none of them.
std::optional<Instant> instantOf(const std::string& text) {
  std::optional<DateTimeParts> parts = parseTimestamp(text);
  if (!parts) {
    parts = parseTime(text);
    if (!parts) return std::nullopt;
    const DateTimeParts today = currentUtcDate();
    parts->year = today.year;
    parts->month = today.month;
    parts->day = today.day;
    parts->has_date = true;
  }
  Instant out;
  out.parts = *parts;
  out.days = daysFromCivil(parts->year, static_cast<unsigned>(parts->month), static_cast<unsigned>(parts->day));
  out.nanos = (parts->hour * 3600LL + parts->minute * 60LL + parts->second) * kNanosPerSecond + parts->fraction_ns;
  return out;
}

Instant requireInstant(const std::string& function, const std::string& text) {
  auto instant = instantOf(text);
  if (!instant) badDatetime(function, text);
  return *instant;
}

std::string formatInstant(long long days, long long nanos) {
  DateTimeParts p;
  civilFromDays(days, p.year, p.month, p.day);
  const long long seconds = nanos / kNanosPerSecond;
  p.hour = static_cast<int>(seconds / 3600);
  p.minute = static_cast<int>(seconds / 60 % 60);
  p.second = static_cast<int>(seconds % 60);
  p.fraction_ns = static_cast<std::uint32_t>(nanos % kNanosPerSecond);
  p.has_date = p.has_time = true;
  return formatTimestamp(p);
}

int weekdayOf(long long days) {  // 0 = Sunday (1970-01-01 was a Thursday)
  return static_cast<int>(((days % 7) + 7 + 4) % 7);
}

// ODBC WEEK: week 1 holds January 1st; weeks start on Sunday.
int weekOfYear(const Instant& at) {
  const long long jan1 = daysFromCivil(at.parts.year, 1, 1);
  return static_cast<int>((at.days - jan1 + weekdayOf(jan1)) / 7 + 1);
}

long long floorDiv(long long a, long long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The interval names of TIMESTAMPADD/TIMESTAMPDIFF, with or without SQL_TSI_, and EXTRACT's fields.
enum class Interval { FracSecond, Second, Minute, Hour, Day, Week, Month, Quarter, Year };

Interval intervalOf(const std::string& function, std::string name) {
  for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (name.rfind("SQL_TSI_", 0) == 0) name = name.substr(8);
  if (name == "FRAC_SECOND" || name == "MICROSECOND" || name == "NANOSECOND") return Interval::FracSecond;
  if (name == "SECOND") return Interval::Second;
  if (name == "MINUTE") return Interval::Minute;
  if (name == "HOUR") return Interval::Hour;
  if (name == "DAY") return Interval::Day;
  if (name == "WEEK") return Interval::Week;
  if (name == "MONTH") return Interval::Month;
  if (name == "QUARTER") return Interval::Quarter;
  if (name == "YEAR") return Interval::Year;
  throw Error(sqlstate::kSyntaxErrorOrAccessViolation,
              function + ": unknown interval '" + name +
                  "'; use SQL_TSI_FRAC_SECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER or YEAR.");
}

std::string addMonths(const Instant& at, long long months) {
  const long long total = at.parts.year * 12LL + (at.parts.month - 1) + months;
  const int year = static_cast<int>(floorDiv(total, 12));
  const int month = static_cast<int>(total - year * 12LL) + 1;
  const int day = std::min(at.parts.day, monthLength(year, month));  // Jan 31 + 1 month = Feb 28/29
  return formatInstant(daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)), at.nanos);
}

std::string timestampAdd(Interval interval, long long count, const Instant& at) {
  auto addNanos = [&](long long nanos) {
    const long long total_days = at.days + floorDiv(at.nanos + nanos, kNanosPerDay);
    const long long rest = (at.nanos + nanos) - floorDiv(at.nanos + nanos, kNanosPerDay) * kNanosPerDay;
    return formatInstant(total_days, rest);
  };
  switch (interval) {
    case Interval::FracSecond: return addNanos(count);  // billionths of a second (ODBC)
    case Interval::Second: return addNanos(count * kNanosPerSecond);
    case Interval::Minute: return addNanos(count * 60 * kNanosPerSecond);
    case Interval::Hour: return addNanos(count * 3600 * kNanosPerSecond);
    case Interval::Day: return formatInstant(at.days + count, at.nanos);
    case Interval::Week: return formatInstant(at.days + 7 * count, at.nanos);
    case Interval::Month: return addMonths(at, count);
    case Interval::Quarter: return addMonths(at, 3 * count);
    case Interval::Year: return addMonths(at, 12 * count);
  }
  return {};
}

// Boundaries of `interval` crossed going from `a` to `b` (negative when b is earlier).
long long timestampDiff(Interval interval, const Instant& a, const Instant& b) {
  auto seconds = [](const Instant& x, long long unit) {
    return floorDiv(x.days * 86'400 + x.nanos / kNanosPerSecond, unit);
  };
  switch (interval) {
    case Interval::FracSecond: return (b.days - a.days) * kNanosPerDay + (b.nanos - a.nanos);
    case Interval::Second: return seconds(b, 1) - seconds(a, 1);
    case Interval::Minute: return seconds(b, 60) - seconds(a, 60);
    case Interval::Hour: return seconds(b, 3600) - seconds(a, 3600);
    case Interval::Day: return b.days - a.days;
    case Interval::Week: return floorDiv(b.days + 4, 7) - floorDiv(a.days + 4, 7);  // Sunday to Sunday
    case Interval::Month: return (b.parts.year * 12LL + b.parts.month) - (a.parts.year * 12LL + a.parts.month);
    case Interval::Quarter:
      return (b.parts.year * 4LL + (b.parts.month - 1) / 3) - (a.parts.year * 4LL + (a.parts.month - 1) / 3);
    case Interval::Year: return static_cast<long long>(b.parts.year) - a.parts.year;
  }
  return 0;
}

// ---------- soundex ----------

std::string soundex(const std::string& text) {
  static constexpr const char* kCodes = "01230120022455012623010202";  // A..Z
  std::string out;
  char last = 0;
  for (char raw : text) {
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
    if (c < 'A' || c > 'Z') continue;
    const char code = kCodes[c - 'A'];
    if (out.empty()) {
      out.push_back(c);
      last = code;
      continue;
    }
    if (code != '0' && code != last) out.push_back(code);
    if (c != 'H' && c != 'W') last = code;
    if (out.size() == 4) break;
  }
  if (out.empty()) return "";
  out.resize(4, '0');
  return out;
}

// ---------- registration ----------

using Body = void (*)(const Args&, SessionState&);

struct FunctionSpec {
  const char* name;
  int arguments;  // -1: any number
  Body body;
  bool deterministic = true;
};

// Numeric functions of one argument.
template <double (*f)(double), bool integral>
void unaryMath(const Args& a, SessionState&) {
  if (a.anyNull()) return sqlite3_result_null(a.context);
  resultNumber(a.context, f(a.real(0)), integral && a.isInteger(0));
}

double cotangent(double x) { return 1.0 / std::tan(x); }
double degreesOf(double x) { return x * 180.0 / M_PI; }
double radiansOf(double x) { return x * M_PI / 180.0; }
double signOf(double x) { return x > 0 ? 1 : x < 0 ? -1 : 0; }

// The date/time part functions: DAYOFMONTH, HOUR ...
template <int (*part)(const Instant&)>
void datePart(const Args& a, SessionState&) {
  if (a.anyNull()) return sqlite3_result_null(a.context);
  const auto at = instantOf(a.text(0));
  if (!at) return sqlite3_result_null(a.context);  // not a date: no part (as SQLite's strftime)
  sqlite3_result_int(a.context, part(*at));
}

int yearOf(const Instant& x) { return x.parts.year; }
int monthOf(const Instant& x) { return x.parts.month; }
int dayOf(const Instant& x) { return x.parts.day; }
int hourOf(const Instant& x) { return x.parts.hour; }
int minuteOf(const Instant& x) { return x.parts.minute; }
int secondOf(const Instant& x) { return x.parts.second; }
int quarterOf(const Instant& x) { return (x.parts.month - 1) / 3 + 1; }
int weekOf(const Instant& x) { return weekOfYear(x); }
int dayOfWeekOf(const Instant& x) { return weekdayOf(x.days) + 1; }  // 1 = Sunday
int dayOfYearOf(const Instant& x) {
  return static_cast<int>(x.days - daysFromCivil(x.parts.year, 1, 1)) + 1;
}

const std::vector<FunctionSpec>& specs() {
  static const std::vector<FunctionSpec> list = {
      // Strings (characters, not bytes).
      {"odbc_left", 2,
       [](const Args& a, SessionState&) {
         if (a.anyNull()) return sqlite3_result_null(a.context);
         resultText(a.context, characters(a.text(0), 0, a.integer(1)));
       }},
      {"odbc_right", 2,
       [](const Args& a, SessionState&) {
         if (a.anyNull()) return sqlite3_result_null(a.context);
         const std::string s = a.text(0);
         const long long n = std::max<long long>(a.integer(1), 0);
         resultText(a.context, characters(s, characterCount(s) - n, n));
       }},
      {"odbc_insert", 4,
       [](const Args& a, SessionState&) {  // INSERT(s, start, length, new): replace `length` characters at `start`
         if (a.anyNull()) return sqlite3_result_null(a.context);
         const std::string s = a.text(0);
         const long long start = std::max<long long>(a.integer(1), 1) - 1;
         const long long length = std::max<long long>(a.integer(2), 0);
         resultText(a.context, characters(s, 0, start) + a.text(3) + characters(s, start + length, characterCount(s)));
       }},
      {"odbc_locate", -1,
       [](const Args& a, SessionState&) {  // LOCATE(needle, haystack[, start]): 1-based, 0 when absent
         if (a.count < 2 || a.count > 3) throw Error(sqlstate::kSyntaxErrorOrAccessViolation, "LOCATE takes 2 or 3 arguments.");
         if (a.anyNull()) return sqlite3_result_null(a.context);
         const std::string needle = a.text(0);
         const std::string hay = a.text(1);
         const long long start = a.count == 3 ? std::max<long long>(a.integer(2), 1) : 1;
         const auto starts = characterStarts(hay);
         if (start > static_cast<long long>(starts.size())) return sqlite3_result_int(a.context, 0);
         const auto found = hay.find(needle, starts[static_cast<std::size_t>(start - 1)]);
         if (found == std::string::npos) return sqlite3_result_int(a.context, 0);
         sqlite3_result_int64(a.context, std::lower_bound(starts.begin(), starts.end(), found) - starts.begin() + 1);
       }},
      {"odbc_repeat", 2,
       [](const Args& a, SessionState&) {
         if (a.anyNull()) return sqlite3_result_null(a.context);
         const std::string s = a.text(0);
         const long long n = std::max<long long>(a.integer(1), 0);
         if (static_cast<double>(s.size()) * static_cast<double>(n) > 100e6) {
           throw Error(sqlstate::kStringRightTruncated, "REPEAT would make a string over 100 MB.");
         }
         std::string out;
         for (long long i = 0; i < n; ++i) out += s;
         resultText(a.context, out);
       }},
      {"odbc_space", 1,
       [](const Args& a, SessionState&) {
         if (a.anyNull()) return sqlite3_result_null(a.context);
         resultText(a.context, std::string(static_cast<std::size_t>(std::clamp<long long>(a.integer(0), 0, 100'000'000)), ' '));
       }},
      {"odbc_char_length", 1,
       [](const Args& a, SessionState&) {
         if (a.anyNull()) return sqlite3_result_null(a.context);
         sqlite3_result_int64(a.context, characterCount(a.text(0)));
       }},
      {"odbc_length", 1,
       [](const Args& a, SessionState&) {  // LENGTH: characters, trailing blanks excluded
         if (a.anyNull()) return sqlite3_result_null(a.context);
         std::string s = a.text(0);
         while (!s.empty() && s.back() == ' ') s.pop_back();
         sqlite3_result_int64(a.context, characterCount(s));
       }},
      {"odbc_octet_length", 1,
       [](const Args& a, SessionState&) {
         if (a.anyNull()) return sqlite3_result_null(a.context);
         sqlite3_result_int64(a.context, sqlite3_value_bytes(a.values[0]));
       }},
      {"odbc_bit_length", 1,
       [](const Args& a, SessionState&) {
         if (a.anyNull()) return sqlite3_result_null(a.context);
         sqlite3_result_int64(a.context, 8LL * sqlite3_value_bytes(a.values[0]));
       }},
      {"odbc_soundex", 1,
       [](const Args& a, SessionState&) {
         if (a.anyNull()) return sqlite3_result_null(a.context);
         resultText(a.context, soundex(a.text(0)));
       }},
      {"odbc_difference", 2,
       [](const Args& a, SessionState&) {  // DIFFERENCE: how many of the four SOUNDEX characters agree
         if (a.anyNull()) return sqlite3_result_null(a.context);
         const std::string x = soundex(a.text(0));
         const std::string y = soundex(a.text(1));
         int same = 0;
         for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i) same += x[i] == y[i];
         sqlite3_result_int(a.context, same);
       }},
      // Numbers.
      {"odbc_acos", 1, unaryMath<std::acos, false>},
      {"odbc_asin", 1, unaryMath<std::asin, false>},
      {"odbc_atan", 1, unaryMath<std::atan, false>},
      {"odbc_ceiling", 1, unaryMath<std::ceil, true>},
      {"odbc_cos", 1, unaryMath<std::cos, false>},
      {"odbc_cot", 1, unaryMath<cotangent, false>},
      {"odbc_degrees", 1, unaryMath<degreesOf, false>},
      {"odbc_exp", 1, unaryMath<std::exp, false>},
      {"odbc_floor", 1, unaryMath<std::floor, true>},
      {"odbc_log", 1, unaryMath<std::log, false>},
      {"odbc_log10", 1, unaryMath<std::log10, false>},
      {"odbc_radians", 1, unaryMath<radiansOf, false>},
      {"odbc_sign", 1, unaryMath<signOf, true>},
      {"odbc_sin", 1, unaryMath<std::sin, false>},
      {"odbc_sqrt", 1, unaryMath<std::sqrt, false>},
      {"odbc_tan", 1, unaryMath<std::tan, false>},
      {"odbc_atan2", 2,
       [](const Args& a, SessionState&) {
         if (a.anyNull()) return sqlite3_result_null(a.context);
         resultNumber(a.context, std::atan2(a.real(0), a.real(1)), false);
       }},
      {"odbc_power", 2,
       [](const Args& a, SessionState&) {
         if (a.anyNull()) return sqlite3_result_null(a.context);
         resultNumber(a.context, std::pow(a.real(0), a.real(1)), a.isInteger(0) && a.isInteger(1) && a.integer(1) >= 0);
       }},
      {"odbc_mod", 2,
       [](const Args& a, SessionState&) {
         if (a.anyNull()) return sqlite3_result_null(a.context);
         if (a.isInteger(0) && a.isInteger(1)) {
           if (a.integer(1) == 0) return sqlite3_result_null(a.context);
           return sqlite3_result_int64(a.context, a.integer(0) % a.integer(1));
         }
         resultNumber(a.context, std::fmod(a.real(0), a.real(1)), false);
       }},
      {"odbc_pi", 0, [](const Args& a, SessionState&) { sqlite3_result_double(a.context, M_PI); }},
      {"odbc_rand", -1,
       [](const Args& a, SessionState&) {
         static thread_local std::mt19937_64 generator(std::random_device{}());
         if (a.count == 1 && !a.null(0)) generator.seed(static_cast<std::uint64_t>(a.integer(0)));
         sqlite3_result_double(a.context, std::uniform_real_distribution<double>(0.0, 1.0)(generator));
       },
       false},
      {"odbc_round", 2,
       [](const Args& a, SessionState&) {  // ROUND(x, n): n < 0 rounds left of the decimal point
         if (a.anyNull()) return sqlite3_result_null(a.context);
         const double scale = std::pow(10.0, static_cast<double>(a.integer(1)));
         resultNumber(a.context, std::round(a.real(0) * scale) / scale, a.isInteger(0) || a.integer(1) <= 0);
       }},
      {"odbc_truncate", 2,
       [](const Args& a, SessionState&) {  // TRUNCATE(x, n): toward zero, n digits kept
         if (a.anyNull()) return sqlite3_result_null(a.context);
         const double scale = std::pow(10.0, static_cast<double>(a.integer(1)));
         resultNumber(a.context, std::trunc(a.real(0) * scale) / scale, a.isInteger(0) || a.integer(1) <= 0);
       }},
      // Dates and times.
      {"odbc_year", 1, datePart<yearOf>},
      {"odbc_month", 1, datePart<monthOf>},
      {"odbc_dayofmonth", 1, datePart<dayOf>},
      {"odbc_hour", 1, datePart<hourOf>},
      {"odbc_minute", 1, datePart<minuteOf>},
      {"odbc_second", 1, datePart<secondOf>},
      {"odbc_quarter", 1, datePart<quarterOf>},
      {"odbc_week", 1, datePart<weekOf>},
      {"odbc_dayofweek", 1, datePart<dayOfWeekOf>},
      {"odbc_dayofyear", 1, datePart<dayOfYearOf>},
      {"odbc_dayname", 1,
       [](const Args& a, SessionState&) {
         static constexpr std::array<const char*, 7> kNames = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                                               "Thursday", "Friday", "Saturday"};
         const auto at = a.anyNull() ? std::nullopt : instantOf(a.text(0));
         if (!at) return sqlite3_result_null(a.context);
         resultText(a.context, kNames[static_cast<std::size_t>(weekdayOf(at->days))]);
       }},
      {"odbc_monthname", 1,
       [](const Args& a, SessionState&) {
         static constexpr std::array<const char*, 12> kNames = {"January", "February", "March",     "April",
                                                                "May",     "June",     "July",      "August",
                                                                "September", "October", "November", "December"};
         const auto at = a.anyNull() ? std::nullopt : instantOf(a.text(0));
         if (!at) return sqlite3_result_null(a.context);
         resultText(a.context, kNames[static_cast<std::size_t>(at->parts.month - 1)]);
       }},
      {"odbc_extract", 2,
       [](const Args& a, SessionState&) {  // EXTRACT(field FROM x); SECOND keeps its fraction
         if (a.anyNull()) return sqlite3_result_null(a.context);
         const auto at = instantOf(a.text(1));
         if (!at) return sqlite3_result_null(a.context);
         switch (intervalOf("EXTRACT", a.text(0))) {
           case Interval::Year: return sqlite3_result_int(a.context, yearOf(*at));
           case Interval::Quarter: return sqlite3_result_int(a.context, quarterOf(*at));
           case Interval::Month: return sqlite3_result_int(a.context, monthOf(*at));
           case Interval::Week: return sqlite3_result_int(a.context, weekOf(*at));
           case Interval::Day: return sqlite3_result_int(a.context, dayOf(*at));
           case Interval::Hour: return sqlite3_result_int(a.context, hourOf(*at));
           case Interval::Minute: return sqlite3_result_int(a.context, minuteOf(*at));
           case Interval::Second:
             return resultNumber(a.context, at->parts.second + at->parts.fraction_ns / 1e9, true);
           case Interval::FracSecond: return sqlite3_result_int64(a.context, at->parts.fraction_ns);
         }
       }},
      {"odbc_timestampadd", 3,
       [](const Args& a, SessionState&) {
         if (a.anyNull()) return sqlite3_result_null(a.context);
         const Interval interval = intervalOf("TIMESTAMPADD", a.text(0));
         resultText(a.context, timestampAdd(interval, a.integer(1), requireInstant("TIMESTAMPADD", a.text(2))));
       }},
      {"odbc_timestampdiff", 3,
       [](const Args& a, SessionState&) {
         if (a.anyNull()) return sqlite3_result_null(a.context);
         const Interval interval = intervalOf("TIMESTAMPDIFF", a.text(0));
         sqlite3_result_int64(a.context, timestampDiff(interval, requireInstant("TIMESTAMPDIFF", a.text(1)),
                                                       requireInstant("TIMESTAMPDIFF", a.text(2))));
       }},
      // CAST targets SQLite has no meaning for (its DATE is a number).
      {"odbc_cast_date", 1,
       [](const Args& a, SessionState&) {
         if (a.anyNull() || a.text(0).empty()) return sqlite3_result_null(a.context);
         const Instant at = requireInstant("CAST(... AS DATE)", a.text(0));
         resultText(a.context, formatDate(at.parts));
       }},
      {"odbc_cast_timestamp", 1,
       [](const Args& a, SessionState&) {
         if (a.anyNull() || a.text(0).empty()) return sqlite3_result_null(a.context);
         const Instant at = requireInstant("CAST(... AS TIMESTAMP)", a.text(0));
         resultText(a.context, formatInstant(at.days, at.nanos));
       }},
      {"odbc_cast_time", 1,
       [](const Args& a, SessionState&) {
         if (a.anyNull() || a.text(0).empty()) return sqlite3_result_null(a.context);
         const Instant at = requireInstant("CAST(... AS TIME)", a.text(0));
         resultText(a.context, formatTime(at.parts));
       }},
      {"odbc_cast_decimal", 2,
       [](const Args& a, SessionState&) {  // CAST(x AS DECIMAL(p, s)): rounded to s digits
         if (a.null(0)) return sqlite3_result_null(a.context);
         const int type = sqlite3_value_numeric_type(a.values[0]);
         if (type != SQLITE_INTEGER && type != SQLITE_FLOAT) {
           throw Error(sqlstate::kInvalidCharacterValue,
                       "Invalid character value for cast specification: '" + a.text(0).substr(0, 40) + "' is not a number.");
         }
         const long long digits = a.null(1) ? 0 : a.integer(1);
         const double scale = std::pow(10.0, static_cast<double>(digits));
         resultNumber(a.context, std::round(a.real(0) * scale) / scale, digits <= 0);
       }},
      {"odbc_cast_varchar", 2,
       [](const Args& a, SessionState&) {  // CAST(x AS VARCHAR(n)): the first n characters
         if (a.null(0)) return sqlite3_result_null(a.context);
         resultText(a.context, a.null(1) ? a.text(0) : characters(a.text(0), 0, a.integer(1)));
       }},
      // System.
      {"odbc_user", 0,
       [](const Args& a, SessionState& state) {
         resultText(a.context, state.server.user_email.empty() ? state.server.user_name : state.server.user_email);
       }},
      {"odbc_database", 0, [](const Args& a, SessionState&) { resultText(a.context, ""); }},
  };
  return list;
}

}  // namespace

void registerOdbcFunctions(SessionState& state) {
  for (const auto& spec : specs()) {
    const int flags = SQLITE_UTF8 | (spec.deterministic ? SQLITE_DETERMINISTIC : 0);
    // One trampoline for all: the spec travels as the function's user data next to the state.
    const int rc = sqlite3_create_function_v2(
        state.db, spec.name, spec.arguments, flags, new std::pair<SessionState*, const FunctionSpec*>(&state, &spec),
        cCallback(+[](sqlite3_context* context, int argc, sqlite3_value** argv) noexcept {
          auto* bound = static_cast<std::pair<SessionState*, const FunctionSpec*>*>(sqlite3_user_data(context));
          guardedFunctionCall(context, *bound->first,
                              [&] { bound->second->body(Args{context, argc, argv}, *bound->first); });
        }),
        nullptr, nullptr,
        cCallback(+[](void* data) noexcept { delete static_cast<std::pair<SessionState*, const FunctionSpec*>*>(data); }));
    if (rc != SQLITE_OK) throw Error(sqlstate::kGeneralError, std::string("Cannot register SQL function ") + spec.name);
  }
}

std::optional<DataType> functionResultType(std::string_view raw_name) {
  std::string name(raw_name);
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::vector<std::pair<std::string_view, DataType>> known = {
      {"count", DataType::BigInt},           {"length", DataType::BigInt},        {"instr", DataType::BigInt},
      {"unicode", DataType::BigInt},         {"changes", DataType::BigInt},       {"row_number", DataType::BigInt},
      {"rank", DataType::BigInt},            {"dense_rank", DataType::BigInt},    {"ntile", DataType::BigInt},
      {"random", DataType::BigInt},          {"sum", DataType::Double},           {"total", DataType::Double},
      {"avg", DataType::Double},             {"round", DataType::Double},         {"abs", DataType::Double},
      {"upper", DataType::Varchar},          {"lower", DataType::Varchar},        {"trim", DataType::Varchar},
      {"ltrim", DataType::Varchar},          {"rtrim", DataType::Varchar},        {"substr", DataType::Varchar},
      {"substring", DataType::Varchar},      {"replace", DataType::Varchar},      {"group_concat", DataType::LongVarchar},
      {"printf", DataType::Varchar},         {"format", DataType::Varchar},       {"quote", DataType::Varchar},
      {"hex", DataType::Varchar},            {"typeof", DataType::Varchar},       {"char", DataType::Varchar},
      {"date", DataType::Date},              {"time", DataType::Time},            {"datetime", DataType::Timestamp},
      {"odbc_left", DataType::Varchar},      {"odbc_right", DataType::Varchar},   {"odbc_insert", DataType::Varchar},
      {"odbc_repeat", DataType::Varchar},    {"odbc_space", DataType::Varchar},   {"odbc_soundex", DataType::Varchar},
      {"odbc_locate", DataType::BigInt},     {"odbc_char_length", DataType::BigInt}, {"odbc_length", DataType::BigInt},
      {"odbc_octet_length", DataType::BigInt}, {"odbc_bit_length", DataType::BigInt}, {"odbc_difference", DataType::BigInt},
      {"odbc_acos", DataType::Double},       {"odbc_asin", DataType::Double},     {"odbc_atan", DataType::Double},
      {"odbc_atan2", DataType::Double},      {"odbc_cos", DataType::Double},      {"odbc_cot", DataType::Double},
      {"odbc_degrees", DataType::Double},    {"odbc_exp", DataType::Double},      {"odbc_log", DataType::Double},
      {"odbc_log10", DataType::Double},      {"odbc_pi", DataType::Double},       {"odbc_radians", DataType::Double},
      {"odbc_rand", DataType::Double},       {"odbc_sin", DataType::Double},      {"odbc_sqrt", DataType::Double},
      {"odbc_tan", DataType::Double},        {"odbc_year", DataType::Integer},    {"odbc_month", DataType::Integer},
      {"odbc_dayofmonth", DataType::Integer}, {"odbc_hour", DataType::Integer},   {"odbc_minute", DataType::Integer},
      {"odbc_second", DataType::Integer},    {"odbc_quarter", DataType::Integer}, {"odbc_week", DataType::Integer},
      {"odbc_dayofweek", DataType::Integer}, {"odbc_dayofyear", DataType::Integer}, {"odbc_dayname", DataType::Varchar},
      {"odbc_monthname", DataType::Varchar}, {"odbc_timestampadd", DataType::Timestamp},
      {"odbc_timestampdiff", DataType::BigInt}, {"odbc_cast_date", DataType::Date},
      {"odbc_cast_timestamp", DataType::Timestamp}, {"odbc_cast_time", DataType::Time},
      {"odbc_cast_varchar", DataType::Varchar}, {"odbc_cast_decimal", DataType::Decimal}, {"odbc_user", DataType::Varchar}, {"odbc_database", DataType::Varchar},
  };
  for (const auto& [known_name, type] : known) {
    if (known_name == name) return type;
  }
  return std::nullopt;
}

}  // namespace monday::engine
