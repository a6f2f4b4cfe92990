// Every scalar function, interval and SQL-92 form SQLGetInfo advertises, run through the driver
// manager with the ANSI and the Unicode entry points: the test walks each advertised bit, finds
// its case (a bit without one fails: nothing is advertised untested), and checks the value.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

struct Case {
  std::string expression;  // selected as SELECT <expression>
  std::string expected;    // exact text, or a number compared within 1e-9, or "re:<regex>"
};

// One row, one column: the value as text through the A or the W functions; nullopt for NULL.
std::optional<std::string> scalar(Connection& connection, const std::string& expression, bool wide, std::string* error) {
  SQLHSTMT stmt = SQL_NULL_HSTMT;
  SQLAllocHandle(SQL_HANDLE_STMT, connection.handle(), &stmt);
  const std::string sql = "SELECT " + expression;
  SQLRETURN rc;
  if (wide) {
    const std::u16string text = utf16(sql);
    rc = SQLExecDirectW(stmt, (SQLWCHAR*)text.c_str(), SQL_NTS);
  } else {
    rc = SQLExecDirect(stmt, (SQLCHAR*)sql.c_str(), SQL_NTS);
  }
  std::optional<std::string> out;
  if (SQL_SUCCEEDED(rc)) rc = SQLFetch(stmt);
  if (SQL_SUCCEEDED(rc)) {
    SQLLEN indicator = 0;
    if (wide) {
      SQLWCHAR buffer[512] = {0};
      rc = SQLGetData(stmt, 1, SQL_C_WCHAR, buffer, sizeof buffer, &indicator);
      if (SQL_SUCCEEDED(rc) && indicator != SQL_NULL_DATA) out = utf8(std::u16string(reinterpret_cast<char16_t*>(buffer)));
    } else {
      char buffer[1024] = {0};
      rc = SQLGetData(stmt, 1, SQL_C_CHAR, buffer, sizeof buffer, &indicator);
      if (SQL_SUCCEEDED(rc) && indicator != SQL_NULL_DATA) out = buffer;
    }
  }
  if (!SQL_SUCCEEDED(rc) && error) *error = sql + ": " + describe(diagnostics(SQL_HANDLE_STMT, stmt));
  SQLFreeHandle(SQL_HANDLE_STMT, stmt);
  return out;
}

void check(Connection& connection, const std::string& bit_name, const Case& c) {
  for (bool wide : {false, true}) {
    std::string error;
    const auto got = scalar(connection, c.expression, wide, &error);
    ASSERT_TRUE(error.empty()) << bit_name << (wide ? " (W)" : " (A)") << ": " << error;
    ASSERT_TRUE(got.has_value()) << bit_name << ": " << c.expression << " is NULL";
    if (c.expected.rfind("re:", 0) == 0) {
      EXPECT_TRUE(std::regex_match(*got, std::regex(c.expected.substr(3)))) << bit_name << ": " << c.expression << " = " << *got;
      continue;
    }
    char* end = nullptr;
    const double want = std::strtod(c.expected.c_str(), &end);
    if (!c.expected.empty() && end && *end == '\0') {
      EXPECT_NEAR(std::strtod(got->c_str(), nullptr), want, 1e-9 * std::max(1.0, std::fabs(want)))
          << bit_name << ": " << c.expression << " = " << *got;
    } else {
      EXPECT_EQ(*got, c.expected) << bit_name << ": " << c.expression;
    }
  }
}

SQLUINTEGER infoMask(Connection& connection, SQLUSMALLINT type) {
  SQLUINTEGER value = 0;
  EXPECT_TRUE(SQL_SUCCEEDED(SQLGetInfo(connection.handle(), type, &value, sizeof value, nullptr)));
  return value;
}

// Walks every bit of `type`'s mask: an advertised bit must have a case, and the case must pass.
void walk(Connection& connection, SQLUSMALLINT type, const char* type_name, const std::map<SQLUINTEGER, std::vector<Case>>& cases) {
  const SQLUINTEGER mask = infoMask(connection, type);
  EXPECT_NE(mask, 0u) << type_name;
  for (int bit = 0; bit < 32; ++bit) {
    const SQLUINTEGER flag = 1u << bit;
    if (!(mask & flag)) continue;
    const std::string name = std::string(type_name) + " bit " + std::to_string(flag);
    auto found = cases.find(flag);
    if (found == cases.end()) {
      ADD_FAILURE() << name << " is advertised but this test has no case for it";
      continue;
    }
    for (const auto& c : found->second) check(connection, name, c);
  }
}

