// Parameters: application C values become engine values shaped by the parameter's SQL type.

#include "driver/convert/from_c.h"

#include <gtest/gtest.h>

#include <cstring>

#include "driver/common/error.h"

namespace monday::convert {
namespace {

Value param(SQLSMALLINT c_type, SQLSMALLINT sql_type, const void* data, SQLLEN* length = nullptr,
            SQLLEN buffer_length = 0) {
  ParameterSource p;
  p.c_type = c_type;
  p.sql_type = sql_type;
  p.data = data;
  p.buffer_length = buffer_length;
  p.length_or_indicator = length;
  return convertParameter(p);
}

std::string errorOf(SQLSMALLINT c_type, SQLSMALLINT sql_type, const void* data, SQLLEN* length = nullptr) {
  try {
    param(c_type, sql_type, data, length);
    return "no error";
  } catch (const Error& e) {
    return e.state();
  }
}

TEST(Parameters, NullIndicatorGivesNull) {
  SQLLEN indicator = SQL_NULL_DATA;
  EXPECT_TRUE(isNull(param(SQL_C_CHAR, SQL_VARCHAR, nullptr, &indicator)));
}

TEST(Parameters, CharTextWithNtsAndWithLength) {
  const char* text = "hello world";
  EXPECT_EQ(param(SQL_C_CHAR, SQL_VARCHAR, text), Value{std::string("hello world")});
  SQLLEN nts = SQL_NTS;
  EXPECT_EQ(param(SQL_C_CHAR, SQL_VARCHAR, text, &nts), Value{std::string("hello world")});
  SQLLEN five = 5;
  EXPECT_EQ(param(SQL_C_CHAR, SQL_VARCHAR, text, &five), Value{std::string("hello")});
}

TEST(Parameters, WideTextLengthIsBytes) {
  const char16_t text[] = u"Café☕";
  SQLLEN bytes = 8;  // four characters
  EXPECT_EQ(param(SQL_C_WCHAR, SQL_WVARCHAR, text, &bytes), Value{std::string("Caf\xC3\xA9")});
  EXPECT_EQ(param(SQL_C_WCHAR, SQL_WVARCHAR, text), Value{std::string("Caf\xC3\xA9\xE2\x98\x95")});
}

TEST(Parameters, IntegersBecomeInt64AndTextOfNumericTypeIsParsed) {
  std::int32_t i = -42;
  EXPECT_EQ(param(SQL_C_SLONG, SQL_INTEGER, &i), Value{std::int64_t{-42}});
  std::int64_t big = 5000000001;
  EXPECT_EQ(param(SQL_C_SBIGINT, SQL_BIGINT, &big), Value{std::int64_t{5000000001}});
  EXPECT_EQ(param(SQL_C_CHAR, SQL_BIGINT, " 5000000001 "), Value{std::int64_t{5000000001}});
  EXPECT_EQ(errorOf(SQL_C_CHAR, SQL_INTEGER, "twelve"), "22018");
  std::uint64_t huge = 18446744073709551615ull;
  EXPECT_EQ(errorOf(SQL_C_UBIGINT, SQL_BIGINT, &huge), "22003");
}

TEST(Parameters, NumbersBoundWithCharacterSqlTypesStayNumbers) {
  // Issue: node's odbc binds integers as SQL_WVARCHAR; as text, `1 = ?` was false.
  std::int32_t i = 7;
  EXPECT_EQ(param(SQL_C_SLONG, SQL_VARCHAR, &i), Value{std::int64_t{7}});
  double d = 2.5;
  EXPECT_EQ(param(SQL_C_DOUBLE, SQL_WVARCHAR, &d), Value{2.5});
}

TEST(Parameters, DoublesAndDecimals) {
  double d = 0.25;
  EXPECT_EQ(param(SQL_C_DOUBLE, SQL_DOUBLE, &d), Value{0.25});
  std::int32_t i = 3;
  EXPECT_EQ(param(SQL_C_SLONG, SQL_DOUBLE, &i), Value{3.0});
  EXPECT_EQ(param(SQL_C_CHAR, SQL_DECIMAL, "12.5"), Value{12.5});
  EXPECT_EQ(param(SQL_C_CHAR, SQL_DECIMAL, "12"), Value{std::int64_t{12}});
  SQL_NUMERIC_STRUCT n{};
  n.precision = 10;
  n.scale = 2;
  n.sign = 0;
  n.val[0] = 0x39;  // 12345 = 0x3039
  n.val[1] = 0x30;
  EXPECT_EQ(param(SQL_C_NUMERIC, SQL_VARCHAR, &n), Value{std::string("-123.45")});
}

TEST(Parameters, BitIsZeroOrOne) {
  unsigned char bit = 1;
  EXPECT_EQ(param(SQL_C_BIT, SQL_BIT, &bit), Value{std::int64_t{1}});
  EXPECT_EQ(param(SQL_C_CHAR, SQL_BIT, "0"), Value{std::int64_t{0}});
  std::int32_t five = 5;
  EXPECT_EQ(errorOf(SQL_C_SLONG, SQL_BIT, &five), "22003");
}

TEST(Parameters, DatesBecomeCanonicalText) {
  SQL_DATE_STRUCT date{2026, 3, 1};
  EXPECT_EQ(param(SQL_C_TYPE_DATE, SQL_TYPE_DATE, &date), Value{std::string("2026-03-01")});
  EXPECT_EQ(param(SQL_C_TYPE_DATE, SQL_TYPE_TIMESTAMP, &date), Value{std::string("2026-03-01 00:00:00")});
  SQL_TIMESTAMP_STRUCT ts{2026, 3, 1, 10, 20, 30, 500000000};
  EXPECT_EQ(param(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, &ts), Value{std::string("2026-03-01 10:20:30.5")});
  EXPECT_EQ(param(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_DATE, &ts), Value{std::string("2026-03-01")});
  EXPECT_EQ(param(SQL_C_CHAR, SQL_TYPE_TIMESTAMP, "2026-03-01T10:20:30Z"), Value{std::string("2026-03-01 10:20:30")});
  EXPECT_EQ(errorOf(SQL_C_CHAR, SQL_TYPE_DATE, "tomorrow"), "22007");
  SQL_DATE_STRUCT bad{2026, 2, 30};
  EXPECT_EQ(errorOf(SQL_C_TYPE_DATE, SQL_TYPE_DATE, &bad), "22008");
}

TEST(Parameters, DefaultCTypeFollowsTheSqlType) {
  std::int64_t big = 9;
  EXPECT_EQ(param(SQL_C_DEFAULT, SQL_BIGINT, &big), Value{std::int64_t{9}});
  EXPECT_EQ(defaultCTypeForSqlType(SQL_WVARCHAR), SQL_C_WCHAR);
  EXPECT_EQ(defaultCTypeForSqlType(SQL_DECIMAL), SQL_C_CHAR);
}

TEST(Parameters, DataAtExecutionIsNotSupported) {
  SQLLEN at_exec = SQL_DATA_AT_EXEC;
  EXPECT_EQ(errorOf(SQL_C_CHAR, SQL_VARCHAR, "x", &at_exec), "HYC00");
  SQLLEN len_at_exec = SQL_LEN_DATA_AT_EXEC(10);
  EXPECT_EQ(errorOf(SQL_C_CHAR, SQL_VARCHAR, "x", &len_at_exec), "HYC00");
}

TEST(Parameters, MissingBufferIsHY009) {
  EXPECT_EQ(errorOf(SQL_C_CHAR, SQL_VARCHAR, nullptr), "HY009");
}

TEST(Parameters, BinaryBecomesBlob) {
  const unsigned char bytes[] = {0x00, 0xFF, 0x10};
  SQLLEN length = 3;
  Blob expected;
  expected.bytes = {0x00, 0xFF, 0x10};
  EXPECT_EQ(param(SQL_C_BINARY, SQL_VARBINARY, bytes, &length), Value{expected});
}

}  // namespace
}  // namespace monday::convert
