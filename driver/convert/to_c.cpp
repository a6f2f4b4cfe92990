#include "driver/convert/to_c.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>

#include "driver/common/datetime.h"
#include "driver/convert/type_info.h"
#include "driver/convert/utf.h"
#include "driver/convert/wide.h"

namespace monday::convert {

namespace {

// GCC/Clang's 128-bit integers: exact range checks for every C integer type, and the 38 digits
// SQL_NUMERIC_STRUCT can carry.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

// --- small helpers ---------------------------------------------------------------------------

bool isTextType(DataType t) { return t == DataType::Varchar || t == DataType::LongVarchar; }
bool isDateTimeType(DataType t) {
  return t == DataType::Date || t == DataType::Time || t == DataType::Timestamp;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string formatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
  if (ec != std::errc()) return "0";
  return std::string(buffer, end);
}

std::string hexOf(const std::vector<unsigned char>& bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0xF]);
  }
  return out;
}

[[noreturn]] void outOfRange(std::string_view what) {
  throw Error(sqlstate::kNumericOutOfRange,
              "Numeric value out of range: " + std::string(what) +
                  ". Fetch the column into a wider C type or as text (SQL_C_CHAR/SQL_C_WCHAR).");
}

[[noreturn]] void invalidCharacterValue(std::string_view text, std::string_view wanted) {
  std::string shown(text.substr(0, 40));
  if (text.size() > 40) shown += "...";
  throw Error(sqlstate::kInvalidCharacterValue,
              "Invalid character value for cast specification: '" + shown + "' is not " +
                  std::string(wanted) + ". Fetch the column as text (SQL_C_CHAR/SQL_C_WCHAR).");
}

[[noreturn]] void restrictedType(DataType source, SQLSMALLINT c_type) {
  throw Error(sqlstate::kRestrictedDataType,
              "Restricted data type attribute violation: a " +
                  std::string(declaredTypeName(source)) + " column cannot be converted to " +
                  std::string(cTypeName(c_type)) +
                  ". Use SQL_C_CHAR/SQL_C_WCHAR or the column's own C type.");
}

void addWarning(std::vector<Warning>& w, std::string_view state, std::string message) {
  w.push_back({std::string(state), std::move(message)});
}

void truncatedWarning(std::vector<Warning>& w) {
  addWarning(w, sqlstate::kStringTruncated,
             "String data, right truncated: the buffer was too small for the whole value. Call "
             "SQLGetData again for the rest, or use a larger buffer.");
}

void fractionalWarning(std::vector<Warning>& w) {
  addWarning(w, sqlstate::kFractionalTruncation,
             "Fractional truncation: digits or time parts that the C type cannot hold were "
             "dropped.");
}

// Writes the length of returned data; the indicator (when separate) says "not NULL".
void setLength(const CTarget& t, SQLLEN length) {
  if (t.octet_length) t.octet_length.set(length);
  if (t.indicator && !(t.indicator == t.octet_length)) t.indicator.set(0);
}

template <class T>
SQLRETURN storeFixed(const CTarget& t, const T& value) {
  if (t.data) std::memcpy(t.data, &value, sizeof(T));
  setLength(t, static_cast<SQLLEN>(sizeof(T)));
  return SQL_SUCCESS;
}

// --- numbers ----------------------------------------------------------------------------------

// A number as a value of the column: exact integer, exact decimal text, or double.
struct Number {
  enum class Kind { Int, Decimal, Double } kind = Kind::Int;
  std::int64_t i = 0;
  double d = 0;
  bool negative = false;
  std::string int_digits;   // Decimal: no sign, no leading zeros ("" for zero)
  std::string frac_digits;  // Decimal: trailing zeros kept (they are harmless)
};

// Parses SQL numeric literal text: [+-]digits[.digits][(e|E)[+-]digits], blanks around allowed.
std::optional<Number> parseNumber(std::string_view text) {
  std::string_view s = trimmed(text);
  if (s.empty()) return std::nullopt;
  Number n;
  std::size_t pos = 0;
  bool negative = false;
  if (s[pos] == '+' || s[pos] == '-') {
    negative = s[pos] == '-';
    ++pos;
  }
  const std::size_t int_start = pos;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
  std::string_view int_part = s.substr(int_start, pos - int_start);
  std::string_view frac_part;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    const std::size_t frac_start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    frac_part = s.substr(frac_start, pos - frac_start);
  }
  if (int_part.empty() && frac_part.empty()) return std::nullopt;
  if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
    ++pos;
    if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) ++pos;
    const std::size_t exp_start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == exp_start || pos != s.size()) return std::nullopt;
    std::string copy(s);
    double d = 0;
    auto [end, ec] = std::from_chars(copy.data(), copy.data() + copy.size(), d);
    if (end != copy.data() + copy.size() || (ec != std::errc() && ec != std::errc::result_out_of_range)) {
      return std::nullopt;
    }
    if (ec == std::errc::result_out_of_range) d = negative ? -HUGE_VAL : HUGE_VAL;
    n.kind = Number::Kind::Double;
    n.d = d;
    return n;
  }
  if (pos != s.size()) return std::nullopt;
  while (!int_part.empty() && int_part.front() == '0') int_part.remove_prefix(1);
  n.kind = Number::Kind::Decimal;
  n.negative = negative;
  n.int_digits = std::string(int_part);
  n.frac_digits = std::string(frac_part);
  return n;
}

bool isZeroDigits(std::string_view digits) {
  for (char c : digits) {
    if (c != '0') return false;
  }
  return true;
}