class ScalarFunctions : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.driverConnect(sandboxConnectionString()))) << describe(connection_.lastDiagnostics());
  }
  Environment env_;
  Connection connection_{env_};
};

const std::string kTs = "{ts '2026-03-15 14:30:45'}";  // a Sunday, day 74 of the year

}  // namespace

TEST_F(ScalarFunctions, StringFunctions) {
  walk(connection_, SQL_STRING_FUNCTIONS, "SQL_STRING_FUNCTIONS",
       {{SQL_FN_STR_ASCII, {{"{fn ASCII('a')}", "97"}}},
        {SQL_FN_STR_BIT_LENGTH, {{"{fn BIT_LENGTH('ab')}", "16"}}},
        {SQL_FN_STR_CHAR, {{"{fn CHAR(97)}", "a"}}},
        {SQL_FN_STR_CHAR_LENGTH, {{"{fn CHAR_LENGTH('héllo')}", "5"}}},
        {SQL_FN_STR_CHARACTER_LENGTH, {{"{fn CHARACTER_LENGTH('héllo')}", "5"}}},
        {SQL_FN_STR_CONCAT, {{"{fn CONCAT('a', 'b')}", "ab"}}},
        {SQL_FN_STR_DIFFERENCE, {{"{fn DIFFERENCE('Robert', 'Rupert')}", "4"}}},
        {SQL_FN_STR_INSERT, {{"{fn INSERT('abcdef', 2, 3, 'XY')}", "aXYef"}}},
        {SQL_FN_STR_LCASE, {{"{fn LCASE('AbC')}", "abc"}}},
        {SQL_FN_STR_LEFT, {{"{fn LEFT('héllo', 2)}", "hé"}}},
        {SQL_FN_STR_LENGTH, {{"{fn LENGTH('ab  ')}", "2"}}},
        {SQL_FN_STR_LOCATE, {{"{fn LOCATE('l', 'hello')}", "3"}, {"{fn LOCATE('x', 'hello')}", "0"}}},
        {SQL_FN_STR_LOCATE_2, {{"{fn LOCATE('l', 'hello', 4)}", "4"}}},
        {SQL_FN_STR_LTRIM, {{"{fn LTRIM('  a')}", "a"}}},
        {SQL_FN_STR_OCTET_LENGTH, {{"{fn OCTET_LENGTH('é')}", "2"}}},
        {SQL_FN_STR_POSITION, {{"{fn POSITION('l' IN 'hello')}", "3"}}},
        {SQL_FN_STR_REPEAT, {{"{fn REPEAT('ab', 3)}", "ababab"}}},
        {SQL_FN_STR_REPLACE, {{"{fn REPLACE('aXa', 'X', 'b')}", "aba"}}},
        {SQL_FN_STR_RIGHT, {{"{fn RIGHT('héllo', 3)}", "llo"}}},
        {SQL_FN_STR_RTRIM, {{"{fn RTRIM('a  ')}", "a"}}},
        {SQL_FN_STR_SOUNDEX, {{"{fn SOUNDEX('Robert')}", "R163"}}},
        {SQL_FN_STR_SPACE, {{"'[' || {fn SPACE(3)} || ']'", "[   ]"}}},
        {SQL_FN_STR_SUBSTRING, {{"{fn SUBSTRING('hello', 2, 3)}", "ell"}, {"{fn SUBSTRING('hello', 4)}", "lo"}}},
        {SQL_FN_STR_UCASE, {{"{fn UCASE('abc')}", "ABC"}}}});
}

