// Static (scrollable) cursors through the driver manager: every SQLFetchScroll orientation,
// bookmarks, SQLExtendedFetch, SQLSetPos(SQL_POSITION), row-status arrays, one trip to monday for
// however much scrolling, and KEYSET/DYNAMIC downgraded to STATIC with 01S02.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

class ScrollableCursors : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.driverConnect(sandboxConnectionString()))) << describe(connection_.lastDiagnostics());
    Statement create(connection_);
    ASSERT_TRUE(SQL_SUCCEEDED(create.execDirect(
        "CREATE TEMP TABLE numbers AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) "
        "SELECT i FROM n")));
  }
  void makeStatic(Statement& statement, SQLULEN rowset) {
    ASSERT_EQ(SQLSetStmtAttr(statement.handle(), SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0), SQL_SUCCESS);
    ASSERT_EQ(SQLSetStmtAttr(statement.handle(), SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)rowset, 0), SQL_SUCCESS);
  }
  Environment env_;
  Connection connection_{env_};
};

// The values of the rowset fetched by `orientation`/`offset`: rows bound column-wise, with the
// row status array and rows-fetched count.
struct Rowset {
  SQLRETURN rc;
  std::vector<int> values;
  std::string state;  // first diagnostic, if any
};

Rowset fetchScroll(SQLHSTMT stmt, SQLSMALLINT orientation, SQLLEN offset) {
  static SQLINTEGER values[3];
  static SQLLEN indicators[3];
  static SQLUSMALLINT status[3];
  static SQLULEN fetched = 0;
  SQLBindCol(stmt, 1, SQL_C_SLONG, values, sizeof(SQLINTEGER), indicators);
  SQLSetStmtAttr(stmt, SQL_ATTR_ROW_STATUS_PTR, status, 0);
  SQLSetStmtAttr(stmt, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
  Rowset out;
  out.rc = SQLFetchScroll(stmt, orientation, offset);
  const auto d = diagnostics(SQL_HANDLE_STMT, stmt);
  if (!d.empty()) out.state = d[0].state;
  if (SQL_SUCCEEDED(out.rc)) {
    for (SQLULEN i = 0; i < fetched; ++i) {
      EXPECT_EQ(status[i], SQL_ROW_SUCCESS);
      out.values.push_back(values[i]);
    }
    for (SQLULEN i = fetched; i < 3; ++i) EXPECT_EQ(status[i], SQL_ROW_NOROW);
  }
  return out;
}

std::vector<int> v(std::initializer_list<int> list) { return list; }

}  // namespace

