// The SQL -> C conversion matrix as a golden table (psqlODBC result-conversions style): for each
// declared source type, value and target C type, the text of what the application receives,
// followed by the SQLSTATE of any warning ("[01004]"), or "!" and the SQLSTATE of an error.

#include "driver/convert/to_c.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "driver/convert/type_info.h"
#include "driver/convert/utf.h"

namespace monday::convert {
namespace {

std::string renderTarget(SQLSMALLINT c_type, const unsigned char* buffer, SQLLEN length) {
  char text[128];
  switch (normalizeCType(c_type, SQL_C_CHAR)) {
    case SQL_C_CHAR: return std::string(reinterpret_cast<const char*>(buffer));
    case SQL_C_WCHAR: return utf16ToUtf8(u16FromNts(reinterpret_cast<const char16_t*>(buffer)));
    case SQL_C_BINARY: {
      std::string hex;
      for (SQLLEN i = 0; i < length && i < 64; ++i) {
        std::snprintf(text, sizeof text, "%02X", buffer[i]);
        hex += text;
      }
      return hex;
    }
    case SQL_C_BIT: return std::to_string(buffer[0]);
    case SQL_C_STINYINT: { std::int8_t v; std::memcpy(&v, buffer, 1); return std::to_string(v); }
    case SQL_C_UTINYINT: return std::to_string(buffer[0]);
    case SQL_C_SSHORT: { std::int16_t v; std::memcpy(&v, buffer, 2); return std::to_string(v); }
    case SQL_C_USHORT: { std::uint16_t v; std::memcpy(&v, buffer, 2); return std::to_string(v); }
    case SQL_C_SLONG: { std::int32_t v; std::memcpy(&v, buffer, 4); return std::to_string(v); }
    case SQL_C_ULONG: { std::uint32_t v; std::memcpy(&v, buffer, 4); return std::to_string(v); }
    case SQL_C_SBIGINT: { std::int64_t v; std::memcpy(&v, buffer, 8); return std::to_string(v); }
    case SQL_C_UBIGINT: { std::uint64_t v; std::memcpy(&v, buffer, 8); return std::to_string(v); }
    case SQL_C_FLOAT: { float v; std::memcpy(&v, buffer, 4); std::snprintf(text, sizeof text, "%.7g", v); return text; }
    case SQL_C_DOUBLE: { double v; std::memcpy(&v, buffer, 8); std::snprintf(text, sizeof text, "%.17g", v); return text; }
    case SQL_C_TYPE_DATE: {
      SQL_DATE_STRUCT d; std::memcpy(&d, buffer, sizeof d);
      std::snprintf(text, sizeof text, "%04d-%02u-%02u", d.year, d.month, d.day);
      return text;
    }
    case SQL_C_TYPE_TIME: {
      SQL_TIME_STRUCT t; std::memcpy(&t, buffer, sizeof t);
      std::snprintf(text, sizeof text, "%02u:%02u:%02u", t.hour, t.minute, t.second);
      return text;
    }
    case SQL_C_TYPE_TIMESTAMP: {
      SQL_TIMESTAMP_STRUCT t; std::memcpy(&t, buffer, sizeof t);
      std::snprintf(text, sizeof text, "%04d-%02u-%02u %02u:%02u:%02u.%09u", t.year, t.month, t.day, t.hour,
                    t.minute, t.second, static_cast<unsigned>(t.fraction));
      return text;
    }
    case SQL_C_NUMERIC: {
      SQL_NUMERIC_STRUCT n; std::memcpy(&n, buffer, sizeof n);
      unsigned long long low = 0;
      for (int i = 7; i >= 0; --i) low = (low << 8) | n.val[i];
      std::snprintf(text, sizeof text, "p%d s%d %s%llu", n.precision, n.scale, n.sign ? "+" : "-", low);
      return text;
    }
    default: return "?";
  }
}

// Converts once, as a bound column would.
std::string convert(const Value& value, DataType type, SQLSMALLINT c_type, SQLLEN buffer_length = 64,
                    SQLSMALLINT precision = 0, SQLSMALLINT scale = 0) {
  alignas(16) unsigned char buffer[256];
  std::memset(buffer, 0xCC, sizeof buffer);
  SQLLEN indicator = 12345;
  CTarget t;
  t.c_type = c_type;
  t.data = buffer;
  t.buffer_length = buffer_length;
  t.indicator = &indicator;
  t.octet_length = &indicator;
  t.precision = precision;
  t.scale = scale;
  std::vector<Warning> warnings;
  SourceColumn source{type, typeInfo(sqlTypeOf(type)).default_c_type};
  try {
    const SQLRETURN rc = convertToC(value, source, t, nullptr, warnings);
    if (indicator == SQL_NULL_DATA) return "NULL";
    std::string out = renderTarget(c_type == SQL_C_DEFAULT ? source.default_c_type : c_type, buffer, indicator);
    if (rc == SQL_SUCCESS_WITH_INFO) {
      for (const auto& w : warnings) out += " [" + w.state + "]";
    }
    return out;
  } catch (const Error& e) {
    return "!" + e.state();
  }
}

const Value kNull = std::monostate{};
Value text(const char* s) { return std::string(s); }
Value integer(std::int64_t i) { return i; }
Value real(double d) { return d; }

struct GoldenCase {
  const char* name;
  std::string actual;
  std::string expected;
};

void check(const std::vector<GoldenCase>& cases) {
  for (const auto& c : cases) EXPECT_EQ(c.actual, c.expected) << c.name;
}

TEST(ToC, BigIntColumn) {
  check({
      {"bigint->char", convert(integer(5000000001), DataType::BigInt, SQL_C_CHAR), "5000000001"},
      {"bigint->wchar", convert(integer(-42), DataType::BigInt, SQL_C_WCHAR), "-42"},
      {"bigint->char too small", convert(integer(5000000001), DataType::BigInt, SQL_C_CHAR, 5), "!22003"},
      {"bigint->char exact fit", convert(integer(12345), DataType::BigInt, SQL_C_CHAR, 6), "12345"},
      {"bigint->sbigint", convert(integer(5000000001), DataType::BigInt, SQL_C_SBIGINT), "5000000001"},
      {"bigint->slong overflow", convert(integer(5000000001), DataType::BigInt, SQL_C_SLONG), "!22003"},
      {"bigint->slong", convert(integer(-7), DataType::BigInt, SQL_C_LONG), "-7"},
      {"bigint->ulong negative", convert(integer(-7), DataType::BigInt, SQL_C_ULONG), "!22003"},
      {"bigint->sshort", convert(integer(32767), DataType::BigInt, SQL_C_SHORT), "32767"},
      {"bigint->sshort overflow", convert(integer(32768), DataType::BigInt, SQL_C_SSHORT), "!22003"},
      {"bigint->utinyint", convert(integer(255), DataType::BigInt, SQL_C_UTINYINT), "255"},
      {"bigint->stinyint overflow", convert(integer(128), DataType::BigInt, SQL_C_TINYINT), "!22003"},
      {"bigint->ubigint", convert(integer(9), DataType::BigInt, SQL_C_UBIGINT), "9"},
      {"bigint->double", convert(integer(5000000001), DataType::BigInt, SQL_C_DOUBLE), "5000000001"},
      {"bigint->float", convert(integer(3), DataType::BigInt, SQL_C_FLOAT), "3"},
      {"bigint->bit 1", convert(integer(1), DataType::BigInt, SQL_C_BIT), "1"},
      {"bigint->bit 2", convert(integer(2), DataType::BigInt, SQL_C_BIT), "!22003"},
      {"bigint->numeric", convert(integer(-1234), DataType::BigInt, SQL_C_NUMERIC, 64, 10, 2), "p10 s2 -123400"},
      {"bigint->binary", convert(integer(1), DataType::BigInt, SQL_C_BINARY), "0100000000000000"},
      {"bigint->binary too small", convert(integer(1), DataType::BigInt, SQL_C_BINARY, 4), "!22003"},
      {"bigint->date", convert(integer(1), DataType::BigInt, SQL_C_TYPE_DATE), "!07006"},
      {"bigint->timestamp", convert(integer(1), DataType::BigInt, SQL_C_TYPE_TIMESTAMP), "!07006"},
      {"bigint->default", convert(integer(77), DataType::BigInt, SQL_C_DEFAULT), "77"},
      {"bigint NULL", convert(kNull, DataType::BigInt, SQL_C_SBIGINT), "NULL"},
      {"bigint stored as text", convert(text("123"), DataType::BigInt, SQL_C_SLONG), "123"},
      {"bigint stored as bad text", convert(text("12x"), DataType::BigInt, SQL_C_SLONG), "!22018"},
  });
}

TEST(ToC, IntegerAndBitColumns) {
  check({
      {"int->char", convert(integer(10), DataType::Integer, SQL_C_CHAR), "10"},
      {"int->default is SLONG", convert(integer(-5), DataType::Integer, SQL_C_DEFAULT), "-5"},
      {"bit->char", convert(integer(1), DataType::Bit, SQL_C_CHAR), "1"},
      {"bit->wchar", convert(integer(0), DataType::Bit, SQL_C_WCHAR), "0"},
      {"bit->bit", convert(integer(1), DataType::Bit, SQL_C_BIT), "1"},
      {"bit->slong", convert(integer(1), DataType::Bit, SQL_C_SLONG), "1"},
      {"bit text true", convert(text("true"), DataType::Bit, SQL_C_BIT), "1"},
      {"bit text false->char", convert(text("false"), DataType::Bit, SQL_C_CHAR), "0"},
      {"bit->default", convert(integer(1), DataType::Bit, SQL_C_DEFAULT), "1"},
      {"bit->date", convert(integer(1), DataType::Bit, SQL_C_TYPE_DATE), "!07006"},
  });
}

TEST(ToC, DoubleColumn) {
  check({
      {"double->char", convert(real(1.5), DataType::Double, SQL_C_CHAR), "1.5"},
      {"double->char shortest", convert(real(0.1), DataType::Double, SQL_C_CHAR), "0.1"},
      {"double->char fraction cut", convert(real(3.14159), DataType::Double, SQL_C_CHAR, 5), "3.14 [01004]"},
      {"double->char no room for integer part", convert(real(12345.5), DataType::Double, SQL_C_CHAR, 5), "!22003"},
      {"double->wchar fraction cut", convert(real(2.75), DataType::Double, SQL_C_WCHAR, 8), "2.7 [01004]"},
      {"double->double", convert(real(-2.5), DataType::Double, SQL_C_DOUBLE), "-2.5"},
      {"double->float", convert(real(0.5), DataType::Double, SQL_C_FLOAT), "0.5"},
      {"double->float overflow", convert(real(1e300), DataType::Double, SQL_C_FLOAT), "!22003"},
      {"double->slong truncates", convert(real(2.9), DataType::Double, SQL_C_SLONG), "2 [01S07]"},
      {"double->slong negative truncates", convert(real(-2.9), DataType::Double, SQL_C_SLONG), "-2 [01S07]"},
      {"double->slong exact", convert(real(42.0), DataType::Double, SQL_C_SLONG), "42"},
      {"double->slong overflow", convert(real(1e12), DataType::Double, SQL_C_SLONG), "!22003"},
      {"double->sbigint", convert(real(1e12), DataType::Double, SQL_C_SBIGINT), "1000000000000"},
      {"double->bit 0.5", convert(real(0.5), DataType::Double, SQL_C_BIT), "0 [01S07]"},
      {"double->bit 1.5", convert(real(1.5), DataType::Double, SQL_C_BIT), "1 [01S07]"},
      {"double->bit -0.5", convert(real(-0.5), DataType::Double, SQL_C_BIT), "!22003"},
      {"double->numeric", convert(real(2.5), DataType::Double, SQL_C_NUMERIC, 64, 5, 1), "p5 s1 +25"},
      {"double->numeric cut", convert(real(2.55), DataType::Double, SQL_C_NUMERIC, 64, 5, 1), "p5 s1 +25 [01S07]"},
      {"double->numeric too many digits", convert(real(123456.0), DataType::Double, SQL_C_NUMERIC, 64, 5, 0), "!22003"},
      {"double->time", convert(real(1), DataType::Double, SQL_C_TYPE_TIME), "!07006"},
      {"double->binary", convert(real(1.0), DataType::Double, SQL_C_BINARY), "000000000000F03F"},
  });
}

TEST(ToC, DecimalColumnKeepsExactDigits) {
  check({
      {"decimal->char", convert(text("12345678901234567890.125"), DataType::Decimal, SQL_C_CHAR),
       "12345678901234567890.125"},
      {"decimal->char fraction cut", convert(text("12.125"), DataType::Decimal, SQL_C_CHAR, 5), "12.1 [01004]"},
      {"decimal->char integer part too long", convert(text("123456.5"), DataType::Decimal, SQL_C_CHAR, 4), "!22003"},
      {"decimal->default is char", convert(text("1.50"), DataType::Decimal, SQL_C_DEFAULT), "1.50"},
      {"decimal->numeric", convert(text("-12.345"), DataType::Decimal, SQL_C_NUMERIC, 64, 10, 3), "p10 s3 -12345"},
      {"decimal->numeric default scale 0", convert(text("12.345"), DataType::Decimal, SQL_C_NUMERIC), "p38 s0 +12 [01S07]"},
      {"decimal->slong", convert(text("99.99"), DataType::Decimal, SQL_C_SLONG), "99 [01S07]"},
      {"decimal->sbigint huge", convert(text("99999999999999999999"), DataType::Decimal, SQL_C_SBIGINT), "!22003"},
      {"decimal->double", convert(text("0.25"), DataType::Decimal, SQL_C_DOUBLE), "0.25"},
      {"decimal bad text", convert(text("n/a"), DataType::Decimal, SQL_C_DOUBLE), "!22018"},
      {"decimal bad text as char", convert(text("n/a"), DataType::Decimal, SQL_C_CHAR), "n/a"},
      {"decimal->binary is its text", convert(text("1.5"), DataType::Decimal, SQL_C_BINARY), "312E35"},
  });
}

TEST(ToC, DateTimeAndTimestampColumns) {
  check({
      {"date->char", convert(text("2026-03-01"), DataType::Date, SQL_C_CHAR), "2026-03-01"},
      {"date->char too small", convert(text("2026-03-01"), DataType::Date, SQL_C_CHAR, 10), "!22003"},
      {"date->date", convert(text("2026-03-01"), DataType::Date, SQL_C_TYPE_DATE), "2026-03-01"},
      {"date->odbc2 date", convert(text("2026-03-01"), DataType::Date, SQL_C_DATE), "2026-03-01"},
      {"date->timestamp", convert(text("2026-03-01"), DataType::Date, SQL_C_TYPE_TIMESTAMP),
       "2026-03-01 00:00:00.000000000"},
      {"date->time", convert(text("2026-03-01"), DataType::Date, SQL_C_TYPE_TIME), "!07006"},
      {"date->slong", convert(text("2026-03-01"), DataType::Date, SQL_C_SLONG), "!07006"},
      {"date invalid", convert(text("2026-02-30"), DataType::Date, SQL_C_TYPE_DATE), "!22018"},
      {"date->default", convert(text("2026-03-01"), DataType::Date, SQL_C_DEFAULT), "2026-03-01"},
      {"time->char", convert(text("13:45:00"), DataType::Time, SQL_C_CHAR), "13:45:00"},
      {"time->time", convert(text("13:45:07"), DataType::Time, SQL_C_TYPE_TIME), "13:45:07"},
      {"time->date", convert(text("13:45:07"), DataType::Time, SQL_C_TYPE_DATE), "!07006"},
      {"timestamp->char", convert(text("2026-03-01 10:20:30"), DataType::Timestamp, SQL_C_CHAR), "2026-03-01 10:20:30"},
      {"timestamp ISO T Z normalised", convert(text("2026-03-01T10:20:30Z"), DataType::Timestamp, SQL_C_CHAR),
       "2026-03-01 10:20:30"},
      {"timestamp->char keeps fraction", convert(text("2026-03-01 10:20:30.125"), DataType::Timestamp, SQL_C_CHAR),
       "2026-03-01 10:20:30.125"},
      {"timestamp->char fraction cut", convert(text("2026-03-01 10:20:30.125"), DataType::Timestamp, SQL_C_CHAR, 22),
       "2026-03-01 10:20:30.1 [01004]"},
      {"timestamp->char seconds missing", convert(text("2026-03-01 10:20:30"), DataType::Timestamp, SQL_C_CHAR, 19),
       "!22003"},
      {"timestamp->timestamp", convert(text("2026-03-01 10:20:30.5"), DataType::Timestamp, SQL_C_TYPE_TIMESTAMP),
       "2026-03-01 10:20:30.500000000"},
      {"timestamp->date with time", convert(text("2026-03-01 10:20:30"), DataType::Timestamp, SQL_C_TYPE_DATE),
       "2026-03-01 [01S07]"},
      {"timestamp->date at midnight", convert(text("2026-03-01 00:00:00"), DataType::Timestamp, SQL_C_TYPE_DATE),
       "2026-03-01"},
      {"timestamp->time", convert(text("2026-03-01 10:20:30"), DataType::Timestamp, SQL_C_TYPE_TIME), "10:20:30"},
      {"timestamp->time with fraction", convert(text("2026-03-01 10:20:30.5"), DataType::Timestamp, SQL_C_TYPE_TIME),
       "10:20:30 [01S07]"},
      {"timestamp->wchar", convert(text("2026-03-01 10:20:30"), DataType::Timestamp, SQL_C_WCHAR), "2026-03-01 10:20:30"},
      {"timestamp->double", convert(text("2026-03-01 10:20:30"), DataType::Timestamp, SQL_C_DOUBLE), "!07006"},
      {"timestamp->binary", convert(text("2026-03-01 10:20:30"), DataType::Timestamp, SQL_C_BINARY, 4), "!22003"},
      {"timestamp garbage", convert(text("yesterday"), DataType::Timestamp, SQL_C_TYPE_TIMESTAMP), "!22018"},
      {"timestamp garbage as text", convert(text("yesterday"), DataType::Timestamp, SQL_C_CHAR), "yesterday"},
  });
}

TEST(ToC, TextColumns) {
  check({
      {"varchar->char", convert(text("Caf\xC3\xA9"), DataType::Varchar, SQL_C_CHAR), "Caf\xC3\xA9"},
      {"varchar->wchar", convert(text("Caf\xC3\xA9"), DataType::Varchar, SQL_C_WCHAR), "Caf\xC3\xA9"},
      {"varchar->default is wchar", convert(text("\xE2\x98\x95"), DataType::Varchar, SQL_C_DEFAULT), "\xE2\x98\x95"},
      {"varchar->char truncated", convert(text("abcdef"), DataType::Varchar, SQL_C_CHAR, 4), "abc [01004]"},
      {"varchar->char never splits UTF-8", convert(text("ab\xC3\xA9"), DataType::Varchar, SQL_C_CHAR, 4),
       "ab [01004]"},
      {"varchar->wchar never splits a surrogate pair",
       convert(text("a\xF0\x9F\x98\x80"), DataType::Varchar, SQL_C_WCHAR, 6), "a [01004]"},
      {"varchar->binary is UTF-8", convert(text("A\xC3\xA9"), DataType::Varchar, SQL_C_BINARY), "41C3A9"},
      {"varchar->slong", convert(text(" 42 "), DataType::Varchar, SQL_C_SLONG), "42"},
      {"varchar->slong not a number", convert(text("forty"), DataType::Varchar, SQL_C_SLONG), "!22018"},
      {"varchar->double exponent", convert(text("1.5e3"), DataType::Varchar, SQL_C_DOUBLE), "1500"},
      {"varchar->date", convert(text("2026-01-31"), DataType::Varchar, SQL_C_TYPE_DATE), "2026-01-31"},
      {"varchar->date not a date", convert(text("soon"), DataType::Varchar, SQL_C_TYPE_DATE), "!22018"},
      {"varchar->timestamp", convert(text("2026-01-31 08:00:00"), DataType::Varchar, SQL_C_TYPE_TIMESTAMP),
       "2026-01-31 08:00:00.000000000"},
      {"longvarchar->char", convert(text("{\"a\":1}"), DataType::LongVarchar, SQL_C_CHAR), "{\"a\":1}"},
      {"varchar holding an integer", convert(integer(7), DataType::Varchar, SQL_C_CHAR), "7"},
      // The reference allows text to GUIDs and intervals: text that is neither is 22018.
      {"varchar->guid not a guid", convert(text("x"), DataType::Varchar, SQL_C_GUID), "!22018"},
      {"varchar->interval not an interval", convert(text("x"), DataType::Varchar, SQL_C_INTERVAL_DAY), "!22018"},
      {"varchar NULL", convert(kNull, DataType::Varchar, SQL_C_CHAR), "NULL"},
  });
}

TEST(ToC, NullWithoutIndicatorIs22002) {
  CTarget t;
  char buffer[8];
  t.c_type = SQL_C_CHAR;
  t.data = buffer;
  t.buffer_length = sizeof buffer;
  std::vector<Warning> warnings;
  try {
    convertToC(kNull, {DataType::Varchar, SQL_C_WCHAR}, t, nullptr, warnings);
    FAIL() << "expected 22002";
  } catch (const Error& e) {
    EXPECT_EQ(e.state(), "22002");
  }
}

TEST(ToC, UnknownCTypeIsHY003) {
  EXPECT_EQ(convert(integer(1), DataType::BigInt, 1234), "!HY003");
  EXPECT_FALSE(isKnownCType(1234));
  EXPECT_TRUE(isKnownCType(SQL_C_TYPE_TIMESTAMP));
}

TEST(ToC, SeparateIndicatorAndLengthBuffers) {
  char buffer[16];
  SQLLEN indicator = 99;
  SQLLEN length = 99;
  CTarget t;
  t.c_type = SQL_C_CHAR;
  t.data = buffer;
  t.buffer_length = sizeof buffer;
  t.indicator = &indicator;
  t.octet_length = &length;
  std::vector<Warning> warnings;
  EXPECT_EQ(convertToC(Value{std::string("hello")}, {DataType::Varchar, SQL_C_WCHAR}, t, nullptr, warnings), SQL_SUCCESS);
  EXPECT_EQ(length, 5);
  EXPECT_EQ(indicator, 0);
  EXPECT_STREQ(buffer, "hello");
}

}  // namespace
}  // namespace monday::convert
