// ODBC escape sequences rewritten to SQLite, and the function bitmasks SQLGetInfo derives from
// the same table.

#include "driver/convert/escapes.h"

#include <gtest/gtest.h>

#include "driver/common/error.h"

namespace monday::convert {
namespace {

TEST(Escapes, TextWithoutEscapesIsUnchanged) {
  EXPECT_EQ(rewriteEscapes("SELECT * FROM Boards WHERE id = 1"), "SELECT * FROM Boards WHERE id = 1");
}

TEST(Escapes, DateTimeLiteralsBecomeTextLiterals) {
  EXPECT_EQ(rewriteEscapes("SELECT {d '2026-03-01'}"), "SELECT '2026-03-01'");
  EXPECT_EQ(rewriteEscapes("SELECT {t '10:20:30'}"), "SELECT '10:20:30'");
  EXPECT_EQ(rewriteEscapes("SELECT {ts '2026-03-01 10:20:30'}"), "SELECT '2026-03-01 10:20:30'");
  EXPECT_EQ(rewriteEscapes("SELECT { TS '2026-03-01 10:20:30' }"), "SELECT '2026-03-01 10:20:30'");
}

TEST(Escapes, ScalarFunctions) {
  EXPECT_EQ(rewriteEscapes("SELECT {fn UCASE(name)} FROM Boards"), "SELECT upper(name) FROM Boards");
  EXPECT_EQ(rewriteEscapes("{fn CONCAT(a, 'x')}"), "(a || 'x')");
  // Functions without an exact SQLite twin go to the engine's odbc_* functions (their results
  // are checked through the driver in tests/integration/scalar_functions_test.cpp).
  EXPECT_EQ(rewriteEscapes("{fn LEFT(name, 3)}"), "odbc_left(name, 3)");
  EXPECT_EQ(rewriteEscapes("{fn LOG(x)}"), "odbc_log(x)");  // ODBC LOG is the natural logarithm
  EXPECT_EQ(rewriteEscapes("{fn CURDATE()}"), "date('now')");
  EXPECT_EQ(rewriteEscapes("{fn YEAR(created_at)}"), "odbc_year(created_at)");
  EXPECT_EQ(rewriteEscapes("{fn TIMESTAMPADD(SQL_TSI_DAY, 1, created_at)}"),
            "odbc_timestampadd('SQL_TSI_DAY', 1, created_at)");
  EXPECT_EQ(rewriteEscapes("{fn CONVERT(id, SQL_VARCHAR)}"), "CAST(id AS TEXT)");
  EXPECT_EQ(rewriteEscapes("{fn IFNULL(a, 0)}"), "ifnull(a, 0)");
}

TEST(Escapes, NestedEscapesAndCommasInsideStrings) {
  EXPECT_EQ(rewriteEscapes("{fn UCASE({fn LCASE(x)})}"), "upper(lower(x))");
  EXPECT_EQ(rewriteEscapes("{fn CONCAT('a,b', {fn RTRIM(name)})}"), "('a,b' || rtrim(name, ' '))");
}

TEST(Escapes, Sql92FormsSQLiteDoesNotParse) {
  EXPECT_EQ(rewriteEscapes("SELECT EXTRACT(YEAR FROM created_at)"), "SELECT odbc_extract('YEAR', created_at)");
  EXPECT_EQ(rewriteEscapes("POSITION('a' IN name)"), "odbc_locate('a', name)");
  EXPECT_EQ(rewriteEscapes("TRIM(BOTH 'x' FROM name)"), "trim(name, 'x')");
  EXPECT_EQ(rewriteEscapes("TRIM(LEADING FROM name)"), "ltrim(name, ' ')");
  EXPECT_EQ(rewriteEscapes("trim(name)"), "trim(name)");
  EXPECT_EQ(rewriteEscapes("SUBSTRING(name FROM 2 FOR 3)"), "substr(name, 2, 3)");
  EXPECT_EQ(rewriteEscapes("CAST(created_at AS DATE)"), "odbc_cast_date(created_at)");
  EXPECT_EQ(rewriteEscapes("CAST(x AS DECIMAL(10, 2))"), "odbc_cast_decimal(x, 2)");
  EXPECT_EQ(rewriteEscapes("CAST(x AS VARCHAR(20))"), "odbc_cast_varchar(x, 20)");
  EXPECT_EQ(rewriteEscapes("CAST(x AS INTEGER)"), "CAST(x AS INTEGER)");
  EXPECT_EQ(rewriteEscapes("CHAR_LENGTH(name)"), "odbc_char_length(name)");
  EXPECT_EQ(rewriteEscapes("{fn EXTRACT(MONTH FROM {d '2026-02-03'})}"), "odbc_extract('MONTH', '2026-02-03')");
}

TEST(Escapes, NestedOuterJoinsBecomeParenthesised) {
  EXPECT_EQ(rewriteEscapes("{oj A LEFT OUTER JOIN B LEFT OUTER JOIN C ON B.x = C.x ON A.y = B.y}"),
            "A LEFT OUTER JOIN (B LEFT OUTER JOIN C ON B.x = C.x) ON A.y = B.y");
  EXPECT_EQ(rewriteEscapes("{oj A LEFT OUTER JOIN B ON A.y = B.y LEFT OUTER JOIN C ON B.x = C.x}"),
            "A LEFT OUTER JOIN B ON A.y = B.y LEFT OUTER JOIN C ON B.x = C.x");
}

TEST(Escapes, OuterJoinsAndLikeEscape) {
  EXPECT_EQ(rewriteEscapes("SELECT * FROM {oj Boards b LEFT OUTER JOIN Items i ON b.id = i.board_id}"),
            "SELECT * FROM Boards b LEFT OUTER JOIN Items i ON b.id = i.board_id");
  EXPECT_EQ(rewriteEscapes("WHERE name LIKE 'a\\_%' {escape '\\'}"), "WHERE name LIKE 'a\\_%' ESCAPE '\\'");
}

TEST(Escapes, BracesInsideLiteralsIdentifiersAndCommentsAreLeftAlone) {
  EXPECT_EQ(rewriteEscapes("SELECT '{fn UCASE(x)}'"), "SELECT '{fn UCASE(x)}'");
  EXPECT_EQ(rewriteEscapes("SELECT \"{d}\" FROM t"), "SELECT \"{d}\" FROM t");
  EXPECT_EQ(rewriteEscapes("SELECT 1 -- {fn x}\n"), "SELECT 1 -- {fn x}\n");
  EXPECT_EQ(rewriteEscapes("SELECT 'it''s {d}'"), "SELECT 'it''s {d}'");
}

TEST(Escapes, UnknownFunctionsAndCallsPassThrough) {
  EXPECT_EQ(rewriteEscapes("{fn ABS(x)}"), "abs(x)");
  EXPECT_EQ(rewriteEscapes("{fn SOMETHING_ELSE(x)}"), "SOMETHING_ELSE(x)");
  EXPECT_EQ(rewriteEscapes("{call GetOAuthAuthorizationURL(?)}"), "{call GetOAuthAuthorizationURL(?)}");
}

TEST(Escapes, UnterminatedEscapeIsASyntaxError) {
  try {
    rewriteEscapes("SELECT {fn UCASE(x)");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.state(), "42000");
  }
  try {
    rewriteEscapes("SELECT {d '2026-01-01");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.state(), "42000");
  }
}

