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
  EXPECT_EQ(rewriteEscapes("{fn LEFT(name, 3)}"), "substr(name, 1, 3)");
  EXPECT_EQ(rewriteEscapes("{fn LOG(x)}"), "ln(x)");  // ODBC LOG is the natural logarithm
  EXPECT_EQ(rewriteEscapes("{fn CURDATE()}"), "date('now')");
  EXPECT_EQ(rewriteEscapes("{fn YEAR(created_at)}"), "CAST(strftime('%Y', created_at) AS INTEGER)");
  EXPECT_EQ(rewriteEscapes("{fn CONVERT(id, SQL_VARCHAR)}"), "CAST(id AS TEXT)");
  EXPECT_EQ(rewriteEscapes("{fn IFNULL(a, 0)}"), "ifnull(a, 0)");
}

TEST(Escapes, NestedEscapesAndCommasInsideStrings) {
  EXPECT_EQ(rewriteEscapes("{fn UCASE({fn LCASE(x)})}"), "upper(lower(x))");
  EXPECT_EQ(rewriteEscapes("{fn CONCAT('a,b', {fn RTRIM(name)})}"), "('a,b' || rtrim(name, ' '))");
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
  EXPECT_FALSE(masks.string_functions & SQL_FN_STR_SOUNDEX);
  EXPECT_TRUE(masks.numeric_functions & SQL_FN_NUM_LOG);
  EXPECT_TRUE(masks.timedate_functions & SQL_FN_TD_NOW);
  EXPECT_FALSE(masks.timedate_functions & SQL_FN_TD_TIMESTAMPADD);
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
