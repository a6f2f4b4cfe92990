// The Unicode (W) entry points: UTF-16 in and out, names in any script round-trip.
#include <gtest/gtest.h>

#include <string>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

std::string nonAsciiBoardName() {
  for (const auto& board : dataset()["boards"].GetArray()) {
    std::string name = board["name"].GetString();
    for (unsigned char c : name) {
      if (c >= 0x80) return name;
    }
  }
  return {};
}

}  // namespace

TEST(Unicode, WideConnectQueryAndFetchRoundTripNonAsciiNames) {
  static_assert(sizeof(SQLWCHAR) == 2, "unixODBC SQLWCHAR is UTF-16");
  const std::string name = nonAsciiBoardName();
  ASSERT_FALSE(name.empty()) << "the sandbox seeds a board with a non-ASCII name";

  Environment env;
  SQLHDBC dbc = SQL_NULL_HDBC;
  ASSERT_TRUE(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env.handle(), &dbc)));
  std::u16string connection = utf16(sandboxConnectionString());
  SQLRETURN rc = SQLDriverConnectW(dbc, nullptr, (SQLWCHAR*)connection.c_str(), SQL_NTS, nullptr, 0, nullptr,
                                   SQL_DRIVER_NOPROMPT);
  ASSERT_ODBC_OK(rc, SQL_HANDLE_DBC, dbc);

  SQLHSTMT stmt = SQL_NULL_HSTMT;
  ASSERT_TRUE(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt)));
  // The name travels inside the SQL text as UTF-16 and must match the board exactly.
  std::string sql = "SELECT name FROM Boards WHERE name = '";
  for (char c : name) sql += c == '\'' ? std::string("''") : std::string(1, c);
  sql += "'";
  std::u16string wide_sql = utf16(sql);
  rc = SQLExecDirectW(stmt, (SQLWCHAR*)wide_sql.c_str(), SQL_NTS);
  ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, stmt);
  ASSERT_ODBC_OK(SQLFetch(stmt), SQL_HANDLE_STMT, stmt);

  SQLWCHAR buffer[256] = {0};
  SQLLEN indicator = 0;
  rc = SQLGetData(stmt, 1, SQL_C_WCHAR, buffer, sizeof buffer, &indicator);
  ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, stmt);
  const std::u16string expected = utf16(name);
  EXPECT_EQ(indicator, static_cast<SQLLEN>(expected.size() * sizeof(SQLWCHAR)));
  EXPECT_EQ(std::u16string(reinterpret_cast<char16_t*>(buffer)), expected);

  // The column name comes back through SQLDescribeColW in characters.
  SQLWCHAR column[32] = {0};
  SQLSMALLINT length = 0, type = 0, digits = 0, nullable = 0;
  SQLULEN size = 0;
  rc = SQLDescribeColW(stmt, 1, column, 32, &length, &type, &size, &digits, &nullable);
  ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, stmt);
  EXPECT_EQ(length, 4);
  EXPECT_EQ(std::u16string(reinterpret_cast<char16_t*>(column)), u"name");
  EXPECT_EQ(type, SQL_WVARCHAR);

  SQLFreeHandle(SQL_HANDLE_STMT, stmt);
  SQLDisconnect(dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

TEST(Unicode, NarrowApiCarriesUtf8) {
  const std::string name = nonAsciiBoardName();
  Environment env;
  Connection connection(env);
  ASSERT_TRUE(SQL_SUCCEEDED(connection.connectDsn("monday-sandbox")));
  auto rows = query(connection, "SELECT COUNT(*) FROM Boards WHERE name = '" + name + "'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].value(), "1");
}
