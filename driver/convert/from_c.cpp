#include "driver/convert/from_c.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>

#include "driver/common/error.h"
#include "driver/common/datetime.h"
#include "driver/convert/to_c.h"
#include "driver/convert/type_info.h"
#include "driver/convert/utf.h"
#include "driver/convert/wide.h"

namespace monday::convert {

namespace {

__extension__ typedef unsigned __int128 UInt128;

// What the application's buffer holds, before the parameter's SQL type shapes it.
struct Raw {
  enum class Kind { Text, Signed, Unsigned, Double, Date, Time, Timestamp, Bytes, DecimalText } kind;
  std::string text;  // Text, DecimalText, Bytes
  std::int64_t i = 0;
  std::uint64_t u = 0;
  double d = 0;
  DateTimeParts dt;
};

template <class T>
T readAs(const void* data) {
  T value;
  std::memcpy(&value, data, sizeof(T));
  return value;
}

std::string numericStructText(const SQL_NUMERIC_STRUCT& n) {
  UInt128 value = 0;
  for (int k = SQL_MAX_NUMERIC_LEN - 1; k >= 0; --k) value = (value << 8) | n.val[k];
  std::string digits;
  if (value == 0) digits = "0";
  while (value > 0) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  }
  const int scale = n.scale;
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale) {
      digits.insert(0, static_cast<std::size_t>(scale) - digits.size() + 1, '0');
    }
    digits.insert(digits.size() - static_cast<std::size_t>(scale), ".");
  } else if (scale < 0) {
    digits.append(static_cast<std::size_t>(-scale), '0');
  }
  if (n.sign == 0 && digits.find_first_not_of("0.") != std::string::npos) digits.insert(0, "-");
  return digits;
}

