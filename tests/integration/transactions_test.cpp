// Transactions that tell the truth. Local tables (CREATE [TEMP] TABLE) are SQLite's and truly
// transactional; a change sent to monday is applied when its statement runs, and a ROLLBACK that
// cannot undo it fails with HYC00 naming it instead of reporting success.
#include <gtest/gtest.h>

#include <string>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

constexpr const char* kTracker = "boards.\"Project Tracker\"";

class Transactions : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200); }
  void TearDown() override { sandboxControl("/__sandbox/reset", "{}"); }

  void connect(Connection& connection, bool manual_commit) {
    ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(sandboxConnectionString())))
        << describe(connection.lastDiagnostics());
    if (manual_commit) {
      ASSERT_ODBC_OK(SQLSetConnectAttr(connection.handle(), SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0),
                     SQL_HANDLE_DBC, connection.handle());
    }
  }
  void exec(Connection& connection, const std::string& sql) {
    Statement statement(connection);
    ASSERT_TRUE(SQL_SUCCEEDED(statement.execDirect(sql))) << sql << ": " << describe(statement.diagnostics());
  }
  std::string scalar(Connection& connection, const std::string& sql) {
    const auto rows = query(connection, sql);
    if (rows.size() != 1 || !rows[0][0]) return "(none)";
    return *rows[0][0];
  }
  Environment env_;
};

SQLUINTEGER infoInteger(Connection& connection, SQLUSMALLINT type) {
  SQLUINTEGER value = 0;
  EXPECT_TRUE(SQL_SUCCEEDED(SQLGetInfo(connection.handle(), type, &value, sizeof value, nullptr)));
  return value;
}

SQLUSMALLINT infoSmall(Connection& connection, SQLUSMALLINT type) {
  SQLUSMALLINT value = 0;
  EXPECT_TRUE(SQL_SUCCEEDED(SQLGetInfo(connection.handle(), type, &value, sizeof value, nullptr)));
  return value;
}

}  // namespace

TEST_F(Transactions, RollbackUndoesLocalTablesAndCommitKeepsThem) {
  Connection connection(env_);
  connect(connection, true);
  exec(connection, "CREATE TABLE scratch (id INTEGER PRIMARY KEY, label VARCHAR(20))");
  exec(connection, "INSERT INTO scratch VALUES (1, 'one'), (2, 'two')");
  ASSERT_ODBC_OK(SQLEndTran(SQL_HANDLE_DBC, connection.handle(), SQL_COMMIT), SQL_HANDLE_DBC, connection.handle());
  exec(connection, "INSERT INTO scratch VALUES (3, 'three')");
  exec(connection, "DELETE FROM scratch WHERE id = 1");
  EXPECT_EQ(scalar(connection, "SELECT COUNT(*) FROM scratch"), "2");
  ASSERT_EQ(SQLEndTran(SQL_HANDLE_DBC, connection.handle(), SQL_ROLLBACK), SQL_SUCCESS)
      << describe(diagnostics(SQL_HANDLE_DBC, connection.handle()));
  EXPECT_EQ(scalar(connection, "SELECT group_concat(label, ',') FROM (SELECT label FROM scratch ORDER BY id)"),
            "one,two");
  // DDL is transactional too.
  exec(connection, "CREATE TABLE gone (x INTEGER)");
  ASSERT_EQ(SQLEndTran(SQL_HANDLE_DBC, connection.handle(), SQL_ROLLBACK), SQL_SUCCESS);
  Statement statement(connection);
  EXPECT_EQ(statement.execDirect("SELECT * FROM gone"), SQL_ERROR);
  EXPECT_EQ(statement.diagnostics().at(0).state, "42S02");
}