TEST_F(ScrollableCursors, EveryOrientation) {
  Statement statement(connection_);
  makeStatic(statement, 3);
  ASSERT_TRUE(SQL_SUCCEEDED(statement.execDirect("SELECT i FROM numbers ORDER BY i")));
  SQLHSTMT s = statement.handle();
  EXPECT_EQ(fetchScroll(s, SQL_FETCH_NEXT, 0).values, v({1, 2, 3}));
  EXPECT_EQ(fetchScroll(s, SQL_FETCH_NEXT, 0).values, v({4, 5, 6}));
  EXPECT_EQ(fetchScroll(s, SQL_FETCH_PRIOR, 0).values, v({1, 2, 3}));
  EXPECT_EQ(fetchScroll(s, SQL_FETCH_LAST, 0).values, v({8, 9, 10}));
  EXPECT_EQ(fetchScroll(s, SQL_FETCH_ABSOLUTE, 5).values, v({5, 6, 7}));
  EXPECT_EQ(fetchScroll(s, SQL_FETCH_ABSOLUTE, -2).values, v({9, 10}));
  EXPECT_EQ(fetchScroll(s, SQL_FETCH_RELATIVE, -4).values, v({5, 6, 7}));
  EXPECT_EQ(fetchScroll(s, SQL_FETCH_FIRST, 0).values, v({1, 2, 3}));
  const Rowset near_start = fetchScroll(s, SQL_FETCH_ABSOLUTE, 2);
  EXPECT_EQ(near_start.values, v({2, 3, 4}));
  const Rowset before_first = fetchScroll(s, SQL_FETCH_PRIOR, 0);  // from row 2: moved to row 1
  EXPECT_EQ(before_first.rc, SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(before_first.state, "01S06");
  EXPECT_EQ(before_first.values, v({1, 2, 3}));
  EXPECT_EQ(fetchScroll(s, SQL_FETCH_ABSOLUTE, 11).rc, SQL_NO_DATA);
  EXPECT_EQ(fetchScroll(s, SQL_FETCH_PRIOR, 0).values, v({8, 9, 10}));
  EXPECT_EQ(fetchScroll(s, SQL_FETCH_ABSOLUTE, 0).rc, SQL_NO_DATA);
  EXPECT_EQ(fetchScroll(s, SQL_FETCH_NEXT, 0).values, v({1, 2, 3}));
  // SQL_ATTR_ROW_NUMBER follows SQLSetPos within the rowset; SQLGetData reads that row.
  ASSERT_EQ(SQLSetPos(s, 3, SQL_POSITION, SQL_LOCK_NO_CHANGE), SQL_SUCCESS);
  SQLULEN row_number = 0;
  SQLGetStmtAttr(s, SQL_ATTR_ROW_NUMBER, &row_number, 0, nullptr);
  EXPECT_EQ(row_number, 3u);
  SQLINTEGER value = 0;
  SQLLEN indicator = 0;
  ASSERT_TRUE(SQL_SUCCEEDED(SQLGetData(s, 1, SQL_C_SLONG, &value, 0, &indicator)));
  EXPECT_EQ(value, 3);
}

TEST_F(ScrollableCursors, BookmarksFindTheirRowAgain) {
  Statement statement(connection_);
  makeStatic(statement, 1);
  ASSERT_EQ(SQLSetStmtAttr(statement.handle(), SQL_ATTR_USE_BOOKMARKS, (SQLPOINTER)SQL_UB_VARIABLE, 0), SQL_SUCCESS);
  ASSERT_TRUE(SQL_SUCCEEDED(statement.execDirect("SELECT i FROM numbers ORDER BY i")));
  SQLHSTMT s = statement.handle();
  unsigned char mark[8] = {0};
  SQLLEN mark_length = 0;
  SQLINTEGER value = 0;
  SQLLEN indicator = 0;
  ASSERT_EQ(SQLBindCol(s, 0, SQL_C_VARBOOKMARK, mark, sizeof mark, &mark_length), SQL_SUCCESS);
  ASSERT_EQ(SQLBindCol(s, 1, SQL_C_SLONG, &value, 0, &indicator), SQL_SUCCESS);
  ASSERT_EQ(SQLFetchScroll(s, SQL_FETCH_ABSOLUTE, 7), SQL_SUCCESS);
  EXPECT_EQ(value, 7);
  EXPECT_EQ(mark_length, 8);
  unsigned char saved[8];
  std::memcpy(saved, mark, sizeof saved);
  ASSERT_EQ(SQLFetchScroll(s, SQL_FETCH_FIRST, 0), SQL_SUCCESS);
  EXPECT_EQ(value, 1);
  ASSERT_EQ(SQLSetStmtAttr(s, SQL_ATTR_FETCH_BOOKMARK_PTR, saved, 0), SQL_SUCCESS);
  ASSERT_EQ(SQLFetchScroll(s, SQL_FETCH_BOOKMARK, 0), SQL_SUCCESS);
  EXPECT_EQ(value, 7);
  ASSERT_EQ(SQLFetchScroll(s, SQL_FETCH_BOOKMARK, -2), SQL_SUCCESS);
  EXPECT_EQ(value, 5);
  // Column 0 through SQLGetData too.
  SQLBIGINT through_getdata = 0;
  SQLLEN length = 0;
  ASSERT_EQ(SQLGetData(s, 0, SQL_C_VARBOOKMARK, &through_getdata, sizeof through_getdata, &length), SQL_SUCCESS);
  EXPECT_EQ(through_getdata, 5);
}

TEST_F(ScrollableCursors, ExtendedFetchAndNoSecondTripToMonday) {
  Statement statement(connection_);
  ASSERT_EQ(SQLSetStmtAttr(statement.handle(), SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0), SQL_SUCCESS);
  ASSERT_EQ(SQLSetStmtAttr(statement.handle(), SQL_ROWSET_SIZE, (SQLPOINTER)2, 0), SQL_SUCCESS);
  const std::size_t before = requestCount();
  ASSERT_TRUE(SQL_SUCCEEDED(statement.execDirect("SELECT id, name FROM Workspaces ORDER BY id")));
  const std::size_t after_execute = requestCount();
  SQLBIGINT ids[2] = {0};
  SQLLEN indicators[2];
  SQLBindCol(statement.handle(), 1, SQL_C_SBIGINT, ids, 0, indicators);
  SQLULEN fetched = 0;
  SQLUSMALLINT status[2];
  ASSERT_EQ(SQLExtendedFetch(statement.handle(), SQL_FETCH_LAST, 0, &fetched, status), SQL_SUCCESS);
  EXPECT_EQ(fetched, 2u);
  const SQLBIGINT last = ids[1];
  ASSERT_EQ(SQLExtendedFetch(statement.handle(), SQL_FETCH_FIRST, 0, &fetched, status), SQL_SUCCESS);
  EXPECT_LT(ids[0], last);
  ASSERT_EQ(SQLExtendedFetch(statement.handle(), SQL_FETCH_LAST, 0, &fetched, status), SQL_SUCCESS);
  EXPECT_EQ(ids[1], last);
  EXPECT_GT(after_execute, before);
  EXPECT_EQ(requestCount(), after_execute) << "scrolling reads the cursor's copy, never monday again";
}

TEST_F(ScrollableCursors, KeysetAndDynamicBecomeStaticAndForwardOnlyRefusesScrolling) {
  Statement statement(connection_);
  EXPECT_EQ(SQLSetStmtAttr(statement.handle(), SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_KEYSET_DRIVEN, 0),
            SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(statement.diagnostics().at(0).state, "01S02");
  SQLULEN type = 0;
  SQLGetStmtAttr(statement.handle(), SQL_ATTR_CURSOR_TYPE, &type, 0, nullptr);
  EXPECT_EQ(type, static_cast<SQLULEN>(SQL_CURSOR_STATIC));
  SQLULEN scrollable = 0;
  SQLGetStmtAttr(statement.handle(), SQL_ATTR_CURSOR_SCROLLABLE, &scrollable, 0, nullptr);
  EXPECT_EQ(scrollable, static_cast<SQLULEN>(SQL_SCROLLABLE));

  Statement forward(connection_);
  ASSERT_TRUE(SQL_SUCCEEDED(forward.execDirect("SELECT i FROM numbers")));
  EXPECT_EQ(SQLFetchScroll(forward.handle(), SQL_FETCH_LAST, 0), SQL_ERROR);
  EXPECT_EQ(forward.diagnostics().at(0).state, "HY106");

  SQLUINTEGER options = 0;
  SQLGetInfo(connection_.handle(), SQL_SCROLL_OPTIONS, &options, sizeof options, nullptr);
  EXPECT_TRUE(options & SQL_SO_STATIC);
  SQLUINTEGER attributes = 0;
  SQLGetInfo(connection_.handle(), SQL_STATIC_CURSOR_ATTRIBUTES1, &attributes, sizeof attributes, nullptr);
  EXPECT_TRUE(attributes & SQL_CA1_ABSOLUTE);
  EXPECT_TRUE(attributes & SQL_CA1_BOOKMARK);
  SQLUSMALLINT supported = SQL_FALSE;
  SQLGetFunctions(connection_.handle(), SQL_API_SQLFETCHSCROLL, &supported);
  EXPECT_EQ(supported, SQL_TRUE);
}

TEST_F(ScrollableCursors, CatalogResultsScrollToo) {
  Statement statement(connection_);
  ASSERT_EQ(SQLSetStmtAttr(statement.handle(), SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0), SQL_SUCCESS);
  ASSERT_TRUE(SQL_SUCCEEDED(SQLTables(statement.handle(), nullptr, 0, (SQLCHAR*)"monday", SQL_NTS, nullptr, 0, nullptr, 0)));
  ASSERT_EQ(SQLFetchScroll(statement.handle(), SQL_FETCH_LAST, 0), SQL_SUCCESS);
  char last[128] = {0};
  SQLLEN length = 0;
  SQLGetData(statement.handle(), 3, SQL_C_CHAR, last, sizeof last, &length);
  ASSERT_EQ(SQLFetchScroll(statement.handle(), SQL_FETCH_FIRST, 0), SQL_SUCCESS);
  char first[128] = {0};
  SQLGetData(statement.handle(), 3, SQL_C_CHAR, first, sizeof first, &length);
  EXPECT_NE(std::string(first), std::string(last));
}