Raw readRaw(const ParameterSource& p, SQLSMALLINT c_type) {
  const bool has_length = static_cast<bool>(p.length_or_indicator);
  const SQLLEN ind = has_length ? p.length_or_indicator.get() : SQL_NTS;
  Raw r{};
  switch (c_type) {
    case SQL_C_CHAR: {
      const char* text = static_cast<const char*>(p.data);
      std::size_t length = 0;
      if (ind == SQL_NTS) {
        length = std::strlen(text);
      } else if (ind >= 0) {
        length = static_cast<std::size_t>(ind);
      } else {
        throw Error(sqlstate::kInvalidStringOrBufferLength,
                    "Invalid parameter length " + std::to_string(ind) +
                        ": give a byte length, SQL_NTS or SQL_NULL_DATA.");
      }
      r.kind = Raw::Kind::Text;
      r.text.assign(text, length);
      return r;
    }
    case SQL_C_WCHAR: {
      std::size_t units = 0;
      if (ind == SQL_NTS) {
        units = wideNtsLength(p.data);
      } else if (ind >= 0) {
        units = static_cast<std::size_t>(ind) / wideUnitSize();
      } else {
        throw Error(sqlstate::kInvalidStringOrBufferLength,
                    "Invalid parameter length " + std::to_string(ind) +
                        ": give a byte length, SQL_NTS or SQL_NULL_DATA.");
      }
      r.kind = Raw::Kind::Text;
      r.text = wideToUtf8(p.data, units);
      return r;
    }
    case SQL_C_BINARY: {
      SQLLEN length = has_length ? ind : p.buffer_length;
      if (length < 0) {
        throw Error(sqlstate::kInvalidStringOrBufferLength,
                    "A binary parameter needs its byte length in StrLen_or_IndPtr.");
      }
      r.kind = Raw::Kind::Bytes;
      r.text.assign(static_cast<const char*>(p.data), static_cast<std::size_t>(length));
      return r;
    }
    case SQL_C_BIT:
      r.kind = Raw::Kind::Signed;
      r.i = readAs<unsigned char>(p.data) != 0 ? 1 : 0;
      return r;
    case SQL_C_STINYINT: r.kind = Raw::Kind::Signed; r.i = readAs<std::int8_t>(p.data); return r;
    case SQL_C_UTINYINT: r.kind = Raw::Kind::Signed; r.i = readAs<std::uint8_t>(p.data); return r;
    case SQL_C_SSHORT: r.kind = Raw::Kind::Signed; r.i = readAs<std::int16_t>(p.data); return r;
    case SQL_C_USHORT: r.kind = Raw::Kind::Signed; r.i = readAs<std::uint16_t>(p.data); return r;
    case SQL_C_SLONG: r.kind = Raw::Kind::Signed; r.i = readAs<std::int32_t>(p.data); return r;
    case SQL_C_ULONG: r.kind = Raw::Kind::Signed; r.i = readAs<std::uint32_t>(p.data); return r;
    case SQL_C_SBIGINT: r.kind = Raw::Kind::Signed; r.i = readAs<std::int64_t>(p.data); return r;
    case SQL_C_UBIGINT: r.kind = Raw::Kind::Unsigned; r.u = readAs<std::uint64_t>(p.data); return r;
    case SQL_C_FLOAT: r.kind = Raw::Kind::Double; r.d = readAs<float>(p.data); return r;
    case SQL_C_DOUBLE: r.kind = Raw::Kind::Double; r.d = readAs<double>(p.data); return r;
    case SQL_C_NUMERIC:
      r.kind = Raw::Kind::DecimalText;
      r.text = numericStructText(readAs<SQL_NUMERIC_STRUCT>(p.data));
      return r;
    case SQL_C_TYPE_DATE: {
      const auto v = readAs<SQL_DATE_STRUCT>(p.data);
      r.kind = Raw::Kind::Date;
      r.dt.year = v.year;
      r.dt.month = v.month;
      r.dt.day = v.day;
      r.dt.has_date = true;
      if (!isValidDate(v.year, v.month, v.day)) {
        throw Error(sqlstate::kDatetimeOverflow, "The SQL_DATE_STRUCT parameter is not a valid date.");
      }
      return r;
    }
    case SQL_C_TYPE_TIME: {
      const auto v = readAs<SQL_TIME_STRUCT>(p.data);
      r.kind = Raw::Kind::Time;
      r.dt.hour = v.hour;
      r.dt.minute = v.minute;
      r.dt.second = v.second;
      r.dt.has_time = true;
      if (!isValidTime(v.hour, v.minute, v.second)) {
        throw Error(sqlstate::kDatetimeOverflow, "The SQL_TIME_STRUCT parameter is not a valid time.");
      }
      return r;
    }
    case SQL_C_TYPE_TIMESTAMP: {
      const auto v = readAs<SQL_TIMESTAMP_STRUCT>(p.data);
      r.kind = Raw::Kind::Timestamp;
      r.dt.year = v.year;
      r.dt.month = v.month;
      r.dt.day = v.day;
      r.dt.hour = v.hour;
      r.dt.minute = v.minute;
      r.dt.second = v.second;
      r.dt.fraction_ns = v.fraction;
      r.dt.has_date = r.dt.has_time = true;
      if (!isValidDate(v.year, v.month, v.day) || !isValidTime(v.hour, v.minute, v.second) ||
          v.fraction > 999999999u) {
        throw Error(sqlstate::kDatetimeOverflow,
                    "The SQL_TIMESTAMP_STRUCT parameter is not a valid timestamp.");
      }
      return r;
    }
    default:
      throw Error(sqlstate::kRestrictedDataType,
                  "Parameters of C type " + std::string(cTypeName(c_type)) +
                      " are not supported. Bind the value as SQL_C_CHAR or SQL_C_WCHAR.");
  }
}

std::string formatDoubleText(double d) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
  return ec == std::errc() ? std::string(buffer, end) : std::string("0");
}

std::string rawAsText(const Raw& r) {
  switch (r.kind) {
    case Raw::Kind::Text:
    case Raw::Kind::Bytes:
    case Raw::Kind::DecimalText: return r.text;
    case Raw::Kind::Signed: return std::to_string(r.i);
    case Raw::Kind::Unsigned: return std::to_string(r.u);
    case Raw::Kind::Double: return formatDoubleText(r.d);
    case Raw::Kind::Date: return formatDate(r.dt);
    case Raw::Kind::Time: return formatTime(r.dt);
    case Raw::Kind::Timestamp: return formatTimestamp(r.dt);
  }
  return {};
}

