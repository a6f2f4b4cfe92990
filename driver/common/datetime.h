#pragma once
// Date/time values as the engine stores them (text) and as ODBC structs carry them. One parser
// for every direction: SQL->C conversion, parameters, and ODBC escape literals.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace monday {

struct DateTimeParts {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  std::uint32_t fraction_ns = 0;  // nanoseconds, as SQL_TIMESTAMP_STRUCT.fraction
  int fraction_digits = 0;        // digits written in the source text (0 = none)
  bool has_date = false;
  bool has_time = false;
};

// 'YYYY-MM-DD'
std::optional<DateTimeParts> parseDate(std::string_view text);
// 'HH:MM:SS[.f...]' (also 'HH:MM')
std::optional<DateTimeParts> parseTime(std::string_view text);
// 'YYYY-MM-DD[ |T]HH:MM[:SS[.f...]][Z|+00:00]' or a bare date. Surrounding blanks are ignored.
std::optional<DateTimeParts> parseTimestamp(std::string_view text);

bool isValidDate(int year, int month, int day);
bool isValidTime(int hour, int minute, int second);

std::string formatDate(const DateTimeParts& parts);
std::string formatTime(const DateTimeParts& parts);
// Fraction digits: as many as needed (trailing zeros dropped), none when the fraction is zero.
std::string formatTimestamp(const DateTimeParts& parts);

// Today's date in UTC (the engine's timestamps are UTC), for TIME -> TIMESTAMP conversions.
DateTimeParts currentUtcDate();

}  // namespace monday