TEST_F(ScalarFunctions, NumericFunctions) {
  walk(connection_, SQL_NUMERIC_FUNCTIONS, "SQL_NUMERIC_FUNCTIONS",
       {{SQL_FN_NUM_ABS, {{"{fn ABS(-2.5)}", "2.5"}}},
        {SQL_FN_NUM_ACOS, {{"{fn ACOS(1)}", "0"}}},
        {SQL_FN_NUM_ASIN, {{"{fn ASIN(1)}", "1.5707963267948966"}}},
        {SQL_FN_NUM_ATAN, {{"{fn ATAN(1)}", "0.7853981633974483"}}},
        {SQL_FN_NUM_ATAN2, {{"{fn ATAN2(1, 1)}", "0.7853981633974483"}}},
        {SQL_FN_NUM_CEILING, {{"{fn CEILING(1.2)}", "2"}, {"{fn CEILING(-1.2)}", "-1"}}},
        {SQL_FN_NUM_COS, {{"{fn COS(0)}", "1"}}},
        {SQL_FN_NUM_COT, {{"{fn COT(1)}", "0.6420926159343306"}}},
        {SQL_FN_NUM_DEGREES, {{"{fn DEGREES(1)}", "57.29577951308232"}}},
        {SQL_FN_NUM_EXP, {{"{fn EXP(1)}", "2.718281828459045"}}},
        {SQL_FN_NUM_FLOOR, {{"{fn FLOOR(1.7)}", "1"}, {"{fn FLOOR(-1.2)}", "-2"}}},
        {SQL_FN_NUM_LOG, {{"{fn LOG(2.718281828459045)}", "1"}}},
        {SQL_FN_NUM_LOG10, {{"{fn LOG10(1000)}", "3"}}},
        {SQL_FN_NUM_MOD, {{"{fn MOD(7, 3)}", "1"}, {"{fn MOD(-7, 3)}", "-1"}}},
        {SQL_FN_NUM_PI, {{"{fn PI()}", "3.141592653589793"}}},
        {SQL_FN_NUM_POWER, {{"{fn POWER(2, 10)}", "1024"}}},
        {SQL_FN_NUM_RADIANS, {{"{fn RADIANS(180)}", "3.141592653589793"}}},
        {SQL_FN_NUM_RAND, {{"{fn RAND()}", "re:0(\\.[0-9]+(e-[0-9]+)?)?|1"}, {"{fn RAND(7)} = {fn RAND(7)}", "1"}}},
        {SQL_FN_NUM_ROUND, {{"{fn ROUND(2.567, 2)}", "2.57"}, {"{fn ROUND(1234.5, -2)}", "1200"}}},
        {SQL_FN_NUM_SIGN, {{"{fn SIGN(-3)}", "-1"}, {"{fn SIGN(0)}", "0"}}},
        {SQL_FN_NUM_SIN, {{"{fn SIN(0)}", "0"}}},
        {SQL_FN_NUM_SQRT, {{"{fn SQRT(16)}", "4"}}},
        {SQL_FN_NUM_TAN, {{"{fn TAN(0)}", "0"}}},
        {SQL_FN_NUM_TRUNCATE, {{"{fn TRUNCATE(2.567, 1)}", "2.5"}, {"{fn TRUNCATE(-2.567, 0)}", "-2"}}}});
}

TEST_F(ScalarFunctions, TimeDateFunctions) {
  walk(connection_, SQL_TIMEDATE_FUNCTIONS, "SQL_TIMEDATE_FUNCTIONS",
       {{SQL_FN_TD_CURDATE, {{"{fn CURDATE()}", "re:\\d{4}-\\d\\d-\\d\\d"}}},
        {SQL_FN_TD_CURRENT_DATE, {{"{fn CURRENT_DATE()}", "re:\\d{4}-\\d\\d-\\d\\d"}}},
        {SQL_FN_TD_CURTIME, {{"{fn CURTIME()}", "re:\\d\\d:\\d\\d:\\d\\d"}}},
        {SQL_FN_TD_CURRENT_TIME, {{"{fn CURRENT_TIME()}", "re:\\d\\d:\\d\\d:\\d\\d"}}},
        {SQL_FN_TD_NOW, {{"{fn NOW()}", "re:\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"}}},
        {SQL_FN_TD_CURRENT_TIMESTAMP, {{"{fn CURRENT_TIMESTAMP()}", "re:\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"}}},
        {SQL_FN_TD_DAYNAME, {{"{fn DAYNAME(" + kTs + ")}", "Sunday"}}},
        {SQL_FN_TD_DAYOFMONTH, {{"{fn DAYOFMONTH(" + kTs + ")}", "15"}}},
        {SQL_FN_TD_DAYOFWEEK, {{"{fn DAYOFWEEK(" + kTs + ")}", "1"}}},
        {SQL_FN_TD_DAYOFYEAR, {{"{fn DAYOFYEAR(" + kTs + ")}", "74"}}},
        {SQL_FN_TD_EXTRACT, {{"{fn EXTRACT(MONTH FROM " + kTs + ")}", "3"}}},
        {SQL_FN_TD_HOUR, {{"{fn HOUR(" + kTs + ")}", "14"}, {"{fn HOUR({t '09:10:11'})}", "9"}}},
        {SQL_FN_TD_MINUTE, {{"{fn MINUTE(" + kTs + ")}", "30"}}},
        {SQL_FN_TD_MONTH, {{"{fn MONTH(" + kTs + ")}", "3"}}},
        {SQL_FN_TD_MONTHNAME, {{"{fn MONTHNAME(" + kTs + ")}", "March"}}},
        {SQL_FN_TD_QUARTER, {{"{fn QUARTER(" + kTs + ")}", "1"}, {"{fn QUARTER({d '2026-12-31'})}", "4"}}},
        {SQL_FN_TD_SECOND, {{"{fn SECOND(" + kTs + ")}", "45"}}},
        {SQL_FN_TD_TIMESTAMPADD, {{"{fn TIMESTAMPADD(SQL_TSI_DAY, 1, " + kTs + ")}", "2026-03-16 14:30:45"}}},
        {SQL_FN_TD_TIMESTAMPDIFF, {{"{fn TIMESTAMPDIFF(SQL_TSI_DAY, {d '2026-03-01'}, " + kTs + ")}", "14"}}},
        {SQL_FN_TD_WEEK, {{"{fn WEEK({d '2026-03-15'})}", "12"}, {"{fn WEEK({d '2026-01-01'})}", "1"}}},
        {SQL_FN_TD_YEAR, {{"{fn YEAR(" + kTs + ")}", "2026"}}}});
}