TEST_F(Transactions, RollbackAfterAChangeSentToMondayFailsAndNamesIt) {
  Connection connection(env_);
  connect(connection, true);
  const std::size_t before = requestCount();
  exec(connection, std::string("INSERT INTO ") + kTracker + " (name) VALUES ('Sent before rollback')");
  // Sent when the statement ended, not held for COMMIT.
  bool sent = false;
  for (const auto& request : requestsSince(before)) {
    auto q = request.FindMember("query");
    sent = sent || (q != request.MemberEnd() && q->value.IsString() &&
                    std::string(q->value.GetString()).rfind("mutation", 0) == 0);
  }
  EXPECT_TRUE(sent) << "the INSERT must reach monday when its statement ends";
  exec(connection, "CREATE TEMP TABLE notes (t TEXT)");
  exec(connection, "INSERT INTO notes VALUES ('local')");

  ASSERT_EQ(SQLEndTran(SQL_HANDLE_DBC, connection.handle(), SQL_ROLLBACK), SQL_ERROR);
  const auto d = diagnostics(SQL_HANDLE_DBC, connection.handle());
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].state, "HYC00");
  EXPECT_NE(d[0].message.find("1 row created in"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("Project Tracker"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("cannot be undone"), std::string::npos) << d[0].message;
  // The local part was rolled back; the item stays in monday.
  Statement statement(connection);
  EXPECT_EQ(statement.execDirect("SELECT * FROM notes"), SQL_ERROR);
  EXPECT_EQ(scalar(connection, std::string("SELECT COUNT(*) FROM ") + kTracker + " WHERE name = 'Sent before rollback'"),
            "1");
  // The journal ended with that transaction: the next ROLLBACK has nothing to confess.
  EXPECT_EQ(SQLEndTran(SQL_HANDLE_DBC, connection.handle(), SQL_ROLLBACK), SQL_SUCCESS);
}

TEST_F(Transactions, CommitOrRollbackWithNothingSentSucceeds) {
  Connection connection(env_);
  connect(connection, true);
  EXPECT_EQ(SQLEndTran(SQL_HANDLE_DBC, connection.handle(), SQL_COMMIT), SQL_SUCCESS);
  EXPECT_EQ(SQLEndTran(SQL_HANDLE_DBC, connection.handle(), SQL_ROLLBACK), SQL_SUCCESS);
  EXPECT_EQ(query(connection, "SELECT id FROM Workspaces").size(), dataset()["workspaces"].Size());
  EXPECT_EQ(SQLEndTran(SQL_HANDLE_DBC, connection.handle(), SQL_ROLLBACK), SQL_SUCCESS);
  // A change that was committed is not confessed by a later ROLLBACK.
  exec(connection, std::string("INSERT INTO ") + kTracker + " (name) VALUES ('Committed')");
  EXPECT_EQ(SQLEndTran(SQL_HANDLE_DBC, connection.handle(), SQL_COMMIT), SQL_SUCCESS);
  EXPECT_EQ(SQLEndTran(SQL_HANDLE_DBC, connection.handle(), SQL_ROLLBACK), SQL_SUCCESS);
  EXPECT_EQ(SQLEndTran(SQL_HANDLE_DBC, connection.handle(), 99), SQL_ERROR);
  EXPECT_EQ(diagnostics(SQL_HANDLE_DBC, connection.handle()).at(0).state, "HY012");
}

TEST_F(Transactions, AnSqlRollbackStatementIsAsHonestAsSQLEndTran) {
  Connection connection(env_);
  connect(connection, false);
  exec(connection, "BEGIN");
  exec(connection, std::string("INSERT INTO ") + kTracker + " (name) VALUES ('Inside BEGIN')");
  Statement statement(connection);
  EXPECT_EQ(statement.execDirect("ROLLBACK"), SQL_ERROR);
  EXPECT_EQ(statement.diagnostics().at(0).state, "HYC00");
}

TEST_F(Transactions, AutocommitOnCommitsTheOpenTransaction) {
  Connection connection(env_);
  connect(connection, true);
  exec(connection, "CREATE TABLE kept (x INTEGER)");
  exec(connection, "INSERT INTO kept VALUES (7)");
  ASSERT_ODBC_OK(SQLSetConnectAttr(connection.handle(), SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_ON, 0),
                 SQL_HANDLE_DBC, connection.handle());
  EXPECT_EQ(SQLEndTran(SQL_HANDLE_DBC, connection.handle(), SQL_ROLLBACK), SQL_SUCCESS);
  EXPECT_EQ(scalar(connection, "SELECT x FROM kept"), "7");
}

TEST_F(Transactions, DisconnectingWithAnOpenTransactionIs25000) {
  Environment env;
  SQLHDBC dbc = SQL_NULL_HDBC;
  ASSERT_EQ(SQLAllocHandle(SQL_HANDLE_DBC, env.handle(), &dbc), SQL_SUCCESS);
  const std::string text = sandboxConnectionString();
  ASSERT_TRUE(SQL_SUCCEEDED(SQLDriverConnect(dbc, nullptr, (SQLCHAR*)text.c_str(), SQL_NTS, nullptr, 0, nullptr,
                                             SQL_DRIVER_NOPROMPT)));
  ASSERT_EQ(SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0), SQL_SUCCESS);
  SQLHSTMT stmt = SQL_NULL_HSTMT;
  ASSERT_EQ(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt), SQL_SUCCESS);
  ASSERT_TRUE(SQL_SUCCEEDED(SQLExecDirect(stmt, (SQLCHAR*)"CREATE TABLE t (x INTEGER)", SQL_NTS)));
  SQLFreeHandle(SQL_HANDLE_STMT, stmt);
  ASSERT_EQ(SQLDisconnect(dbc), SQL_ERROR);
  EXPECT_EQ(diagnostics(SQL_HANDLE_DBC, dbc).at(0).state, "25000");
  ASSERT_EQ(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK), SQL_SUCCESS);
  EXPECT_EQ(SQLDisconnect(dbc), SQL_SUCCESS);
  SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