TEST(Escapes, FunctionMasksNameOnlyTranslatedFunctions) {
  const auto& masks = escapeFunctionMasks();
  EXPECT_TRUE(masks.string_functions & SQL_FN_STR_UCASE);
  EXPECT_TRUE(masks.string_functions & SQL_FN_STR_SUBSTRING);
  EXPECT_TRUE(masks.string_functions & SQL_FN_STR_SOUNDEX);
  EXPECT_TRUE(masks.numeric_functions & SQL_FN_NUM_LOG);
  EXPECT_TRUE(masks.timedate_functions & SQL_FN_TD_NOW);
  EXPECT_TRUE(masks.timedate_functions & SQL_FN_TD_TIMESTAMPADD);
  EXPECT_TRUE(masks.system_functions & SQL_FN_SYS_IFNULL);
  EXPECT_TRUE(masks.convert_functions & SQL_FN_CVT_CAST);
}

}  // namespace
}  // namespace monday::convert

namespace monday::convert {
namespace {

TEST(Escapes, DeepNestingIsASyntaxErrorNotAStackOverflow) {
  std::string sql = "SELECT ";
  for (int i = 0; i < 200'000; ++i) sql += "{fn UCASE(";
  try {
    rewriteEscapes(sql);
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.state(), "42000");
    EXPECT_NE(std::string(e.message()).find("nested"), std::string::npos) << e.message();
  }
  std::string ok = "SELECT ";
  for (int i = 0; i < 20; ++i) ok += "{fn UCASE(";
  ok += "'x'";
  for (int i = 0; i < 20; ++i) ok += ")}";
  EXPECT_NO_THROW(rewriteEscapes(ok));
}

}  // namespace
}  // namespace monday::convert