TEST_F(ScalarFunctions, EveryTimestampAddInterval) {
  walk(connection_, SQL_TIMEDATE_ADD_INTERVALS, "SQL_TIMEDATE_ADD_INTERVALS",
       {{SQL_FN_TSI_FRAC_SECOND,
         {{"{fn TIMESTAMPADD(SQL_TSI_FRAC_SECOND, 500000000, {ts '2026-01-01 00:00:00'})}", "2026-01-01 00:00:00.5"}}},
        {SQL_FN_TSI_SECOND, {{"{fn TIMESTAMPADD(SQL_TSI_SECOND, 30, {ts '2026-01-01 23:59:59'})}", "2026-01-02 00:00:29"}}},
        {SQL_FN_TSI_MINUTE, {{"{fn TIMESTAMPADD(SQL_TSI_MINUTE, 90, {ts '2026-01-01 00:00:00'})}", "2026-01-01 01:30:00"}}},
        {SQL_FN_TSI_HOUR, {{"{fn TIMESTAMPADD(SQL_TSI_HOUR, -25, {ts '2026-01-01 00:00:00'})}", "2025-12-30 23:00:00"}}},
        {SQL_FN_TSI_DAY, {{"{fn TIMESTAMPADD(SQL_TSI_DAY, -1, {d '2026-01-01'})}", "2025-12-31 00:00:00"}}},
        {SQL_FN_TSI_WEEK, {{"{fn TIMESTAMPADD(SQL_TSI_WEEK, 2, {d '2026-01-01'})}", "2026-01-15 00:00:00"}}},
        // Month ends are clamped: January 31st plus a month is the last day of February.
        {SQL_FN_TSI_MONTH, {{"{fn TIMESTAMPADD(SQL_TSI_MONTH, 1, {ts '2026-01-31 10:00:00'})}", "2026-02-28 10:00:00"}}},
        {SQL_FN_TSI_QUARTER, {{"{fn TIMESTAMPADD(SQL_TSI_QUARTER, 1, {d '2026-11-30'})}", "2027-02-28 00:00:00"}}},
        {SQL_FN_TSI_YEAR, {{"{fn TIMESTAMPADD(SQL_TSI_YEAR, 1, {d '2028-02-29'})}", "2029-02-28 00:00:00"}}}});
}