[[noreturn]] void notANumber(const std::string& text) {
  std::string shown = text.substr(0, 40);
  throw Error(sqlstate::kInvalidCharacterValue,
              "Invalid character value for cast specification: parameter '" + shown +
                  "' is not a number, but it was bound as a numeric SQL type.");
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Parses text as a number: an integer when it is one and fits, else a double.
Value numberFromText(const std::string& text, bool want_integer) {
  const std::string_view s = trimmed(text);
  std::string_view digits = s;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  std::int64_t i = 0;
  auto [iend, iec] = std::from_chars(digits.data(), digits.data() + digits.size(), i);
  if (iec == std::errc() && iend == digits.data() + digits.size() && !digits.empty()) return i;
  if (iec == std::errc::result_out_of_range && want_integer) {
    throw Error(sqlstate::kNumericOutOfRange,
                "Numeric value out of range: parameter '" + std::string(s) + "' does not fit a 64-bit integer.");
  }
  double d = 0;
  auto [dend, dec] = std::from_chars(digits.data(), digits.data() + digits.size(), d);
  if (digits.empty() || dend != digits.data() + digits.size() || dec != std::errc() || !std::isfinite(d)) {
    notANumber(text);
  }
  if (want_integer) {
    if (d < -9.2233720368547758e18 || d >= 9.2233720368547758e18) {
      throw Error(sqlstate::kNumericOutOfRange,
                  "Numeric value out of range: parameter '" + std::string(s) + "' does not fit a 64-bit integer.");
    }
    return static_cast<std::int64_t>(std::trunc(d));
  }
  return d;
}

Value asInteger(const Raw& r) {
  switch (r.kind) {
    case Raw::Kind::Signed: return r.i;
    case Raw::Kind::Unsigned:
      if (r.u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        throw Error(sqlstate::kNumericOutOfRange,
                    "Numeric value out of range: " + std::to_string(r.u) + " does not fit a signed 64-bit integer.");
      }
      return static_cast<std::int64_t>(r.u);
    case Raw::Kind::Double:
      if (!std::isfinite(r.d) || r.d < -9.2233720368547758e18 || r.d >= 9.2233720368547758e18) {
        throw Error(sqlstate::kNumericOutOfRange,
                    "Numeric value out of range: " + formatDoubleText(r.d) + " does not fit a 64-bit integer.");
      }
      return static_cast<std::int64_t>(std::trunc(r.d));
    case Raw::Kind::Text:
    case Raw::Kind::DecimalText: return numberFromText(r.text, true);
    default:
      throw Error(sqlstate::kRestrictedDataType,
                  "A date/time or binary parameter cannot be bound to a numeric SQL type.");
  }
}

Value asNumber(const Raw& r) {
  switch (r.kind) {
    case Raw::Kind::Signed: return r.i;
    case Raw::Kind::Unsigned:
      if (r.u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return static_cast<double>(r.u);
      }
      return static_cast<std::int64_t>(r.u);
    case Raw::Kind::Double: return r.d;
    case Raw::Kind::Text:
    case Raw::Kind::DecimalText: return numberFromText(r.text, false);
    default:
      throw Error(sqlstate::kRestrictedDataType,
                  "A date/time or binary parameter cannot be bound to a numeric SQL type.");
  }
}

Value asDateTime(const Raw& r, SQLSMALLINT sql_type) {
  // The reference's C-to-SQL table: a C date is no time of day, a C time no date.
  const bool to_date = sql_type == SQL_TYPE_DATE || sql_type == SQL_DATE;
  const bool to_time = sql_type == SQL_TYPE_TIME || sql_type == SQL_TIME;
  if ((r.kind == Raw::Kind::Date && to_time) || (r.kind == Raw::Kind::Time && to_date)) {
    throw Error(sqlstate::kRestrictedDataType,
                std::string("Restricted data type attribute violation: a ") +
                    (r.kind == Raw::Kind::Date ? "SQL_C_TYPE_DATE parameter cannot be bound as SQL_TYPE_TIME."
                                               : "SQL_C_TYPE_TIME parameter cannot be bound as SQL_TYPE_DATE."));
  }
  DateTimeParts parts;
  switch (r.kind) {
    case Raw::Kind::Date:
    case Raw::Kind::Time:
    case Raw::Kind::Timestamp: parts = r.dt; break;
    case Raw::Kind::Text: {
      std::optional<DateTimeParts> parsed = parseTimestamp(r.text);
      if (!parsed) parsed = parseTime(r.text);
      if (!parsed) {
        throw Error(sqlstate::kInvalidDatetimeFormat,
                    "Invalid datetime format: parameter '" + r.text.substr(0, 40) +
                        "'. Use 'YYYY-MM-DD', 'HH:MM:SS' or 'YYYY-MM-DD HH:MM:SS[.fff]'.");
      }
      parts = *parsed;
      break;
    }
    default:
      throw Error(sqlstate::kRestrictedDataType,
                  "A numeric or binary parameter cannot be bound to a date/time SQL type.");
  }
  switch (sql_type) {
    case SQL_TYPE_DATE:
    case SQL_DATE:
      if (!parts.has_date) {
        throw Error(sqlstate::kInvalidDatetimeFormat, "A time value was bound as SQL_TYPE_DATE.");
      }
      return formatDate(parts);
    case SQL_TYPE_TIME:
    case SQL_TIME:
      if (!parts.has_time && parts.has_date) return std::string("00:00:00");
      return formatTime(parts);
    default:
      if (!parts.has_date) {
        const DateTimeParts today = currentUtcDate();
        parts.year = today.year;
        parts.month = today.month;
        parts.day = today.day;
      }
      return formatTimestamp(parts);
  }
}

}  // namespace