// The number a value stands for, under its declared type. Dates are not numbers (07006); text
// that does not read as a number is 22018.
Number numberOf(const Value& v, DataType type, SQLSMALLINT c_type) {
  if (isDateTimeType(type)) restrictedType(type, c_type);
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    Number n;
    n.kind = Number::Kind::Int;
    n.i = *i;
    return n;
  }
  if (const auto* d = std::get_if<double>(&v)) {
    Number n;
    n.kind = Number::Kind::Double;
    n.d = *d;
    return n;
  }
  if (const auto* s = std::get_if<std::string>(&v)) {
    if (type == DataType::Bit) {
      const std::string_view t = trimmed(*s);
      if (t == "true" || t == "TRUE" || t == "True") return numberOf(Value{std::int64_t{1}}, type, c_type);
      if (t == "false" || t == "FALSE" || t == "False") return numberOf(Value{std::int64_t{0}}, type, c_type);
    }
    if (auto n = parseNumber(*s)) return *n;
    invalidCharacterValue(*s, "a number");
  }
  restrictedType(type, c_type);  // Blob
}

// Converts to an integer in [lo, hi]; sets `fraction_lost` when digits after the point were cut.
Int128 integerOf(const Number& n, Int128 lo, Int128 hi, bool& fraction_lost, std::string_view what) {
  fraction_lost = false;
  switch (n.kind) {
    case Number::Kind::Int:
      if (n.i < lo || n.i > hi) outOfRange(what);
      return n.i;
    case Number::Kind::Double: {
      if (!std::isfinite(n.d)) outOfRange(what);
      const double t = std::trunc(n.d);
      if (t < static_cast<double>(lo) - 1.0 || t > static_cast<double>(hi) + 1.0) outOfRange(what);
      // Doubles near the 64-bit bounds are not exact; compare as integers after converting.
      if (std::fabs(t) >= 1.7e38) outOfRange(what);
      const Int128 value = static_cast<Int128>(t);
      if (value < lo || value > hi) outOfRange(what);
      fraction_lost = t != n.d;
      return value;
    }
    case Number::Kind::Decimal: {
      if (n.int_digits.size() > 38) outOfRange(what);
      Int128 value = 0;
      for (char c : n.int_digits) value = value * 10 + (c - '0');
      if (n.negative) value = -value;
      if (value < lo || value > hi) outOfRange(what);
      fraction_lost = !isZeroDigits(n.frac_digits);
      return value;
    }
  }
  return 0;
}

double doubleOf(const Number& n) {
  switch (n.kind) {
    case Number::Kind::Int: return static_cast<double>(n.i);
    case Number::Kind::Double: return n.d;
    case Number::Kind::Decimal: {
      std::string text = (n.negative ? "-" : "") + (n.int_digits.empty() ? "0" : n.int_digits);
      if (!n.frac_digits.empty()) text += "." + n.frac_digits;
      double d = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
      if (ec == std::errc::result_out_of_range) return n.negative ? -HUGE_VAL : HUGE_VAL;
      return d;
    }
  }
  return 0;
}

// Exact decimal digits of a number (doubles via their shortest round-trip form).
Number asDecimal(const Number& n) {
  if (n.kind == Number::Kind::Decimal) return n;
  std::string text;
  if (n.kind == Number::Kind::Int) {
    text = std::to_string(n.i);
  } else {
    if (!std::isfinite(n.d)) outOfRange("infinite or NaN double");
    char buffer[512];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n.d, std::chars_format::fixed);
    if (ec != std::errc()) outOfRange("double too large for SQL_C_NUMERIC");
    text.assign(buffer, end);
  }
  auto parsed = parseNumber(text);
  return parsed ? *parsed : Number{};
}