TEST_F(ScalarFunctions, EveryTimestampDiffIntervalCountsBoundaries) {
  walk(connection_, SQL_TIMEDATE_DIFF_INTERVALS, "SQL_TIMEDATE_DIFF_INTERVALS",
       {{SQL_FN_TSI_FRAC_SECOND,
         {{"{fn TIMESTAMPDIFF(SQL_TSI_FRAC_SECOND, {ts '2026-01-01 00:00:00'}, {ts '2026-01-01 00:00:01.25'})}", "1250000000"}}},
        {SQL_FN_TSI_SECOND, {{"{fn TIMESTAMPDIFF(SQL_TSI_SECOND, {ts '2026-01-01 10:00:59.9'}, {ts '2026-01-01 10:01:00'})}", "1"}}},
        {SQL_FN_TSI_MINUTE, {{"{fn TIMESTAMPDIFF(SQL_TSI_MINUTE, {ts '2026-01-01 10:59:59'}, {ts '2026-01-01 11:00:00'})}", "1"}}},
        {SQL_FN_TSI_HOUR, {{"{fn TIMESTAMPDIFF(SQL_TSI_HOUR, {ts '2026-01-01 10:59:00'}, {ts '2026-01-01 11:00:00'})}", "1"}}},
        {SQL_FN_TSI_DAY, {{"{fn TIMESTAMPDIFF(SQL_TSI_DAY, {ts '2026-01-01 23:59:00'}, {ts '2026-01-02 00:00:00'})}", "1"},
                          {"{fn TIMESTAMPDIFF(SQL_TSI_DAY, {d '2026-01-10'}, {d '2026-01-01'})}", "-9"}}},
        // 2026-01-03 is a Saturday, 2026-01-04 a Sunday: one week boundary.
        {SQL_FN_TSI_WEEK, {{"{fn TIMESTAMPDIFF(SQL_TSI_WEEK, {d '2026-01-03'}, {d '2026-01-04'})}", "1"},
                           {"{fn TIMESTAMPDIFF(SQL_TSI_WEEK, {d '2026-01-04'}, {d '2026-01-10'})}", "0"}}},
        {SQL_FN_TSI_MONTH, {{"{fn TIMESTAMPDIFF(SQL_TSI_MONTH, {d '2026-01-31'}, {d '2026-02-01'})}", "1"}}},
        {SQL_FN_TSI_QUARTER, {{"{fn TIMESTAMPDIFF(SQL_TSI_QUARTER, {d '2026-03-31'}, {d '2026-04-01'})}", "1"}}},
        {SQL_FN_TSI_YEAR, {{"{fn TIMESTAMPDIFF(SQL_TSI_YEAR, {d '2025-12-31'}, {d '2026-01-01'})}", "1"}}}});
}

TEST_F(ScalarFunctions, SystemAndConversionFunctions) {
  walk(connection_, SQL_SYSTEM_FUNCTIONS, "SQL_SYSTEM_FUNCTIONS",
       {{SQL_FN_SYS_DBNAME, {{"'[' || {fn DATABASE()} || ']'", "[]"}}},
        {SQL_FN_SYS_IFNULL, {{"{fn IFNULL(NULL, 3)}", "3"}}},
        {SQL_FN_SYS_USERNAME, {{"{fn USER()}", "avery.stone@sandbox-co.example"}}}});
  walk(connection_, SQL_CONVERT_FUNCTIONS, "SQL_CONVERT_FUNCTIONS",
       {{SQL_FN_CVT_CAST, {{"CAST('12' AS INTEGER) + 1", "13"}}},
        {SQL_FN_CVT_CONVERT, {{"{fn CONVERT('2026-03-15 14:30:45', SQL_DATE)}", "2026-03-15"}}}});
}

