// Parameter markers keep their meaning: a marker takes its type from what it is compared with,
// inserted into or passed to; SQLDescribeParam says so; a number bound as a number compares as a
// number whatever SQL type the application named; text bound where a number belongs is read as
// that number (or refused with 22018), as SQL does.
#include <gtest/gtest.h>

#include <string>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

class Parameters : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.driverConnect(sandboxConnectionString())))
        << describe(connection_.lastDiagnostics());
  }
  // SQLDescribeParam's type for each marker of `sql`.
  std::vector<SQLSMALLINT> describedTypes(const std::string& sql) {
    Statement statement(connection_);
    EXPECT_ODBC_PREPARE(statement, sql);
    SQLSMALLINT count = 0;
    SQLNumParams(statement.handle(), &count);
    std::vector<SQLSMALLINT> types;
    for (SQLUSMALLINT i = 1; i <= count; ++i) {
      SQLSMALLINT type = 0;
      SQLULEN size = 0;
      SQLSMALLINT digits = 0;
      SQLSMALLINT nullable = 0;
      EXPECT_EQ(SQLDescribeParam(statement.handle(), i, &type, &size, &digits, &nullable), SQL_SUCCESS);
      types.push_back(type);
    }
    return types;
  }
  static void EXPECT_ODBC_PREPARE(Statement& statement, const std::string& sql) {
    const SQLRETURN rc = SQLPrepare(statement.handle(), (SQLCHAR*)sql.c_str(), SQL_NTS);
    EXPECT_TRUE(SQL_SUCCEEDED(rc)) << sql << ": " << describe(statement.diagnostics());
  }
  // COUNT(*) of `sql` with one parameter bound as the given C and SQL types.
  SQLRETURN countWith(const std::string& sql, SQLSMALLINT c_type, SQLSMALLINT sql_type, void* value, SQLLEN length,
                      long long* count, std::vector<Diagnostic>* diagnostics = nullptr) {
    Statement statement(connection_);
    EXPECT_ODBC_PREPARE(statement, sql);
    SQLLEN indicator = length;
    EXPECT_TRUE(SQL_SUCCEEDED(SQLBindParameter(statement.handle(), 1, SQL_PARAM_INPUT, c_type, sql_type, 255, 0, value,
                                               length > 0 ? length : 0, &indicator)))
        << describe(statement.diagnostics());
    const SQLRETURN rc = SQLExecute(statement.handle());
    EXPECT_TRUE(diagnostics || SQL_SUCCEEDED(rc)) << describe(statement.diagnostics());
    if (diagnostics) *diagnostics = statement.diagnostics();
    if (!SQL_SUCCEEDED(rc)) return rc;
    const auto rows = statement.fetchAllText();
    *count = rows.size() == 1 && rows[0][0] ? std::stoll(*rows[0][0]) : -1;
    return rc;
  }
  Environment env_;
  Connection connection_{env_};
};

}  // namespace

TEST_F(Parameters, ANumberBoundAsAnIntegerUnderACharacterSqlTypeComparesAsANumber) {
  // What node's odbc does: SQLDescribeParam, then the JS number bound as SQL_C_SLONG. It used to
  // become the text '1', and SQLite's 1 = '1' is false: no rows.
  const long long boards = dataset()["boards"].Size();
  SQLINTEGER one = 1;
  long long count = -1;
  ASSERT_TRUE(SQL_SUCCEEDED(
      countWith("SELECT COUNT(*) FROM Boards WHERE 1 = ?", SQL_C_SLONG, SQL_WVARCHAR, &one, 0, &count)));
  EXPECT_GE(count, 1);
  EXPECT_LE(count, boards);
  long long all = -1;
  countWith("SELECT COUNT(*) FROM Boards WHERE 1 = ?", SQL_C_SLONG, SQL_INTEGER, &one, 0, &all);
  EXPECT_EQ(count, all);
}

TEST_F(Parameters, TextComparedWithANumberIsReadAsThatNumber) {
  char text[] = "1";
  long long count = -1;
  ASSERT_TRUE(SQL_SUCCEEDED(
      countWith("SELECT COUNT(*) FROM Boards WHERE 1 = ?", SQL_C_CHAR, SQL_VARCHAR, text, SQL_NTS, &count)));
  EXPECT_GT(count, 0);
  char two[] = "2.0";
  ASSERT_TRUE(SQL_SUCCEEDED(
      countWith("SELECT COUNT(*) FROM Boards WHERE ? = 2", SQL_C_CHAR, SQL_VARCHAR, two, SQL_NTS, &count)));
  EXPECT_GT(count, 0);
  char word[] = "one";
  std::vector<Diagnostic> diagnostics;
  EXPECT_EQ(countWith("SELECT COUNT(*) FROM Boards WHERE 1 = ?", SQL_C_CHAR, SQL_VARCHAR, word, SQL_NTS, &count,
                      &diagnostics),
            SQL_ERROR);
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0].state, "22018");
}

TEST_F(Parameters, DescribeParamTypesMarkersFromTheirContext) {
  EXPECT_EQ(describedTypes("SELECT * FROM Boards WHERE 1 = ?"), std::vector<SQLSMALLINT>{SQL_BIGINT});
  EXPECT_EQ(describedTypes("SELECT * FROM Boards WHERE ? = 2.5"), std::vector<SQLSMALLINT>{SQL_DOUBLE});
  EXPECT_EQ(describedTypes("SELECT * FROM Items WHERE id = ? AND name = ?"),
            (std::vector<SQLSMALLINT>{SQL_BIGINT, SQL_WVARCHAR}));
  EXPECT_EQ(describedTypes("SELECT * FROM Items i WHERE i.board_id IN (?, ?) AND i.created_at > ?"),
            (std::vector<SQLSMALLINT>{SQL_BIGINT, SQL_BIGINT, SQL_TYPE_TIMESTAMP}));
  EXPECT_EQ(describedTypes("SELECT * FROM Items WHERE id BETWEEN ? AND ? LIMIT ?"),
            (std::vector<SQLSMALLINT>{SQL_BIGINT, SQL_BIGINT, SQL_BIGINT}));
  EXPECT_EQ(describedTypes("SELECT * FROM Items WHERE name LIKE ?"), std::vector<SQLSMALLINT>{SQL_WVARCHAR});
  // Inserted into: the column's type.
  Statement create(connection_);
  ASSERT_TRUE(SQL_SUCCEEDED(create.execDirect("CREATE TEMP TABLE typed (n INTEGER, label VARCHAR(20), at DATE)")));
  EXPECT_EQ(describedTypes("INSERT INTO typed (label, n) VALUES (?, ?)"),
            (std::vector<SQLSMALLINT>{SQL_WVARCHAR, SQL_INTEGER}));
  EXPECT_EQ(describedTypes("INSERT INTO typed VALUES (?, ?, ?), (?, ?, ?)"),
            (std::vector<SQLSMALLINT>{SQL_INTEGER, SQL_WVARCHAR, SQL_TYPE_DATE, SQL_INTEGER, SQL_WVARCHAR, SQL_TYPE_DATE}));
  EXPECT_EQ(describedTypes("UPDATE typed SET n = ? WHERE label = ?"),
            (std::vector<SQLSMALLINT>{SQL_INTEGER, SQL_WVARCHAR}));
  // Passed to a procedure: the parameter's type.
  EXPECT_EQ(describedTypes("{call DuplicateItem(?, ?)}").at(0), SQL_BIGINT);
  // Nothing to go by: text, which every comparison accepts.
  EXPECT_EQ(describedTypes("SELECT ?"), std::vector<SQLSMALLINT>{SQL_WVARCHAR});
}