SQLSMALLINT defaultCTypeForSqlType(SQLSMALLINT sql_type) {
  switch (sql_type) {
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR: return SQL_C_WCHAR;
    case SQL_BIT: return SQL_C_BIT;
    case SQL_TINYINT: return SQL_C_STINYINT;
    case SQL_SMALLINT: return SQL_C_SSHORT;
    case SQL_INTEGER: return SQL_C_SLONG;
    case SQL_BIGINT: return SQL_C_SBIGINT;
    case SQL_REAL: return SQL_C_FLOAT;
    case SQL_FLOAT:
    case SQL_DOUBLE: return SQL_C_DOUBLE;
    case SQL_TYPE_DATE:
    case SQL_DATE: return SQL_C_TYPE_DATE;
    case SQL_TYPE_TIME:
    case SQL_TIME: return SQL_C_TYPE_TIME;
    case SQL_TYPE_TIMESTAMP:
    case SQL_TIMESTAMP: return SQL_C_TYPE_TIMESTAMP;
    case SQL_BINARY:
    case SQL_VARBINARY:
    case SQL_LONGVARBINARY: return SQL_C_BINARY;
    default: return SQL_C_CHAR;  // CHAR, VARCHAR, DECIMAL, NUMERIC, GUID ...
  }
}

bool isKnownSqlType(SQLSMALLINT t) {
  switch (t) {
    case SQL_CHAR: case SQL_VARCHAR: case SQL_LONGVARCHAR: case SQL_WCHAR: case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR: case SQL_DECIMAL: case SQL_NUMERIC: case SQL_SMALLINT: case SQL_INTEGER:
    case SQL_REAL: case SQL_FLOAT: case SQL_DOUBLE: case SQL_BIT: case SQL_TINYINT: case SQL_BIGINT:
    case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY: case SQL_TYPE_DATE:
    case SQL_TYPE_TIME: case SQL_TYPE_TIMESTAMP: case SQL_DATE: case SQL_TIME: case SQL_TIMESTAMP:
    case SQL_GUID:
    case SQL_INTERVAL_YEAR: case SQL_INTERVAL_MONTH: case SQL_INTERVAL_DAY: case SQL_INTERVAL_HOUR:
    case SQL_INTERVAL_MINUTE: case SQL_INTERVAL_SECOND: case SQL_INTERVAL_YEAR_TO_MONTH:
    case SQL_INTERVAL_DAY_TO_HOUR: case SQL_INTERVAL_DAY_TO_MINUTE: case SQL_INTERVAL_DAY_TO_SECOND:
    case SQL_INTERVAL_HOUR_TO_MINUTE: case SQL_INTERVAL_HOUR_TO_SECOND:
    case SQL_INTERVAL_MINUTE_TO_SECOND:
      return true;
    default:
      return false;
  }
}