TEST_F(ScalarFunctions, EveryAdvertisedConversionRuns) {
  // For each source type, SQL_CONVERT_<source> says which SQL_CVT_<target> CONVERT can reach.
  struct Type {
    SQLUSMALLINT info;
    const char* name;
    std::string sample;       // a value of the source type
    std::string date_sample;  // the same type holding something date-like (text sources)
  };
  const std::vector<Type> sources = {
      {SQL_CONVERT_CHAR, "SQL_CHAR", "'12'", "'2026-03-15 14:30:45'"},
      {SQL_CONVERT_VARCHAR, "SQL_VARCHAR", "'12'", "'2026-03-15 14:30:45'"},
      {SQL_CONVERT_LONGVARCHAR, "SQL_LONGVARCHAR", "'12'", "'2026-03-15 14:30:45'"},
      {SQL_CONVERT_WCHAR, "SQL_WCHAR", "'12'", "'2026-03-15 14:30:45'"},
      {SQL_CONVERT_WVARCHAR, "SQL_WVARCHAR", "'12'", "'2026-03-15 14:30:45'"},
      {SQL_CONVERT_WLONGVARCHAR, "SQL_WLONGVARCHAR", "'12'", "'2026-03-15 14:30:45'"},
      {SQL_CONVERT_INTEGER, "SQL_INTEGER", "12", "12"},
      {SQL_CONVERT_SMALLINT, "SQL_SMALLINT", "12", "12"},
      {SQL_CONVERT_TINYINT, "SQL_TINYINT", "12", "12"},
      {SQL_CONVERT_BIGINT, "SQL_BIGINT", "12", "12"},
      {SQL_CONVERT_BIT, "SQL_BIT", "1", "1"},
      {SQL_CONVERT_DOUBLE, "SQL_DOUBLE", "12.0", "12.0"},
      {SQL_CONVERT_FLOAT, "SQL_FLOAT", "12.0", "12.0"},
      {SQL_CONVERT_REAL, "SQL_REAL", "12.0", "12.0"},
      {SQL_CONVERT_DECIMAL, "SQL_DECIMAL", "12.0", "12.0"},
      {SQL_CONVERT_NUMERIC, "SQL_NUMERIC", "12.0", "12.0"},
      {SQL_CONVERT_DATE, "SQL_DATE", "{d '2026-03-15'}", "{d '2026-03-15'}"},
      {SQL_CONVERT_TIMESTAMP, "SQL_TIMESTAMP", "{ts '2026-03-15 14:30:45'}", "{ts '2026-03-15 14:30:45'}"},
      {SQL_CONVERT_TIME, "SQL_TIME", "{t '14:30:45'}", "{t '14:30:45'}"},
  };
  const std::vector<std::pair<SQLUINTEGER, const char*>> targets = {
      {SQL_CVT_CHAR, "SQL_CHAR"},         {SQL_CVT_VARCHAR, "SQL_VARCHAR"},   {SQL_CVT_LONGVARCHAR, "SQL_LONGVARCHAR"},
      {SQL_CVT_WCHAR, "SQL_WCHAR"},       {SQL_CVT_WVARCHAR, "SQL_WVARCHAR"}, {SQL_CVT_WLONGVARCHAR, "SQL_WLONGVARCHAR"},
      {SQL_CVT_INTEGER, "SQL_INTEGER"},   {SQL_CVT_SMALLINT, "SQL_SMALLINT"}, {SQL_CVT_TINYINT, "SQL_TINYINT"},
      {SQL_CVT_BIGINT, "SQL_BIGINT"},     {SQL_CVT_BIT, "SQL_BIT"},           {SQL_CVT_DOUBLE, "SQL_DOUBLE"},
      {SQL_CVT_FLOAT, "SQL_FLOAT"},       {SQL_CVT_REAL, "SQL_REAL"},         {SQL_CVT_DECIMAL, "SQL_DECIMAL"},
      {SQL_CVT_NUMERIC, "SQL_NUMERIC"},   {SQL_CVT_DATE, "SQL_DATE"},         {SQL_CVT_TIMESTAMP, "SQL_TIMESTAMP"},
      {SQL_CVT_TIME, "SQL_TIME"},
  };
  std::size_t checked = 0;
  for (const auto& source : sources) {
    const SQLUINTEGER mask = infoMask(connection_, source.info);
    for (const auto& [flag, target] : targets) {
      if (!(mask & flag)) continue;
      const bool to_datetime = flag == SQL_CVT_DATE || flag == SQL_CVT_TIMESTAMP || flag == SQL_CVT_TIME;
      std::string error;
      const auto got = scalar(connection_, "{fn CONVERT(" + (to_datetime ? source.date_sample : source.sample) + ", " +
                                               target + ")}",
                              false, &error);
      EXPECT_TRUE(error.empty()) << source.name << " -> " << target << ": " << error;
      EXPECT_TRUE(got.has_value()) << source.name << " -> " << target;
      ++checked;
    }
  }
  EXPECT_GT(checked, 100u);
}

