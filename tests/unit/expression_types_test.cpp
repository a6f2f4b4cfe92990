// Types of SELECT-list expressions, known before any row is fetched.
#include <gtest/gtest.h>

#include "driver/engine/expression_types.h"

using monday::DataType;
using monday::engine::inferSelectListTypes;

TEST(ExpressionTypes, AggregatesCastsAndLiterals) {
  auto types = inferSelectListTypes(
      "SELECT b.name, COUNT(*) AS n, SUM(x) total, CAST(a AS INTEGER), 'text', 42, 4.5, -3, upper(name) || 'x' "
      "FROM Items i JOIN Boards b ON b.id = i.board_id GROUP BY b.name");
  ASSERT_EQ(types.size(), 9u);
  EXPECT_FALSE(types[0].has_value());  // a column reference: SQLite declares it
  EXPECT_EQ(types[1], DataType::BigInt);
  EXPECT_EQ(types[2], DataType::Double);
  EXPECT_EQ(types[3], DataType::BigInt);
  EXPECT_EQ(types[4], DataType::Varchar);
  EXPECT_EQ(types[5], DataType::BigInt);
  EXPECT_EQ(types[6], DataType::Double);
  EXPECT_EQ(types[7], DataType::BigInt);
  EXPECT_EQ(types[8], DataType::Varchar);
}

TEST(ExpressionTypes, NestedCommasAndStringsDoNotSplitTheList) {
  auto types = inferSelectListTypes("select count(distinct a), substr('a,b', 1, 2), \"we,ird\" from t");
  ASSERT_EQ(types.size(), 3u);
  EXPECT_EQ(types[0], DataType::BigInt);
  EXPECT_EQ(types[1], DataType::Varchar);
}

TEST(ExpressionTypes, WithClauseAndStarAreHandled) {
  EXPECT_EQ(inferSelectListTypes("WITH x AS (SELECT 1) SELECT COUNT(*) FROM x").size(), 1u);
  EXPECT_TRUE(inferSelectListTypes("SELECT * FROM Boards").empty());
  EXPECT_TRUE(inferSelectListTypes("PRAGMA table_info(x)").empty());
}