SQLRETURN toNumericStruct(const Number& source, const CTarget& t, std::vector<Warning>& w) {
  const Number n = asDecimal(source);
  const int precision = t.precision > 0 ? t.precision : 38;
  const int scale = t.scale > 0 ? t.scale : 0;
  std::string frac = n.frac_digits;
  bool lost = false;
  if (static_cast<int>(frac.size()) > scale) {
    lost = !isZeroDigits(std::string_view(frac).substr(static_cast<std::size_t>(scale)));
    frac.resize(static_cast<std::size_t>(scale));
  } else {
    frac.append(static_cast<std::size_t>(scale) - frac.size(), '0');
  }
  std::string digits = n.int_digits + frac;
  std::size_t first = digits.find_first_not_of('0');
  std::string significant = first == std::string::npos ? "" : digits.substr(first);
  if (static_cast<int>(significant.size()) > precision || significant.size() > 38) {
    outOfRange("more digits than SQL_C_NUMERIC precision " + std::to_string(precision));
  }
  UInt128 value = 0;
  for (char c : significant) value = value * 10 + static_cast<unsigned>(c - '0');
  SQL_NUMERIC_STRUCT out{};
  out.precision = static_cast<SQLCHAR>(precision);
  out.scale = static_cast<SQLSCHAR>(scale);
  out.sign = (n.negative && value != 0) ? 0 : 1;
  for (int k = 0; k < SQL_MAX_NUMERIC_LEN; ++k) {
    out.val[k] = static_cast<SQLCHAR>(value & 0xFF);
    value >>= 8;
  }
  storeFixed(t, out);
  if (lost) {
    fractionalWarning(w);
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

template <class T>
SQLRETURN toInteger(const Number& n, const CTarget& t, std::vector<Warning>& w) {
  bool lost = false;
  const Int128 value = integerOf(n, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(),
                                 lost, cTypeName(t.c_type));
  storeFixed(t, static_cast<T>(value));
  if (lost) {
    fractionalWarning(w);
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

SQLRETURN toBit(const Number& n, const CTarget& t, std::vector<Warning>& w) {
  // ODBC: 0 and 1 convert exactly; (0, 2) other than 1 truncates (01S07); the rest is 22003.
  bool lost = false;
  const Int128 value = integerOf(n, -1, 2, lost, "SQL_C_BIT (only 0 and 1 fit)");
  bool negative_fraction = false;
  if (n.kind == Number::Kind::Double) negative_fraction = n.d < 0;
  if (n.kind == Number::Kind::Decimal) negative_fraction = n.negative && value == 0 && lost;
  if (value < 0 || value > 1 || negative_fraction) outOfRange("SQL_C_BIT (only 0 and 1 fit)");
  storeFixed(t, static_cast<unsigned char>(value));
  if (lost) {
    fractionalWarning(w);
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

// --- dates --------------------------------------------------------------------------------------

std::optional<DateTimeParts> dateTimeOf(const Value& v, DataType type, SQLSMALLINT c_type) {
  if (!isDateTimeType(type) && !isTextType(type)) restrictedType(type, c_type);
  const auto* s = std::get_if<std::string>(&v);
  if (s == nullptr) {
    if (isTextType(type)) {
      invalidCharacterValue(valueAsText(v, type), "a date/time literal");
    }
    restrictedType(type, c_type);
  }
  std::optional<DateTimeParts> parts;
  switch (type) {
    case DataType::Date:
      parts = parseTimestamp(*s);
      break;
    case DataType::Time:
      parts = parseTime(*s);
      if (!parts) parts = parseTimestamp(*s);
      break;
    default:
      parts = parseTimestamp(*s);
      if (!parts) parts = parseTime(*s);
      break;
  }
  if (!parts) invalidCharacterValue(*s, "a valid date/time");
  return parts;
}

SQLRETURN toDate(const Value& v, DataType type, const CTarget& t, std::vector<Warning>& w) {
  if (type == DataType::Time) restrictedType(type, t.c_type);
  auto parts = dateTimeOf(v, type, t.c_type);
  if (!parts->has_date) invalidCharacterValue(std::get<std::string>(v), "a date");
  SQL_DATE_STRUCT out{};
  out.year = static_cast<SQLSMALLINT>(parts->year);
  out.month = static_cast<SQLUSMALLINT>(parts->month);
  out.day = static_cast<SQLUSMALLINT>(parts->day);
  storeFixed(t, out);
  if (parts->has_time && (parts->hour || parts->minute || parts->second || parts->fraction_ns)) {
    fractionalWarning(w);
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

SQLRETURN toTime(const Value& v, DataType type, const CTarget& t, std::vector<Warning>& w) {
  if (type == DataType::Date) restrictedType(type, t.c_type);
  auto parts = dateTimeOf(v, type, t.c_type);
  // A timestamp column holding a bare date means midnight; free text must name a time.
  if (!parts->has_time && type != DataType::Timestamp) {
    invalidCharacterValue(std::get<std::string>(v), "a time");
  }
  SQL_TIME_STRUCT out{};
  out.hour = static_cast<SQLUSMALLINT>(parts->hour);
  out.minute = static_cast<SQLUSMALLINT>(parts->minute);
  out.second = static_cast<SQLUSMALLINT>(parts->second);
  storeFixed(t, out);
  if (parts->fraction_ns != 0) {
    fractionalWarning(w);
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

SQLRETURN toTimestamp(const Value& v, DataType type, const CTarget& t) {
  auto parts = dateTimeOf(v, type, t.c_type);
  if (!parts->has_date) {
    const DateTimeParts today = currentUtcDate();
    parts->year = today.year;
    parts->month = today.month;
    parts->day = today.day;
  }
  SQL_TIMESTAMP_STRUCT out{};
  out.year = static_cast<SQLSMALLINT>(parts->year);
  out.month = static_cast<SQLUSMALLINT>(parts->month);
  out.day = static_cast<SQLUSMALLINT>(parts->day);
  out.hour = static_cast<SQLUSMALLINT>(parts->hour);
  out.minute = static_cast<SQLUSMALLINT>(parts->minute);
  out.second = static_cast<SQLUSMALLINT>(parts->second);
  out.fraction = parts->fraction_ns;
  return storeFixed(t, out);
}

// --- intervals and GUIDs ---------------------------------------------------------------------

bool isSingleFieldInterval(SQLSMALLINT c) {
  return c == SQL_C_INTERVAL_YEAR || c == SQL_C_INTERVAL_MONTH || c == SQL_C_INTERVAL_DAY ||
         c == SQL_C_INTERVAL_HOUR || c == SQL_C_INTERVAL_MINUTE || c == SQL_C_INTERVAL_SECOND;
}

bool isIntervalCType(SQLSMALLINT c) { return c >= SQL_C_INTERVAL_YEAR && c <= SQL_C_INTERVAL_MINUTE_TO_SECOND; }

// The interval's fields, from text written as ODBC writes interval values: '5', '-1-6' (YEAR TO
// MONTH), '3 04:05:06.5' (DAY TO SECOND) ...; INTERVAL '...' <fields> is accepted around it.
std::optional<SQL_INTERVAL_STRUCT> parseInterval(std::string_view text, SQLSMALLINT c_type) {
  text = trimmed(text);
  if (text.size() > 9 && (text.substr(0, 8) == "INTERVAL" || text.substr(0, 8) == "interval")) {
    const auto open = text.find('\'');
    const auto close = text.rfind('\'');
    if (open == std::string_view::npos || close <= open) return std::nullopt;
    text = trimmed(text.substr(open + 1, close - open - 1));
  }
  SQL_INTERVAL_STRUCT out{};
  out.interval_type = static_cast<SQLINTERVAL>(c_type - SQL_C_INTERVAL_YEAR + SQL_IS_YEAR);
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    out.interval_sign = text.front() == '-' ? SQL_TRUE : SQL_FALSE;
    text.remove_prefix(1);
  }
  // Numbers separated by the layout's separators; the last may carry a fraction (seconds).
  std::vector<SQLUINTEGER> fields;
  SQLUINTEGER fraction = 0;
  std::string separators;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (start == i) return std::nullopt;
    unsigned long long value = 0;
    std::from_chars(text.data() + start, text.data() + i, value);
    if (value > 0xFFFFFFFFull) return std::nullopt;
    fields.push_back(static_cast<SQLUINTEGER>(value));
    if (i < text.size() && text[i] == '.') {
      std::size_t f = ++i;
      while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
      std::string digits(text.substr(f, i - f));
      digits.resize(9, '0');
      fraction = static_cast<SQLUINTEGER>(std::stoul(digits.substr(0, 9)));
      if (i != text.size()) return std::nullopt;
      break;
    }
    if (i < text.size()) separators.push_back(text[i++]);
  }
  auto layout = [&](std::size_t count, std::string_view seps) { return fields.size() == count && separators == seps; };
  auto& ym = out.intval.year_month;
  auto& ds = out.intval.day_second;
  switch (c_type) {
    case SQL_C_INTERVAL_YEAR: if (!layout(1, "")) return std::nullopt; ym.year = fields[0]; break;
    case SQL_C_INTERVAL_MONTH: if (!layout(1, "")) return std::nullopt; ym.month = fields[0]; break;
    case SQL_C_INTERVAL_YEAR_TO_MONTH:
      if (!layout(2, "-") || fields[1] > 11) return std::nullopt;
      ym.year = fields[0];
      ym.month = fields[1];
      break;
    case SQL_C_INTERVAL_DAY: if (!layout(1, "")) return std::nullopt; ds.day = fields[0]; break;
    case SQL_C_INTERVAL_HOUR: if (!layout(1, "")) return std::nullopt; ds.hour = fields[0]; break;
    case SQL_C_INTERVAL_MINUTE: if (!layout(1, "")) return std::nullopt; ds.minute = fields[0]; break;
    case SQL_C_INTERVAL_SECOND: if (!layout(1, "")) return std::nullopt; ds.second = fields[0]; ds.fraction = fraction; break;
    case SQL_C_INTERVAL_DAY_TO_HOUR:
      if (!layout(2, " ") || fields[1] > 23) return std::nullopt;
      ds.day = fields[0], ds.hour = fields[1];
      break;
    case SQL_C_INTERVAL_DAY_TO_MINUTE:
      if (!layout(3, " :") || fields[1] > 23 || fields[2] > 59) return std::nullopt;
      ds.day = fields[0], ds.hour = fields[1], ds.minute = fields[2];
      break;
    case SQL_C_INTERVAL_DAY_TO_SECOND:
      if (!layout(4, " ::") || fields[1] > 23 || fields[2] > 59 || fields[3] > 59) return std::nullopt;
      ds.day = fields[0], ds.hour = fields[1], ds.minute = fields[2], ds.second = fields[3], ds.fraction = fraction;
      break;
    case SQL_C_INTERVAL_HOUR_TO_MINUTE:
      if (!layout(2, ":") || fields[1] > 59) return std::nullopt;
      ds.hour = fields[0], ds.minute = fields[1];
      break;
    case SQL_C_INTERVAL_HOUR_TO_SECOND:
      if (!layout(3, "::") || fields[1] > 59 || fields[2] > 59) return std::nullopt;
      ds.hour = fields[0], ds.minute = fields[1], ds.second = fields[2], ds.fraction = fraction;
      break;
    case SQL_C_INTERVAL_MINUTE_TO_SECOND:
      if (!layout(2, ":") || fields[1] > 59) return std::nullopt;
      ds.minute = fields[0], ds.second = fields[1], ds.fraction = fraction;
      break;
    default: return std::nullopt;
  }
  return out;
}

// Exact numbers become single-field intervals; text any interval it spells (the reference's
// conversion table). Approximate numbers, dates and bytes are 07006.
SQLRETURN toInterval(const Value& v, DataType type, const CTarget& t, std::vector<Warning>& w) {
  if (isTextType(type)) {
    const auto* text = std::get_if<std::string>(&v);
    if (!text) restrictedType(type, t.c_type);
    auto parsed = parseInterval(*text, t.c_type);
    if (!parsed) invalidCharacterValue(*text, "an interval of this C type");
    return storeFixed(t, *parsed);
  }
  const bool exact = type == DataType::Bit || type == DataType::Integer || type == DataType::BigInt || type == DataType::Decimal;
  if (!exact || !isSingleFieldInterval(t.c_type)) restrictedType(type, t.c_type);
  const Number n = numberOf(v, type, t.c_type);
  bool fraction_lost = false;
  const Int128 whole = integerOf(n, -Int128{0xFFFFFFFF}, Int128{0xFFFFFFFF}, fraction_lost, "an interval field");
  SQL_INTERVAL_STRUCT out{};
  out.interval_type = static_cast<SQLINTERVAL>(t.c_type - SQL_C_INTERVAL_YEAR + SQL_IS_YEAR);
  out.interval_sign = whole < 0 ? SQL_TRUE : SQL_FALSE;
  const auto magnitude = static_cast<SQLUINTEGER>(whole < 0 ? -whole : whole);
  switch (t.c_type) {
    case SQL_C_INTERVAL_YEAR: out.intval.year_month.year = magnitude; break;
    case SQL_C_INTERVAL_MONTH: out.intval.year_month.month = magnitude; break;
    case SQL_C_INTERVAL_DAY: out.intval.day_second.day = magnitude; break;
    case SQL_C_INTERVAL_HOUR: out.intval.day_second.hour = magnitude; break;
    case SQL_C_INTERVAL_MINUTE: out.intval.day_second.minute = magnitude; break;
    default: out.intval.day_second.second = magnitude; break;
  }
  storeFixed(t, out);
  if (fraction_lost) {
    fractionalWarning(w);
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

// Text holding a GUID ('{6F9619FF-8B86-D011-B42D-00C04FC964FF}', braces optional).
SQLRETURN toGuid(const Value& v, DataType type, const CTarget& t) {
  const auto* text = std::get_if<std::string>(&v);
  if (!isTextType(type) || !text) restrictedType(type, t.c_type);
  std::string_view s = trimmed(*text);
  if (s.size() == 38 && s.front() == '{' && s.back() == '}') s = s.substr(1, 36);
  auto hex = [&](std::size_t at, std::size_t digits, unsigned long long& out) {
    if (at + digits > s.size()) return false;
    auto [end, ec] = std::from_chars(s.data() + at, s.data() + at + digits, out, 16);
    return ec == std::errc() && end == s.data() + at + digits;
  };
  SQLGUID guid{};
  unsigned long long part = 0;
  bool ok = s.size() == 36 && s[8] == '-' && s[13] == '-' && s[18] == '-' && s[23] == '-';
  ok = ok && hex(0, 8, part);
  guid.Data1 = static_cast<decltype(guid.Data1)>(part);
  ok = ok && hex(9, 4, part);
  guid.Data2 = static_cast<SQLUSMALLINT>(part);
  ok = ok && hex(14, 4, part);
  guid.Data3 = static_cast<SQLUSMALLINT>(part);
  for (int i = 0; ok && i < 8; ++i) {
    ok = hex(i < 2 ? 19 + 2 * i : 24 + 2 * (i - 2), 2, part);
    guid.Data4[i] = static_cast<unsigned char>(part);
  }
  if (!ok) invalidCharacterValue(*text, "a GUID");
  return storeFixed(t, guid);
}

// --- character and binary output ---------------------------------------------------------------

// Returns the next piece of a long value (text or binary), continuing where the previous
// SQLGetData call stopped. `terminate` adds a NUL (char/wchar); the length reported is what was
// left before this call, in bytes.
template <class CharT, class Prefix>
SQLRETURN writePiece(std::basic_string_view<CharT> full, const CTarget& t, GetDataProgress* p,
                     bool terminate, Prefix prefix, std::vector<Warning>& w) {
  const std::size_t offset = p ? p->offset : 0;
  const std::basic_string_view<CharT> rest = full.substr(std::min(offset, full.size()));
  std::size_t room = 0;
  bool can_write = false;
  if (t.data != nullptr && t.buffer_length > 0) {
    room = static_cast<std::size_t>(t.buffer_length) / sizeof(CharT);
    if (terminate) {
      can_write = room >= 1;
      room = room >= 1 ? room - 1 : 0;
    } else {
      can_write = true;
    }
  }
  const std::size_t n = can_write ? prefix(rest, room) : 0;
  if (can_write) {
    std::memcpy(t.data, rest.data(), n * sizeof(CharT));
    if (terminate) static_cast<CharT*>(t.data)[n] = CharT{0};
  }
  setLength(t, static_cast<SQLLEN>(rest.size() * sizeof(CharT)));
  if (p) {
    p->started = true;
    p->offset = offset + n;
    if (n >= rest.size()) p->finished = true;
  }
  if (n < rest.size()) {
    truncatedWarning(w);
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

SQLRETURN writeTextPiece(const CTarget& t, GetDataProgress* p, const std::string& text,
                         std::vector<Warning>& w) {
  if (t.c_type == SQL_C_WCHAR && wideForm() == WideForm::Utf32) {
    std::u32string local;
    const std::u32string* wide = &local;
    if (p) {
      if (!p->started) p->cached_wide32 = utf8ToWide(text).utf32;
      wide = &p->cached_wide32;
    } else {
      local = utf8ToWide(text).utf32;
    }
    return writePiece<char32_t>(*wide, t, p, true,
                                [](std::u32string_view s, std::size_t room) { return std::min(room, s.size()); }, w);
  }
  if (t.c_type == SQL_C_WCHAR) {
    std::u16string local;
    const std::u16string* wide = &local;
    if (p) {
      if (!p->started) p->cached_wide = utf8ToUtf16(text);
      wide = &p->cached_wide;
    } else {
      local = utf8ToUtf16(text);
    }
    return writePiece<char16_t>(*wide, t, p, true, utf16PrefixLength, w);
  }
  const std::string* source = &text;
  if (p) {
    if (!p->started) p->cached = text;
    source = &p->cached;
  }
  if (t.c_type == SQL_C_BINARY) {
    return writePiece<char>(*source, t, p, false,
                            [](std::string_view s, std::size_t room) { return std::min(room, s.size()); }, w);
  }
  return writePiece<char>(*source, t, p, true, utf8PrefixLength, w);
}

enum class WholeKind { Exact, Approximate, Date, TimeOrTimestamp };

// Numbers and dates as text: all of it fits, or only fractional digits may be cut (01004),
// otherwise 22003 — a number must never come back with integer digits missing.
SQLRETURN writeWholeText(const std::string& text, WholeKind kind, const CTarget& t,
                         GetDataProgress* p, std::vector<Warning>& w) {
  const std::size_t unit = t.c_type == SQL_C_WCHAR ? wideUnitSize() : 1;
  const SQLLEN full_bytes = static_cast<SQLLEN>(text.size() * unit);  // ASCII: 1 char = 1 unit
  if (p) {
    p->started = true;
    p->finished = true;
  }
  if (t.data == nullptr) {
    setLength(t, full_bytes);
    truncatedWarning(w);
    return SQL_SUCCESS_WITH_INFO;
  }
  const std::size_t capacity = t.buffer_length > 0 ? static_cast<std::size_t>(t.buffer_length) / unit : 0;
  std::size_t n = text.size();
  bool cut = false;
  if (text.size() + 1 > capacity) {
    const std::size_t point = text.find('.');
    const bool has_exponent = text.find_first_of("eE") != std::string::npos;
    const bool may_cut_fraction = (kind == WholeKind::Approximate || kind == WholeKind::TimeOrTimestamp) &&
                                  point != std::string::npos && !has_exponent;
    // Integer part (or the date and seconds) must fit with the terminator.
    if (!may_cut_fraction || capacity < point + 1) {
      throw Error(sqlstate::kNumericOutOfRange,
                  "Numeric value out of range: '" + text + "' needs a buffer of " +
                      std::to_string((text.size() + 1) * unit) + " bytes, the application gave " +
                      std::to_string(t.buffer_length) + ".");
    }
    n = capacity - 1;
    if (n > point && n == point + 1) n = point;  // never end with a bare '.'
    cut = true;
  }
  if (unit == 1) {
    auto* out = static_cast<char*>(t.data);
    std::memcpy(out, text.data(), n);
    out[n] = '\0';
  } else if (unit == 4) {
    auto* out = static_cast<char32_t*>(t.data);
    for (std::size_t k = 0; k < n; ++k) out[k] = static_cast<char32_t>(static_cast<unsigned char>(text[k]));
    out[n] = U'\0';
  } else {
    auto* out = static_cast<char16_t*>(t.data);
    for (std::size_t k = 0; k < n; ++k) out[k] = static_cast<char16_t>(static_cast<unsigned char>(text[k]));
    out[n] = u'\0';
  }
  setLength(t, full_bytes);
  if (cut) {
    truncatedWarning(w);
    return SQL_SUCCESS_WITH_INFO;
  }
  return SQL_SUCCESS;
}

SQLRETURN toCharacter(const Value& v, DataType type, const CTarget& t, GetDataProgress* p,
                      std::vector<Warning>& w) {
  // Binary blobs and text columns stream in pieces; typed values are returned whole.
  if (isTextType(type) || std::holds_alternative<Blob>(v)) {
    if (p && p->started) {
      const std::string empty;
      return writeTextPiece(t, p, empty, w);  // continues from the cached payload
    }
    return writeTextPiece(t, p, valueAsText(v, type), w);
  }
  const std::string text = valueAsText(v, type);
  WholeKind kind = WholeKind::Exact;
  switch (type) {
    case DataType::Double:
    case DataType::Decimal: kind = WholeKind::Approximate; break;
    case DataType::Date: kind = WholeKind::Date; break;
    case DataType::Time:
    case DataType::Timestamp: kind = WholeKind::TimeOrTimestamp; break;
    default: kind = WholeKind::Exact; break;
  }
  // Integer columns holding a fraction (SQLite typing) are numbers whose fraction may be cut.
  if (kind == WholeKind::Exact && std::holds_alternative<double>(v)) kind = WholeKind::Approximate;
  return writeWholeText(text, kind, t, p, w);
}

SQLRETURN toBinary(const Value& v, DataType type, const CTarget& t, GetDataProgress* p,
                   std::vector<Warning>& w) {
  if (isTextType(type) || std::holds_alternative<Blob>(v) || type == DataType::Decimal) {
    if (type == DataType::Decimal && !std::holds_alternative<Blob>(v)) {
      // Decimal's default C type is character: its bytes are the text, and must fit whole.
      const std::string text = valueAsText(v, type);
      if (p) {
        p->started = true;
        p->finished = true;
      }
      if (t.data == nullptr || t.buffer_length < static_cast<SQLLEN>(text.size())) {
        outOfRange("the binary buffer is smaller than the value");
      }
      std::memcpy(t.data, text.data(), text.size());
      setLength(t, static_cast<SQLLEN>(text.size()));
      return SQL_SUCCESS;
    }
    if (p && p->started) {
      const std::string empty;
      return writeTextPiece(t, p, empty, w);
    }
    if (const auto* blob = std::get_if<Blob>(&v)) {
      return writeTextPiece(t, p, std::string(blob->bytes.begin(), blob->bytes.end()), w);
    }
    return writeTextPiece(t, p, valueAsText(v, type), w);
  }
  // Fixed-size values: the bytes of the default C representation, which must fit whole.
  alignas(16) unsigned char scratch[sizeof(SQL_TIMESTAMP_STRUCT) + sizeof(SQL_NUMERIC_STRUCT)] = {};
  SQLLEN scratch_length = 0;
  CTarget inner;
  inner.data = scratch;
  inner.octet_length = LengthSlot(&scratch_length);
  std::vector<Warning> ignored;
  switch (type) {
    case DataType::Bit:
      inner.c_type = SQL_C_BIT;
      toBit(numberOf(v, type, SQL_C_BIT), inner, ignored);
      break;
    case DataType::Integer:
      inner.c_type = SQL_C_SLONG;
      toInteger<std::int32_t>(numberOf(v, type, SQL_C_SLONG), inner, ignored);
      break;
    case DataType::BigInt:
      inner.c_type = SQL_C_SBIGINT;
      toInteger<std::int64_t>(numberOf(v, type, SQL_C_SBIGINT), inner, ignored);
      break;
    case DataType::Double:
      storeFixed(inner, doubleOf(numberOf(v, type, SQL_C_DOUBLE)));
      break;
    case DataType::Date:
      inner.c_type = SQL_C_TYPE_DATE;
      toDate(v, type, inner, ignored);
      break;
    case DataType::Time:
      inner.c_type = SQL_C_TYPE_TIME;
      toTime(v, type, inner, ignored);
      break;
    case DataType::Timestamp:
      inner.c_type = SQL_C_TYPE_TIMESTAMP;
      toTimestamp(v, type, inner);
      break;
    default:
      break;
  }
  if (p) {
    p->started = true;
    p->finished = true;
  }
  if (t.data == nullptr || t.buffer_length < scratch_length) {
    outOfRange("the binary buffer is smaller than the value");
  }
  std::memcpy(t.data, scratch, static_cast<std::size_t>(scratch_length));
  setLength(t, scratch_length);
  return SQL_SUCCESS;
}

}  // namespace

// --- public -------------------------------------------------------------------------------------

std::string valueAsText(const Value& v, DataType type) {
  if (std::holds_alternative<std::monostate>(v)) return {};
  if (const auto* blob = std::get_if<Blob>(&v)) return hexOf(blob->bytes);
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    if (type == DataType::Bit) return *i != 0 ? "1" : "0";
    return std::to_string(*i);
  }
  if (const auto* d = std::get_if<double>(&v)) {
    if (type == DataType::Bit) return *d != 0 ? "1" : "0";
    return formatDouble(*d);
  }
  const std::string& s = std::get<std::string>(v);
  switch (type) {
    case DataType::Bit: {
      const std::string_view t = trimmed(s);
      if (t == "true" || t == "TRUE" || t == "True") return "1";
      if (t == "false" || t == "FALSE" || t == "False") return "0";
      return s;
    }
    case DataType::Date:
      if (auto p = parseTimestamp(s); p && (!p->has_time || (!p->hour && !p->minute && !p->second && !p->fraction_ns))) {
        return formatDate(*p);
      }
      return s;
    case DataType::Time:
      if (auto p = parseTime(s)) {
        return p->fraction_ns ? formatTimestamp(*p).substr(11) : formatTime(*p);
      }
      return s;
    case DataType::Timestamp:
      if (auto p = parseTimestamp(s)) return formatTimestamp(*p);
      return s;
    default:
      return s;
  }
}

SQLSMALLINT normalizeCType(SQLSMALLINT c_type, SQLSMALLINT default_c_type) {
  switch (c_type) {
    case SQL_C_DEFAULT: return default_c_type;
    case SQL_C_TINYINT: return SQL_C_STINYINT;
    case SQL_C_SHORT: return SQL_C_SSHORT;
    case SQL_C_LONG: return SQL_C_SLONG;
    case SQL_C_DATE: return SQL_C_TYPE_DATE;
    case SQL_C_TIME: return SQL_C_TYPE_TIME;
    case SQL_C_TIMESTAMP: return SQL_C_TYPE_TIMESTAMP;
    default: return c_type;
  }
}

bool isKnownCType(SQLSMALLINT c_type) {
  switch (c_type) {
    case SQL_C_CHAR: case SQL_C_WCHAR: case SQL_C_BINARY: case SQL_C_BIT:
    case SQL_C_TINYINT: case SQL_C_STINYINT: case SQL_C_UTINYINT:
    case SQL_C_SHORT: case SQL_C_SSHORT: case SQL_C_USHORT:
    case SQL_C_LONG: case SQL_C_SLONG: case SQL_C_ULONG:
    case SQL_C_SBIGINT: case SQL_C_UBIGINT: case SQL_C_FLOAT: case SQL_C_DOUBLE:
    case SQL_C_NUMERIC: case SQL_C_DATE: case SQL_C_TIME: case SQL_C_TIMESTAMP:
    case SQL_C_TYPE_DATE: case SQL_C_TYPE_TIME: case SQL_C_TYPE_TIMESTAMP:
    case SQL_C_GUID: case SQL_C_DEFAULT:
    case SQL_C_INTERVAL_YEAR: case SQL_C_INTERVAL_MONTH: case SQL_C_INTERVAL_DAY:
    case SQL_C_INTERVAL_HOUR: case SQL_C_INTERVAL_MINUTE: case SQL_C_INTERVAL_SECOND:
    case SQL_C_INTERVAL_YEAR_TO_MONTH: case SQL_C_INTERVAL_DAY_TO_HOUR:
    case SQL_C_INTERVAL_DAY_TO_MINUTE: case SQL_C_INTERVAL_DAY_TO_SECOND:
    case SQL_C_INTERVAL_HOUR_TO_MINUTE: case SQL_C_INTERVAL_HOUR_TO_SECOND:
    case SQL_C_INTERVAL_MINUTE_TO_SECOND:
      return true;
    default:
      return false;
  }
}

SQLLEN fixedCTypeSize(SQLSMALLINT c_type) {
  switch (normalizeCType(c_type, SQL_C_CHAR)) {
    case SQL_C_BIT:
    case SQL_C_STINYINT:
    case SQL_C_UTINYINT: return 1;
    case SQL_C_SSHORT:
    case SQL_C_USHORT: return 2;
    case SQL_C_SLONG:
    case SQL_C_ULONG:
    case SQL_C_FLOAT: return 4;
    case SQL_C_SBIGINT:
    case SQL_C_UBIGINT:
    case SQL_C_DOUBLE: return 8;
    case SQL_C_NUMERIC: return sizeof(SQL_NUMERIC_STRUCT);
    case SQL_C_TYPE_DATE: return sizeof(SQL_DATE_STRUCT);
    case SQL_C_TYPE_TIME: return sizeof(SQL_TIME_STRUCT);
    case SQL_C_TYPE_TIMESTAMP: return sizeof(SQL_TIMESTAMP_STRUCT);
    case SQL_C_GUID: return sizeof(SQLGUID);
    case SQL_C_INTERVAL_YEAR: case SQL_C_INTERVAL_MONTH: case SQL_C_INTERVAL_DAY:
    case SQL_C_INTERVAL_HOUR: case SQL_C_INTERVAL_MINUTE: case SQL_C_INTERVAL_SECOND:
    case SQL_C_INTERVAL_YEAR_TO_MONTH: case SQL_C_INTERVAL_DAY_TO_HOUR:
    case SQL_C_INTERVAL_DAY_TO_MINUTE: case SQL_C_INTERVAL_DAY_TO_SECOND:
    case SQL_C_INTERVAL_HOUR_TO_MINUTE: case SQL_C_INTERVAL_HOUR_TO_SECOND:
    case SQL_C_INTERVAL_MINUTE_TO_SECOND:
      return sizeof(SQL_INTERVAL_STRUCT);
    default: return 0;
  }
}

SQLRETURN convertToC(const Value& value, const SourceColumn& source, const CTarget& target_in,
                     GetDataProgress* progress, std::vector<Warning>& warnings) {
  if (progress && progress->finished) return SQL_NO_DATA;
  if (!isKnownCType(target_in.c_type)) {
    throw Error(sqlstate::kInvalidBufferType, "Invalid application buffer type " + std::to_string(target_in.c_type) +
                             ". Use one of the SQL_C_* type codes.");
  }
  CTarget t = target_in;
  t.c_type = normalizeCType(t.c_type, source.default_c_type);
  if (t.buffer_length < 0 && (t.c_type == SQL_C_CHAR || t.c_type == SQL_C_WCHAR || t.c_type == SQL_C_BINARY)) {
    throw Error(sqlstate::kInvalidStringOrBufferLength,
                "The buffer length is negative. Pass the size of the buffer in bytes.");
  }

  if (isNull(value)) {
    if (!t.indicator) {
      throw Error(sqlstate::kIndicatorRequired,
                  "Indicator variable required but not supplied: the value is NULL. Bind an "
                  "indicator (StrLen_or_IndPtr) to receive SQL_NULL_DATA.");
    }
    t.indicator.set(SQL_NULL_DATA);
    if (progress) {
      progress->started = true;
      progress->finished = true;
    }
    return SQL_SUCCESS;
  }

  const DataType type = source.type;
  switch (t.c_type) {
    case SQL_C_CHAR:
    case SQL_C_WCHAR:
      return toCharacter(value, type, t, progress, warnings);
    case SQL_C_BINARY:
      return toBinary(value, type, t, progress, warnings);
    default:
      break;
  }

  // Every remaining target is fixed-size: returned once, then SQL_NO_DATA.
  SQLRETURN rc = SQL_SUCCESS;
  switch (t.c_type) {
    case SQL_C_BIT: rc = toBit(numberOf(value, type, t.c_type), t, warnings); break;
    case SQL_C_STINYINT: rc = toInteger<std::int8_t>(numberOf(value, type, t.c_type), t, warnings); break;
    case SQL_C_UTINYINT: rc = toInteger<std::uint8_t>(numberOf(value, type, t.c_type), t, warnings); break;
    case SQL_C_SSHORT: rc = toInteger<std::int16_t>(numberOf(value, type, t.c_type), t, warnings); break;
    case SQL_C_USHORT: rc = toInteger<std::uint16_t>(numberOf(value, type, t.c_type), t, warnings); break;
    case SQL_C_SLONG: rc = toInteger<std::int32_t>(numberOf(value, type, t.c_type), t, warnings); break;
    case SQL_C_ULONG: rc = toInteger<std::uint32_t>(numberOf(value, type, t.c_type), t, warnings); break;
    case SQL_C_SBIGINT: rc = toInteger<std::int64_t>(numberOf(value, type, t.c_type), t, warnings); break;
    case SQL_C_UBIGINT: rc = toInteger<std::uint64_t>(numberOf(value, type, t.c_type), t, warnings); break;
    case SQL_C_FLOAT: {
      const double d = doubleOf(numberOf(value, type, t.c_type));
      if (std::isfinite(d) && std::fabs(d) > std::numeric_limits<float>::max()) {
        outOfRange("value too large for SQL_C_FLOAT");
      }
      rc = storeFixed(t, static_cast<float>(d));
      break;
    }
    case SQL_C_DOUBLE: rc = storeFixed(t, doubleOf(numberOf(value, type, t.c_type))); break;
    case SQL_C_NUMERIC: rc = toNumericStruct(numberOf(value, type, t.c_type), t, warnings); break;
    case SQL_C_TYPE_DATE: rc = toDate(value, type, t, warnings); break;
    case SQL_C_TYPE_TIME: rc = toTime(value, type, t, warnings); break;
    case SQL_C_TYPE_TIMESTAMP: rc = toTimestamp(value, type, t); break;
    case SQL_C_GUID: rc = toGuid(value, type, t); break;
    default:
      if (!isIntervalCType(t.c_type)) restrictedType(type, t.c_type);
      rc = toInterval(value, type, t, warnings);
  }
  if (progress) {
    progress->started = true;
    progress->finished = true;
  }
  return rc;
}

}  // namespace monday::convert