TEST_F(ScalarFunctions, Sql92FormsAndLiterals) {
  walk(connection_, SQL_SQL92_STRING_FUNCTIONS, "SQL_SQL92_STRING_FUNCTIONS",
       {{SQL_SSF_LOWER, {{"LOWER('AbC')", "abc"}}},
        {SQL_SSF_UPPER, {{"UPPER('AbC')", "ABC"}}},
        {SQL_SSF_SUBSTRING, {{"SUBSTRING('hello' FROM 2 FOR 3)", "ell"}, {"SUBSTRING('hello' FROM 4)", "lo"}}},
        {SQL_SSF_TRIM_BOTH, {{"TRIM(BOTH 'x' FROM 'xxaxx')", "a"}}},
        {SQL_SSF_TRIM_LEADING, {{"TRIM(LEADING 'x' FROM 'xxaxx')", "axx"}}},
        {SQL_SSF_TRIM_TRAILING, {{"TRIM(TRAILING FROM '  a  ') || '|'", "  a|"}}}});
  walk(connection_, SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, "SQL_SQL92_NUMERIC_VALUE_FUNCTIONS",
       {{SQL_SNVF_BIT_LENGTH, {{"BIT_LENGTH('ab')", "16"}}},
        {SQL_SNVF_CHAR_LENGTH, {{"CHAR_LENGTH('héllo')", "5"}}},
        {SQL_SNVF_CHARACTER_LENGTH, {{"CHARACTER_LENGTH('héllo')", "5"}}},
        {SQL_SNVF_EXTRACT,
         {{"EXTRACT(YEAR FROM " + kTs + ")", "2026"}, {"EXTRACT(QUARTER FROM " + kTs + ")", "1"},
          {"EXTRACT(MONTH FROM " + kTs + ")", "3"}, {"EXTRACT(WEEK FROM " + kTs + ")", "12"},
          {"EXTRACT(DAY FROM " + kTs + ")", "15"}, {"EXTRACT(HOUR FROM " + kTs + ")", "14"},
          {"EXTRACT(MINUTE FROM " + kTs + ")", "30"}, {"EXTRACT(SECOND FROM " + kTs + ")", "45"}}},
        {SQL_SNVF_OCTET_LENGTH, {{"OCTET_LENGTH('é')", "2"}}},
        {SQL_SNVF_POSITION, {{"POSITION('l' IN 'hello')", "3"}}}});
  walk(connection_, SQL_SQL92_DATETIME_FUNCTIONS, "SQL_SQL92_DATETIME_FUNCTIONS",
       {{SQL_SDF_CURRENT_DATE, {{"CURRENT_DATE", "re:\\d{4}-\\d\\d-\\d\\d"}}},
        {SQL_SDF_CURRENT_TIME, {{"CURRENT_TIME", "re:\\d\\d:\\d\\d:\\d\\d"}}},
        {SQL_SDF_CURRENT_TIMESTAMP, {{"CURRENT_TIMESTAMP", "re:\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"}}}});
  walk(connection_, SQL_DATETIME_LITERALS, "SQL_DATETIME_LITERALS",
       {{SQL_DL_SQL92_DATE, {{"DATE '2026-03-15' = {d '2026-03-15'}", "1"}}},
        {SQL_DL_SQL92_TIME, {{"TIME '14:30:45'", "14:30:45"}}},
        {SQL_DL_SQL92_TIMESTAMP, {{"TIMESTAMP '2026-03-15 14:30:45'", "2026-03-15 14:30:45"}}}});
  walk(connection_, SQL_SQL92_VALUE_EXPRESSIONS, "SQL_SQL92_VALUE_EXPRESSIONS",
       {{SQL_SVE_CASE, {{"CASE WHEN 1 = 1 THEN 'y' ELSE 'n' END", "y"}}},
        {SQL_SVE_CAST,
         {{"CAST('2026-03-15 14:30:45' AS DATE)", "2026-03-15"}, {"CAST('2026-03-15' AS TIMESTAMP)", "2026-03-15 00:00:00"},
          {"CAST(12.345 AS DECIMAL(10, 2))", "12.35"}, {"CAST('abcdef' AS VARCHAR(3))", "abc"},
          {"CAST('42' AS INTEGER)", "42"}}},
        {SQL_SVE_COALESCE, {{"COALESCE(NULL, 'a')", "a"}}},
        {SQL_SVE_NULLIF, {{"IFNULL(NULLIF(1, 1), 'null')", "null"}}}});
  // || concatenates; LIKE takes an escape character.
  check(connection_, "||", {"'a' || 'b'", "ab"});
  check(connection_, "LIKE ESCAPE", {"'a_b' LIKE 'a\\_b' {escape '\\'}", "1"});
  check(connection_, "LIKE ESCAPE", {"'axb' LIKE 'a\\_b' {escape '\\'}", "0"});
}

