// SQLFetchScroll's positioning rules (ODBC reference, "Cursor Positioning Rules"), one orientation
// at a time, on a result of 10 rows with rowsets of 3.
#include <gtest/gtest.h>

#include "driver/handles/scroll.h"

namespace monday::handles {
namespace {

using Kind = RowsetPosition::Kind;
constexpr SQLLEN kLast = 10;
constexpr SQLLEN kSize = 3;

const RowsetPosition kBefore{Kind::BeforeStart, 0};
const RowsetPosition kAfter{Kind::AfterEnd, 0};
RowsetPosition on(SQLLEN row) { return {Kind::On, row}; }

std::string show(const ScrollOutcome& o) {
  std::string out = o.position.kind == Kind::BeforeStart ? "before"
                    : o.position.kind == Kind::AfterEnd  ? "after"
                                                         : std::to_string(o.position.start);
  return o.moved_to_first_row ? out + "!" : out;
}

std::string move(const RowsetPosition& from, SQLSMALLINT orientation, SQLLEN offset = 0, SQLLEN bookmark = 0) {
  return show(nextRowset(from, orientation, offset, kSize, kSize, kLast, bookmark));
}

TEST(Scroll, Next) {
  EXPECT_EQ(move(kBefore, SQL_FETCH_NEXT), "1");
  EXPECT_EQ(move(on(4), SQL_FETCH_NEXT), "7");
  EXPECT_EQ(move(on(7), SQL_FETCH_NEXT), "10");
  EXPECT_EQ(move(on(10), SQL_FETCH_NEXT), "after");
  EXPECT_EQ(move(kAfter, SQL_FETCH_NEXT), "after");
  // NEXT moves by the previous rowset's size.
  EXPECT_EQ(show(nextRowset(on(1), SQL_FETCH_NEXT, 0, 5, 2, kLast, 0)), "3");
}

TEST(Scroll, Prior) {
  EXPECT_EQ(move(kBefore, SQL_FETCH_PRIOR), "before");
  EXPECT_EQ(move(on(1), SQL_FETCH_PRIOR), "before");
  EXPECT_EQ(move(on(3), SQL_FETCH_PRIOR), "1!");
  EXPECT_EQ(move(on(7), SQL_FETCH_PRIOR), "4");
  EXPECT_EQ(move(kAfter, SQL_FETCH_PRIOR), "8");
  EXPECT_EQ(show(nextRowset(kAfter, SQL_FETCH_PRIOR, 0, 20, 20, kLast, 0)), "1!");
}

TEST(Scroll, Relative) {
  EXPECT_EQ(move(kBefore, SQL_FETCH_RELATIVE, 2), "2");   // as ABSOLUTE 2
  EXPECT_EQ(move(kBefore, SQL_FETCH_RELATIVE, -2), "before");
  EXPECT_EQ(move(on(1), SQL_FETCH_RELATIVE, -1), "before");
  EXPECT_EQ(move(on(3), SQL_FETCH_RELATIVE, -3), "1!");
  EXPECT_EQ(move(on(3), SQL_FETCH_RELATIVE, -5), "before");
  EXPECT_EQ(move(on(3), SQL_FETCH_RELATIVE, 4), "7");
  EXPECT_EQ(move(on(3), SQL_FETCH_RELATIVE, 0), "3");
  EXPECT_EQ(move(on(8), SQL_FETCH_RELATIVE, 3), "after");
  EXPECT_EQ(move(kAfter, SQL_FETCH_RELATIVE, -2), "9");   // as ABSOLUTE -2
  EXPECT_EQ(move(kAfter, SQL_FETCH_RELATIVE, 1), "after");
}

TEST(Scroll, Absolute) {
  EXPECT_EQ(move(on(5), SQL_FETCH_ABSOLUTE, 4), "4");
  EXPECT_EQ(move(on(5), SQL_FETCH_ABSOLUTE, -1), "10");
  EXPECT_EQ(move(on(5), SQL_FETCH_ABSOLUTE, -10), "1");
  EXPECT_EQ(move(on(5), SQL_FETCH_ABSOLUTE, 0), "before");
  EXPECT_EQ(move(on(5), SQL_FETCH_ABSOLUTE, 11), "after");
  EXPECT_EQ(move(on(5), SQL_FETCH_ABSOLUTE, -20), "before");
  EXPECT_EQ(show(nextRowset(on(5), SQL_FETCH_ABSOLUTE, -12, 20, 20, kLast, 0)), "1!");
}

TEST(Scroll, FirstLastBookmark) {
  EXPECT_EQ(move(on(7), SQL_FETCH_FIRST), "1");
  EXPECT_EQ(move(kBefore, SQL_FETCH_LAST), "8");
  EXPECT_EQ(show(nextRowset(kBefore, SQL_FETCH_LAST, 0, 20, 20, kLast, 0)), "1");
  EXPECT_EQ(move(kBefore, SQL_FETCH_BOOKMARK, 0, 6), "6");
  EXPECT_EQ(move(kBefore, SQL_FETCH_BOOKMARK, -2, 6), "4");
  EXPECT_EQ(move(kBefore, SQL_FETCH_BOOKMARK, -6, 6), "before");
  EXPECT_EQ(move(kBefore, SQL_FETCH_BOOKMARK, 5, 6), "after");
  // An empty result.
  EXPECT_EQ(show(nextRowset(kBefore, SQL_FETCH_FIRST, 0, kSize, kSize, 0, 0)), "after");
  EXPECT_EQ(show(nextRowset(kBefore, SQL_FETCH_LAST, 0, kSize, kSize, 0, 0)), "after");
}

}  // namespace
}  // namespace monday::handles
