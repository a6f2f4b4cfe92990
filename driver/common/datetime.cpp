#include "driver/common/datetime.h"

#include <cctype>
#include <cstdio>
#include <ctime>

namespace monday {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Reads exactly `digits` decimal digits at `pos`.
bool readNumber(std::string_view s, std::size_t& pos, int digits, int& out) {
  if (pos + static_cast<std::size_t>(digits) > s.size()) return false;
  int value = 0;
  for (int k = 0; k < digits; ++k) {
    const char c = s[pos + static_cast<std::size_t>(k)];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += static_cast<std::size_t>(digits);
  out = value;
  return true;
}

bool readDatePart(std::string_view s, std::size_t& pos, DateTimeParts& p) {
  if (!readNumber(s, pos, 4, p.year)) return false;
  if (pos >= s.size() || s[pos] != '-') return false;
  ++pos;
  if (!readNumber(s, pos, 2, p.month)) return false;
  if (pos >= s.size() || s[pos] != '-') return false;
  ++pos;
  if (!readNumber(s, pos, 2, p.day)) return false;
  p.has_date = true;
  return isValidDate(p.year, p.month, p.day);
}

bool readTimePart(std::string_view s, std::size_t& pos, DateTimeParts& p) {
  if (!readNumber(s, pos, 2, p.hour)) return false;
  if (pos >= s.size() || s[pos] != ':') return false;
  ++pos;
  if (!readNumber(s, pos, 2, p.minute)) return false;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!readNumber(s, pos, 2, p.second)) return false;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      std::uint32_t ns = 0;
      int digits = 0;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        if (digits < 9) {
          ns = ns * 10 + static_cast<std::uint32_t>(s[pos] - '0');
          ++digits;
        } else {
          ++p.fraction_digits;  // precision beyond nanoseconds is dropped
        }
        ++pos;
      }
      if (digits == 0) return false;
      p.fraction_digits += digits;
      for (int k = digits; k < 9; ++k) ns *= 10;
      p.fraction_ns = ns;
    }
  }
  p.has_time = true;
  return isValidTime(p.hour, p.minute, p.second);
}

}  // namespace

bool isValidDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max_day = kDays[month - 1];
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) max_day = 29;
  return day <= max_day;
}

bool isValidTime(int hour, int minute, int second) {
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
}

std::optional<DateTimeParts> parseDate(std::string_view text) {
  const std::string_view s = trim(text);
  DateTimeParts p;
  std::size_t pos = 0;
  if (!readDatePart(s, pos, p) || pos != s.size()) return std::nullopt;
  return p;
}

std::optional<DateTimeParts> parseTime(std::string_view text) {
  const std::string_view s = trim(text);
  DateTimeParts p;
  std::size_t pos = 0;
  if (!readTimePart(s, pos, p) || pos != s.size()) return std::nullopt;
  return p;
}

std::optional<DateTimeParts> parseTimestamp(std::string_view text) {
  const std::string_view s = trim(text);
  DateTimeParts p;
  std::size_t pos = 0;
  if (!readDatePart(s, pos, p)) return std::nullopt;
  if (pos == s.size()) return p;
  if (s[pos] != ' ' && s[pos] != 'T') return std::nullopt;
  ++pos;
  if (!readTimePart(s, pos, p)) return std::nullopt;
  // monday sends UTC ('Z'); accept an explicit zero offset too, nothing else (we do not shift).
  std::string_view zone = s.substr(pos);
  if (zone.empty() || zone == "Z" || zone == "z" || zone == "+00:00" || zone == "+0000" ||
      zone == " UTC") {
    return p;
  }
  return std::nullopt;
}

namespace {

// Every timestamp a scan returns is formatted once per fetch: fixed-width digits written directly
// cost a small fraction of snprintf's format parsing.
void appendDigits(std::string& out, int value, int width) {
  char digits[12];
  int length = 0;
  unsigned rest = static_cast<unsigned>(value);
  do {
    digits[length++] = static_cast<char>('0' + rest % 10);
    rest /= 10;
  } while (rest != 0 && length < static_cast<int>(sizeof digits));
  for (int pad = length; pad < width; ++pad) out += '0';
  while (length > 0) out += digits[--length];
}

bool printable(int value, int most) { return value >= 0 && value <= most; }

}  // namespace

std::string formatDate(const DateTimeParts& p) {
  if (!printable(p.year, 9999) || !printable(p.month, 99) || !printable(p.day, 99)) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", p.year, p.month, p.day);
    return buffer;
  }
  std::string out;
  out.reserve(10);
  appendDigits(out, p.year, 4);
  out += '-';
  appendDigits(out, p.month, 2);
  out += '-';
  appendDigits(out, p.day, 2);
  return out;
}

std::string formatTime(const DateTimeParts& p) {
  if (!printable(p.hour, 99) || !printable(p.minute, 99) || !printable(p.second, 99)) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d", p.hour, p.minute, p.second);
    return buffer;
  }
  std::string out;
  out.reserve(8);
  appendDigits(out, p.hour, 2);
  out += ':';
  appendDigits(out, p.minute, 2);
  out += ':';
  appendDigits(out, p.second, 2);
  return out;
}

std::string formatTimestamp(const DateTimeParts& p) {
  std::string out = formatDate(p);
  out += ' ';
  out += formatTime(p);
  if (p.fraction_ns != 0) {
    std::string fraction;
    appendDigits(fraction, static_cast<int>(p.fraction_ns % 1'000'000'000u), 9);
    while (fraction.back() == '0') fraction.pop_back();
    out += '.';
    out += fraction;
  }
  return out;
}

DateTimeParts currentUtcDate() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  DateTimeParts p;
  p.year = utc.tm_year + 1900;
  p.month = utc.tm_mon + 1;
  p.day = utc.tm_mday;
  p.has_date = true;
  return p;
}

}  // namespace monday