TEST_F(ScalarFunctions, OuterJoinsInEveryAdvertisedForm) {
  Statement setup(connection_);
  for (const char* sql : {"CREATE TEMP TABLE oj_a (id INTEGER, v TEXT)", "CREATE TEMP TABLE oj_b (id INTEGER, v TEXT)",
                          "CREATE TEMP TABLE oj_c (id INTEGER, v TEXT)",
                          "INSERT INTO oj_a VALUES (1, 'a1'), (2, 'a2'), (3, 'a3')",
                          "INSERT INTO oj_b VALUES (1, 'b1'), (2, 'b2'), (4, 'b4')",
                          "INSERT INTO oj_c VALUES (1, 'c1'), (5, 'c5')"}) {
    Statement s(connection_);
    ASSERT_TRUE(SQL_SUCCEEDED(s.execDirect(sql))) << sql << describe(s.diagnostics());
  }
  auto count = [&](const std::string& from) { return "(SELECT COUNT(*) FROM " + from + ")"; };
  walk(connection_, SQL_OJ_CAPABILITIES, "SQL_OJ_CAPABILITIES",
       {{SQL_OJ_LEFT, {{count("{oj oj_a LEFT OUTER JOIN oj_b ON oj_a.id = oj_b.id}"), "3"}}},
        {SQL_OJ_RIGHT, {{count("{oj oj_a RIGHT OUTER JOIN oj_b ON oj_a.id = oj_b.id}"), "3"}}},
        {SQL_OJ_FULL, {{count("{oj oj_a FULL OUTER JOIN oj_b ON oj_a.id = oj_b.id}"), "4"}}},
        // SQL-92's nested form: the ON of the inner join comes before the outer one's.
        {SQL_OJ_NESTED,
         {{count("{oj oj_a LEFT OUTER JOIN oj_b LEFT OUTER JOIN oj_c ON oj_b.id = oj_c.id ON oj_a.id = oj_b.id}"), "3"},
          {"(SELECT group_concat(IFNULL(oj_c.v, '-'), ',') FROM {oj oj_a LEFT OUTER JOIN oj_b LEFT OUTER JOIN oj_c ON "
           "oj_b.id = oj_c.id ON oj_a.id = oj_b.id})",
           "c1,-,-"}}},
        {SQL_OJ_NOT_ORDERED, {{count("{oj oj_a LEFT OUTER JOIN oj_b ON oj_b.id = oj_a.id}"), "3"}}},
        {SQL_OJ_INNER, {{count("{oj oj_a LEFT OUTER JOIN oj_b ON oj_a.id = oj_b.id INNER JOIN oj_c ON oj_a.id = oj_c.id}"), "1"}}},
        {SQL_OJ_ALL_COMPARISON_OPS, {{count("{oj oj_a LEFT OUTER JOIN oj_b ON oj_a.id < oj_b.id}"), "4"}}}});
  walk(connection_, SQL_SQL92_RELATIONAL_JOIN_OPERATORS, "SQL_SQL92_RELATIONAL_JOIN_OPERATORS",
       {{SQL_SRJO_CROSS_JOIN, {{count("oj_a CROSS JOIN oj_b"), "9"}}},
        {SQL_SRJO_INNER_JOIN, {{count("oj_a INNER JOIN oj_b ON oj_a.id = oj_b.id"), "2"}}},
        {SQL_SRJO_LEFT_OUTER_JOIN, {{count("oj_a LEFT OUTER JOIN oj_b ON oj_a.id = oj_b.id"), "3"}}},
        {SQL_SRJO_RIGHT_OUTER_JOIN, {{count("oj_a RIGHT OUTER JOIN oj_b ON oj_a.id = oj_b.id"), "3"}}},
        {SQL_SRJO_FULL_OUTER_JOIN, {{count("oj_a FULL OUTER JOIN oj_b ON oj_a.id = oj_b.id"), "4"}}},
        {SQL_SRJO_NATURAL_JOIN, {{count("oj_a NATURAL JOIN oj_b"), "0"}}}});
}

TEST_F(ScalarFunctions, TableauDateShapesOnMondayData) {
  // What Tableau sends for a date axis: truncation by TIMESTAMPADD/TIMESTAMPDIFF and EXTRACT.
  const auto rows = query(connection_,
                          "SELECT {fn TIMESTAMPADD(SQL_TSI_DAY, 1, created_at)} AS next_day, EXTRACT(YEAR FROM created_at), "
                          "{fn TIMESTAMPADD(SQL_TSI_MONTH, {fn TIMESTAMPDIFF(SQL_TSI_MONTH, {d '1900-01-01'}, created_at)}, "
                          "{d '1900-01-01'})} AS month_start, CAST(created_at AS DATE) FROM Boards LIMIT 3");
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& row : rows) {
    ASSERT_TRUE(row[0] && row[1] && row[2] && row[3]);
    EXPECT_TRUE(std::regex_match(*row[0], std::regex("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"))) << *row[0];
    EXPECT_TRUE(std::regex_match(*row[2], std::regex("\\d{4}-\\d\\d-01 00:00:00"))) << *row[2];
    EXPECT_EQ(row[3]->size(), 10u);
  }
}