TEST_F(Transactions, InfoSaysWhatHolds) {
  Connection connection(env_);
  connect(connection, false);
  EXPECT_EQ(infoSmall(connection, SQL_TXN_CAPABLE), SQL_TC_ALL);
  EXPECT_EQ(infoInteger(connection, SQL_DEFAULT_TXN_ISOLATION), static_cast<SQLUINTEGER>(SQL_TXN_SERIALIZABLE));
  EXPECT_EQ(infoSmall(connection, SQL_CURSOR_ROLLBACK_BEHAVIOR), SQL_CB_CLOSE);
  EXPECT_TRUE(infoInteger(connection, SQL_CREATE_TABLE) & SQL_CT_CREATE_TABLE);
  EXPECT_TRUE(infoInteger(connection, SQL_CREATE_TABLE) & SQL_CT_LOCAL_TEMPORARY);
  EXPECT_TRUE(infoInteger(connection, SQL_DROP_TABLE) & SQL_DT_DROP_TABLE);
}

TEST_F(Transactions, LocalTablesAreListedAndDescribed) {
  Connection connection(env_);
  connect(connection, false);
  exec(connection, "CREATE TABLE extract_1 (item_id BIGINT NOT NULL, score DOUBLE, note VARCHAR(40), PRIMARY KEY (item_id))");
  exec(connection, "CREATE TEMP TABLE scratch_2 (x INTEGER)");
  {
    Statement statement(connection);
    ASSERT_ODBC_OK(SQLTables(statement.handle(), nullptr, 0, nullptr, 0, (SQLCHAR*)"%", SQL_NTS, nullptr, 0),
                   SQL_HANDLE_STMT, statement.handle());
    std::string main_type;
    std::string temp_type;
    for (const auto& row : statement.fetchAllText()) {
      if (row[2] == std::optional<std::string>("extract_1")) main_type = row[1].value_or("") + "/" + row[3].value_or("");
      if (row[2] == std::optional<std::string>("scratch_2")) temp_type = row[1].value_or("") + "/" + row[3].value_or("");
    }
    EXPECT_EQ(main_type, "main/TABLE");
    EXPECT_EQ(temp_type, "temp/LOCAL TEMPORARY");
  }
  {
    Statement statement(connection);
    ASSERT_ODBC_OK(SQLColumns(statement.handle(), nullptr, 0, (SQLCHAR*)"main", SQL_NTS, (SQLCHAR*)"extract_1", SQL_NTS,
                              nullptr, 0),
                   SQL_HANDLE_STMT, statement.handle());
    const auto rows = statement.fetchAllText();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0][3], std::optional<std::string>("item_id"));
    EXPECT_EQ(rows[0][4], std::optional<std::string>(std::to_string(SQL_BIGINT)));
    EXPECT_EQ(rows[0][10], std::optional<std::string>(std::to_string(SQL_NO_NULLS)));
    EXPECT_EQ(rows[1][4], std::optional<std::string>(std::to_string(SQL_DOUBLE)));
    EXPECT_EQ(rows[2][6], std::optional<std::string>("40"));
  }
  {
    Statement statement(connection);
    ASSERT_ODBC_OK(SQLPrimaryKeys(statement.handle(), nullptr, 0, (SQLCHAR*)"main", SQL_NTS, (SQLCHAR*)"extract_1", SQL_NTS),
                   SQL_HANDLE_STMT, statement.handle());
    const auto rows = statement.fetchAllText();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][3], std::optional<std::string>("item_id"));
  }
  // A local table joins monday's tables like any other.
  exec(connection, "INSERT INTO extract_1 (item_id, score) SELECT id, 1.5 FROM Items LIMIT 3");
  EXPECT_EQ(scalar(connection, "SELECT COUNT(*) FROM extract_1 e JOIN Items i ON i.id = e.item_id"), "3");
}

TEST_F(Transactions, DroppingATableAnOpenCursorReadsSaysSo) {
  Connection connection(env_);
  connect(connection, false);
  exec(connection, "CREATE TABLE busy (x INTEGER)");
  exec(connection, "INSERT INTO busy VALUES (1), (2), (3)");
  Statement reader(connection);
  ASSERT_TRUE(SQL_SUCCEEDED(reader.execDirect("SELECT x FROM busy")));
  ASSERT_EQ(SQLFetch(reader.handle()), SQL_SUCCESS);
  Statement dropper(connection);
  ASSERT_EQ(dropper.execDirect("DROP TABLE busy"), SQL_ERROR);
  const auto d = dropper.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_NE(d[0].message.find("open cursor"), std::string::npos) << d[0].message;
  SQLCloseCursor(reader.handle());
  EXPECT_TRUE(SQL_SUCCEEDED(dropper.execDirect("DROP TABLE busy"))) << describe(dropper.diagnostics());
}