Value convertParameter(const ParameterSource& p) {
  const std::optional<SQLLEN> ind =
      p.length_or_indicator ? std::optional<SQLLEN>(p.length_or_indicator.get()) : std::nullopt;
  if (ind && *ind == SQL_NULL_DATA) return std::monostate{};
  if (ind && (*ind == SQL_DATA_AT_EXEC || *ind <= SQL_LEN_DATA_AT_EXEC_OFFSET)) {
    throw Error(sqlstate::kOptionalFeatureNotImplemented,
                "Data-at-execution parameters (SQL_DATA_AT_EXEC / SQLPutData) work with one parameter "
                "set at a time; set SQL_ATTR_PARAMSET_SIZE to 1 or bind the whole value with its length.");
  }
  if (p.data == nullptr) {
    throw Error(sqlstate::kInvalidArgumentValue,
                "Invalid use of null pointer: a parameter has no data buffer and its indicator is "
                "not SQL_NULL_DATA.");
  }
  SQLSMALLINT c_type = p.c_type;
  if (c_type == SQL_C_DEFAULT) c_type = defaultCTypeForSqlType(p.sql_type);
  c_type = normalizeCType(c_type, SQL_C_CHAR);
  const Raw raw = readRaw(p, c_type);

  switch (p.sql_type) {
    case SQL_BIT: {
      Value v = asNumber(raw);
      const double d = std::holds_alternative<std::int64_t>(v) ? static_cast<double>(std::get<std::int64_t>(v))
                                                             : std::get<double>(v);
      if (d < 0 || d >= 2) {
        throw Error(sqlstate::kNumericOutOfRange,
                    "Numeric value out of range: a SQL_BIT parameter must be 0 or 1.");
      }
      return std::int64_t{d >= 1 ? 1 : 0};
    }
    case SQL_TINYINT:
    case SQL_SMALLINT:
    case SQL_INTEGER:
    case SQL_BIGINT:
      return asInteger(raw);
    case SQL_REAL:
    case SQL_FLOAT:
    case SQL_DOUBLE: {
      Value v = asNumber(raw);
      if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
      return v;
    }
    case SQL_DECIMAL:
    case SQL_NUMERIC:
      return asNumber(raw);
    case SQL_TYPE_DATE:
    case SQL_TYPE_TIME:
    case SQL_TYPE_TIMESTAMP:
    case SQL_DATE:
    case SQL_TIME:
    case SQL_TIMESTAMP:
      return asDateTime(raw, p.sql_type);
    case SQL_BINARY:
    case SQL_VARBINARY:
    case SQL_LONGVARBINARY: {
      Blob blob;
      const std::string bytes = raw.kind == Raw::Kind::Bytes ? raw.text : rawAsText(raw);
      blob.bytes.assign(bytes.begin(), bytes.end());
      return blob;
    }
    default:
      // A number bound with a numeric C type stays a number whatever SQL type the application
      // named (node's odbc binds integers as SQL_WVARCHAR): `1 = ?` then compares numbers, and a
      // text column still receives its text form. Exact decimals (SQL_C_NUMERIC) keep their text.
      if (raw.kind == Raw::Kind::Signed || raw.kind == Raw::Kind::Unsigned || raw.kind == Raw::Kind::Double) {
        return asNumber(raw);
      }
      return rawAsText(raw);  // character types, GUID, and anything the engine sees as text
  }
}

}  // namespace monday::convert
