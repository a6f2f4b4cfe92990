// ODBC-layer smoke tests through the unixODBC driver manager against the sandbox: block fetch
// (column-wise, row-wise, bind offsets), W-function length rules, sequence errors, attributes,
// ODBC 2 behaviour and diagnostics. They use the sandbox DSNs the integration fixture writes.

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

class Smoke : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.connectDsn("monday-sandbox"))) << describe(connection_.lastDiagnostics());
  }
  std::int64_t countOf(const std::string& sql) {
    auto rows = query(connection_, sql);
    return std::stoll(rows.at(0).at(0).value());
  }
  Environment env_;
  Connection connection_{env_};
};

std::u16string u16(const SQLWCHAR* text) { return std::u16string(reinterpret_cast<const char16_t*>(text)); }

}  // namespace

TEST_F(Smoke, ColumnWiseBlockFetchReturnsEveryRowOnce) {
  const std::int64_t expected = countOf("SELECT COUNT(*) FROM Items");
  Statement s(connection_);
  constexpr SQLULEN kRows = 64;
  std::int64_t ids[kRows];
  SQLLEN id_ind[kRows];
  char names[kRows][32];
  SQLLEN name_ind[kRows];
  SQLUSMALLINT status[kRows];
  SQLULEN fetched = 0;
  ASSERT_ODBC_OK(SQLSetStmtAttr(s.handle(), SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(kRows), 0),
                 SQL_HANDLE_STMT, s.handle());
  SQLSetStmtAttr(s.handle(), SQL_ATTR_ROW_STATUS_PTR, status, 0);
  SQLSetStmtAttr(s.handle(), SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
  ASSERT_ODBC_OK(s.execDirect("SELECT id, name FROM Items"), SQL_HANDLE_STMT, s.handle());
  ASSERT_ODBC_OK(SQLBindCol(s.handle(), 1, SQL_C_SBIGINT, ids, 0, id_ind), SQL_HANDLE_STMT, s.handle());
  ASSERT_ODBC_OK(SQLBindCol(s.handle(), 2, SQL_C_CHAR, names, sizeof names[0], name_ind), SQL_HANDLE_STMT, s.handle());
  std::int64_t total = 0;
  std::int64_t previous_last_id = -1;
  for (;;) {
    const SQLRETURN rc = SQLFetchScroll(s.handle(), SQL_FETCH_NEXT, 0);
    if (rc == SQL_NO_DATA) break;
    ASSERT_TRUE(SQL_SUCCEEDED(rc)) << describe(s.diagnostics());
    ASSERT_GT(fetched, 0u);
    ASSERT_LE(fetched, kRows);
    for (SQLULEN i = 0; i < fetched; ++i) {
      EXPECT_TRUE(status[i] == SQL_ROW_SUCCESS || status[i] == SQL_ROW_SUCCESS_WITH_INFO);
      EXPECT_GT(ids[i], 0);
      EXPECT_NE(ids[i], previous_last_id);
    }
    for (SQLULEN i = fetched; i < kRows; ++i) EXPECT_EQ(status[i], SQL_ROW_NOROW);
    previous_last_id = ids[fetched - 1];
    total += static_cast<std::int64_t>(fetched);
  }
  EXPECT_EQ(total, expected);
  EXPECT_EQ(fetched, 0u);
}

TEST_F(Smoke, RowWiseBindingWithBindOffset) {
  struct Row {
    std::int64_t id;
    SQLLEN id_ind;
    SQLWCHAR name[40];
    SQLLEN name_ind;
  };
  // One array: the driver writes the second rowset at `first + offset`, which must stay inside the
  // same object for the pointer arithmetic (ours and the driver's) to be defined.
  Row rows[8];
  std::memset(rows, 0, sizeof rows);
  Row* first = rows;
  Row* second = rows + 4;
  Statement s(connection_);
  SQLULEN fetched = 0;
  SQLSetStmtAttr(s.handle(), SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(4), 0);
  SQLSetStmtAttr(s.handle(), SQL_ATTR_ROW_BIND_TYPE, reinterpret_cast<SQLPOINTER>(sizeof(Row)), 0);
  SQLSetStmtAttr(s.handle(), SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
  SQLLEN offset = 0;
  SQLSetStmtAttr(s.handle(), SQL_ATTR_ROW_BIND_OFFSET_PTR, &offset, 0);
  ASSERT_ODBC_OK(s.execDirect("SELECT id, name FROM Boards ORDER BY id"), SQL_HANDLE_STMT, s.handle());
  SQLBindCol(s.handle(), 1, SQL_C_SBIGINT, &first[0].id, 0, &first[0].id_ind);
  SQLBindCol(s.handle(), 2, SQL_C_WCHAR, first[0].name, sizeof first[0].name, &first[0].name_ind);
  ASSERT_ODBC_OK(SQLFetch(s.handle()), SQL_HANDLE_STMT, s.handle());
  ASSERT_EQ(fetched, 4u);
  offset = reinterpret_cast<char*>(second) - reinterpret_cast<char*>(first);
  ASSERT_ODBC_OK(SQLFetch(s.handle()), SQL_HANDLE_STMT, s.handle());
  ASSERT_GE(fetched, 1u);
  EXPECT_LT(first[3].id, second[0].id) << "second rowset went to the offset buffers";
  EXPECT_GT(first[1].id, first[0].id);
  EXPECT_EQ(first[0].name_ind, static_cast<SQLLEN>(u16(first[0].name).size() * 2)) << "SQL_C_WCHAR lengths are bytes";
  EXPECT_FALSE(u16(second[0].name).empty());
}

TEST_F(Smoke, WideFunctionsMeasureLengthsAsOdbcSays) {
  SQLWCHAR info[64];
  SQLSMALLINT info_bytes = 0;
  ASSERT_ODBC_OK(SQLGetInfoW(connection_.handle(), SQL_DBMS_NAME, info, sizeof info, &info_bytes), SQL_HANDLE_DBC,
                 connection_.handle());
  EXPECT_EQ(u16(info), u"monday.com");
  EXPECT_EQ(info_bytes, 20) << "SQLGetInfoW lengths are bytes";

  Statement s(connection_);
  ASSERT_ODBC_OK(SQLExecDirectW(s.handle(), (SQLWCHAR*)u"SELECT name AS \"Café\" FROM Boards LIMIT 1", SQL_NTS),
                 SQL_HANDLE_STMT, s.handle());
  SQLWCHAR name[16];
  SQLSMALLINT name_chars = 0, type = 0, digits = 0, nullable = 0;
  SQLULEN size = 0;
  ASSERT_ODBC_OK(SQLDescribeColW(s.handle(), 1, name, 16, &name_chars, &type, &size, &digits, &nullable),
                 SQL_HANDLE_STMT, s.handle());
  EXPECT_EQ(u16(name), u"Café");
  EXPECT_EQ(name_chars, 4) << "SQLDescribeColW lengths are characters";
  EXPECT_EQ(type, SQL_WVARCHAR);

  SQLWCHAR label[16];
  SQLSMALLINT label_bytes = 0;
  ASSERT_ODBC_OK(SQLColAttributeW(s.handle(), 1, SQL_DESC_LABEL, label, sizeof label, &label_bytes, nullptr),
                 SQL_HANDLE_STMT, s.handle());
  EXPECT_EQ(label_bytes, 8) << "SQLColAttributeW lengths are bytes";
  SQLLEN numeric = 0;
  ASSERT_ODBC_OK(SQLColAttributeW(s.handle(), 1, SQL_DESC_CONCISE_TYPE, nullptr, 0, nullptr, &numeric),
                 SQL_HANDLE_STMT, s.handle());
  EXPECT_EQ(numeric, SQL_WVARCHAR);
}

TEST_F(Smoke, SequenceErrorsHaveTheRightStates) {
  Statement s(connection_);
  EXPECT_EQ(SQLCloseCursor(s.handle()), SQL_ERROR);
  EXPECT_EQ(s.diagnostics().at(0).state, "24000");

  ASSERT_ODBC_OK(SQLPrepare(s.handle(), (SQLCHAR*)"SELECT name FROM Boards WHERE id = ?", SQL_NTS), SQL_HANDLE_STMT,
                 s.handle());
  EXPECT_EQ(SQLExecute(s.handle()), SQL_ERROR);
  EXPECT_EQ(s.diagnostics().at(0).state, "07002");

  Statement t(connection_);
  ASSERT_ODBC_OK(t.execDirect("SELECT id FROM Boards"), SQL_HANDLE_STMT, t.handle());
  char buffer[8];
  SQLLEN ind = 0;
  EXPECT_EQ(SQLGetData(t.handle(), 1, SQL_C_CHAR, buffer, sizeof buffer, &ind), SQL_ERROR);
  EXPECT_EQ(t.diagnostics().at(0).state, "24000");
  EXPECT_EQ(SQLFetchScroll(t.handle(), SQL_FETCH_PRIOR, 0), SQL_ERROR);
  EXPECT_EQ(t.diagnostics().at(0).state, "HY106");
  EXPECT_EQ(SQLExecDirect(t.handle(), (SQLCHAR*)"SELECT 1", SQL_NTS), SQL_ERROR) << "cursor still open";
  EXPECT_EQ(t.diagnostics().at(0).state, "24000");
  ASSERT_ODBC_OK(SQLCloseCursor(t.handle()), SQL_HANDLE_STMT, t.handle());
  ASSERT_ODBC_OK(t.execDirect("SELECT 1"), SQL_HANDLE_STMT, t.handle());
  EXPECT_EQ(SQLMoreResults(t.handle()), SQL_NO_DATA);
}

TEST_F(Smoke, StatementErrorsLeaveTheConnectionUsable) {
  Statement s(connection_);
  EXPECT_EQ(s.execDirect("SELECT * FROM NoSuchTable"), SQL_ERROR);
  auto d = s.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].message.rfind("[monday][ODBC Driver]", 0), 0u) << d[0].message;
  ASSERT_ODBC_OK(s.execDirect("SELECT COUNT(*) FROM Boards"), SQL_HANDLE_STMT, s.handle());
  EXPECT_EQ(s.fetchAllText().size(), 1u);
}

TEST_F(Smoke, UnsupportedCursorRequestsAreDowngradedWith01S02) {
  Statement s(connection_);
  // Static cursors exist now (tests/integration/scrollable_cursors_test.cpp); dynamic ones do not.
  EXPECT_EQ(SQLSetStmtAttr(s.handle(), SQL_ATTR_CURSOR_TYPE, reinterpret_cast<SQLPOINTER>(SQL_CURSOR_DYNAMIC), 0),
            SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(s.diagnostics().at(0).state, "01S02");
  SQLULEN cursor_type = 99;
  ASSERT_ODBC_OK(SQLGetStmtAttr(s.handle(), SQL_ATTR_CURSOR_TYPE, &cursor_type, 0, nullptr), SQL_HANDLE_STMT, s.handle());
  EXPECT_EQ(cursor_type, static_cast<SQLULEN>(SQL_CURSOR_STATIC));
  ASSERT_ODBC_OK(SQLSetStmtAttr(s.handle(), SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(30), 0),
                 SQL_HANDLE_STMT, s.handle());
  ASSERT_ODBC_OK(SQLSetStmtAttr(s.handle(), SQL_ATTR_MAX_ROWS, reinterpret_cast<SQLPOINTER>(2), 0), SQL_HANDLE_STMT,
                 s.handle());
  ASSERT_ODBC_OK(s.execDirect("SELECT id FROM Items"), SQL_HANDLE_STMT, s.handle());
  EXPECT_EQ(s.fetchAllText().size(), 2u) << "SQL_ATTR_MAX_ROWS limits the result";
}

TEST_F(Smoke, AutocommitOffIsAcceptedAndEndTranSucceeds) {
  ASSERT_ODBC_OK(SQLSetConnectAttr(connection_.handle(), SQL_ATTR_AUTOCOMMIT,
                                   reinterpret_cast<SQLPOINTER>(SQL_AUTOCOMMIT_OFF), 0),
                 SQL_HANDLE_DBC, connection_.handle());
  ASSERT_ODBC_OK(SQLEndTran(SQL_HANDLE_DBC, connection_.handle(), SQL_COMMIT), SQL_HANDLE_DBC, connection_.handle());
  ASSERT_ODBC_OK(SQLEndTran(SQL_HANDLE_DBC, connection_.handle(), SQL_ROLLBACK), SQL_HANDLE_DBC, connection_.handle());
  SQLUINTEGER dead = 99;
  ASSERT_ODBC_OK(SQLGetConnectAttr(connection_.handle(), SQL_ATTR_CONNECTION_DEAD, &dead, 0, nullptr), SQL_HANDLE_DBC,
                 connection_.handle());
  EXPECT_EQ(dead, static_cast<SQLUINTEGER>(SQL_CD_FALSE));
}

TEST_F(Smoke, NativeSqlRewritesEscapes) {
  SQLCHAR out[128];
  SQLINTEGER length = 0;
  ASSERT_ODBC_OK(SQLNativeSql(connection_.handle(), (SQLCHAR*)"SELECT {fn UCASE(name)} FROM Boards WHERE created_at > {ts '2020-01-01 00:00:00'}",
                              SQL_NTS, out, sizeof out, &length),
                 SQL_HANDLE_DBC, connection_.handle());
  EXPECT_STREQ(reinterpret_cast<char*>(out), "SELECT upper(name) FROM Boards WHERE created_at > '2020-01-01 00:00:00'");
  EXPECT_EQ(length, static_cast<SQLINTEGER>(std::strlen(reinterpret_cast<char*>(out))));
  auto rows = query(connection_, "SELECT {fn UCASE(name)} FROM Boards WHERE id = 5000000001");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].value(), "PROJECT TRACKER");
}

TEST_F(Smoke, GetFunctionsAndTypeInfoThroughTheDriverManager) {
  SQLUSMALLINT bitmap[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE];
  ASSERT_ODBC_OK(SQLGetFunctions(connection_.handle(), SQL_API_ODBC3_ALL_FUNCTIONS, bitmap), SQL_HANDLE_DBC,
                 connection_.handle());
  EXPECT_TRUE(SQL_FUNC_EXISTS(bitmap, SQL_API_SQLFETCHSCROLL));
  EXPECT_TRUE(SQL_FUNC_EXISTS(bitmap, SQL_API_SQLGETTYPEINFO));
  Statement s(connection_);
  ASSERT_ODBC_OK(SQLGetTypeInfo(s.handle(), SQL_ALL_TYPES), SQL_HANDLE_STMT, s.handle());
  EXPECT_EQ(s.columnCount(), 19);
  auto rows = s.fetchAllText();
  ASSERT_GE(rows.size(), 10u);
  for (std::size_t i = 1; i < rows.size(); ++i) EXPECT_LE(std::stoi(rows[i - 1][1].value()), std::stoi(rows[i][1].value()));
}

TEST_F(Smoke, CancelOnAnIdleStatementClosesItsCursorLikeTheDriverManagerDoes) {
  Statement s(connection_);
  EXPECT_EQ(SQLCancel(s.handle()), SQL_SUCCESS);
  ASSERT_ODBC_OK(s.execDirect("SELECT COUNT(*) FROM Boards"), SQL_HANDLE_STMT, s.handle());
  // From another thread; unixODBC then treats the cursor as closed, and so must the driver: the
  // statement can be executed again at once.
  std::thread other([&] { EXPECT_EQ(SQLCancel(s.handle()), SQL_SUCCESS); });
  other.join();
  ASSERT_ODBC_OK(s.execDirect("SELECT COUNT(*) FROM Boards"), SQL_HANDLE_STMT, s.handle());
  EXPECT_EQ(s.fetchAllText().size(), 1u);
}

TEST(SmokeOdbc2, Odbc2ApplicationsGetOdbc2DateCodes) {
  SQLHENV env = SQL_NULL_HENV;
  ASSERT_TRUE(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env)));
  ASSERT_TRUE(SQL_SUCCEEDED(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC2), 0)));
  SQLHDBC dbc = SQL_NULL_HDBC;
  ASSERT_TRUE(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)));
  ASSERT_TRUE(SQL_SUCCEEDED(SQLConnect(dbc, (SQLCHAR*)"monday-sandbox", SQL_NTS, nullptr, 0, nullptr, 0)))
      << describe(diagnostics(SQL_HANDLE_DBC, dbc));
  SQLHSTMT stmt = SQL_NULL_HSTMT;
  ASSERT_TRUE(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt)));
  ASSERT_TRUE(SQL_SUCCEEDED(SQLExecDirect(stmt, (SQLCHAR*)"SELECT created_at FROM Boards LIMIT 1", SQL_NTS)));
  SQLSMALLINT type = 0;
  SQLDescribeCol(stmt, 1, nullptr, 0, nullptr, &type, nullptr, nullptr, nullptr);
  EXPECT_EQ(type, SQL_TIMESTAMP);
  SQLFreeHandle(SQL_HANDLE_STMT, stmt);
  SQLDisconnect(dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, dbc);
  SQLFreeHandle(SQL_HANDLE_ENV, env);
}

TEST(SmokeDriverConnect, PromptIsIM008AndBadCompletionHY110AndOutputTruncation) {
  Environment env;
  Connection c(env);
  const std::string cs = sandboxConnectionString();
  SQLCHAR out[8];
  SQLSMALLINT out_length = 0;
  EXPECT_EQ(SQLDriverConnect(c.handle(), nullptr, (SQLCHAR*)cs.c_str(), SQL_NTS, out, sizeof out, &out_length,
                             SQL_DRIVER_PROMPT),
            SQL_ERROR);
  // Without a window handle unixODBC answers HY092 itself; a driver reached with PROMPT says IM008.
  const std::string prompt_state = diagnostics(SQL_HANDLE_DBC, c.handle()).at(0).state;
  EXPECT_TRUE(prompt_state == "IM008" || prompt_state == "HY092") << prompt_state;
  EXPECT_EQ(SQLDriverConnect(c.handle(), nullptr, (SQLCHAR*)cs.c_str(), SQL_NTS, out, sizeof out, &out_length, 77),
            SQL_ERROR);
  const auto d = diagnostics(SQL_HANDLE_DBC, c.handle());
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d.at(0).state, "HY110");
  const SQLRETURN rc = SQLDriverConnect(c.handle(), nullptr, (SQLCHAR*)cs.c_str(), SQL_NTS, out, sizeof out,
                                        &out_length, SQL_DRIVER_NOPROMPT);
  EXPECT_EQ(rc, SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(diagnostics(SQL_HANDLE_DBC, c.handle()).at(0).state, "01004");
  EXPECT_GT(out_length, 7);
  EXPECT_EQ(std::strlen(reinterpret_cast<char*>(out)), 7u);
  SQLDisconnect(c.handle());
}

TEST_F(Smoke, CancelFromAnotherThreadStopsARunningQuery) {
  Statement s(connection_);
  // The answer would take two minutes and the statement times out after 100 s (HYT00): HY008
  // proves the cancel interrupted the request, without measuring time.
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"({"kind":"delay","delay_ms":120000,"count":1,"path":"/v2"})"), 200);
  SQLULEN timeout = 100;
  SQLSetStmtAttr(s.handle(), SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)timeout, 0);
  SQLRETURN rc = SQL_SUCCESS;
  std::thread running([&] { rc = SQLExecDirect(s.handle(), (SQLCHAR*)"SELECT id FROM Users", SQL_NTS); });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ(SQLCancel(s.handle()), SQL_SUCCESS);
  running.join();
  sandboxControl("/__sandbox/faults", "", "DELETE");
  EXPECT_EQ(rc, SQL_ERROR);
  const auto d = s.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].state, "HY008") << d[0].message;
  // The connection still works afterwards.
  EXPECT_EQ(query(connection_, "SELECT COUNT(*) FROM Boards").size(), 1u);
}

TEST(SmokeBrowseConnect, AsksForWhatIsMissingThenConnects) {
  Environment env;
  Connection c(env);
  std::string first = "Driver=monday;APIURL=" + sandboxUrl() + "/v2;SSLServerCert=" + runDir() + "/ca.pem";
  SQLCHAR out[1024];
  SQLSMALLINT out_length = 0;
  ASSERT_EQ(SQLBrowseConnect(c.handle(), (SQLCHAR*)first.c_str(), SQL_NTS, out, sizeof out, &out_length), SQL_NEED_DATA)
      << describe(diagnostics(SQL_HANDLE_DBC, c.handle()));
  const std::string wanted(reinterpret_cast<char*>(out));
  EXPECT_NE(wanted.find("APIToken:API token=?"), std::string::npos) << wanted;
  EXPECT_NE(wanted.find("*AuthScheme:Authentication={Token,OAuth,JWT}"), std::string::npos) << wanted;

  // Choosing OAuth changes what is needed.
  ASSERT_EQ(SQLBrowseConnect(c.handle(), (SQLCHAR*)"AuthScheme=OAuth", SQL_NTS, out, sizeof out, &out_length),
            SQL_NEED_DATA);
  EXPECT_NE(std::string(reinterpret_cast<char*>(out)).find("OAuthClientId:"), std::string::npos);
  ASSERT_EQ(SQLBrowseConnect(c.handle(), (SQLCHAR*)"AuthScheme=Token;APIToken=sandbox-admin-token", SQL_NTS, out,
                             sizeof out, &out_length),
            SQL_SUCCESS)
      << describe(diagnostics(SQL_HANDLE_DBC, c.handle()));
  EXPECT_NE(std::string(reinterpret_cast<char*>(out)).find("APIURL="), std::string::npos);
  Statement s(c);
  ASSERT_ODBC_OK(s.execDirect("SELECT name FROM Me"), SQL_HANDLE_STMT, s.handle());
  EXPECT_EQ(s.fetchAllText().size(), 1u);
}

TEST_F(Smoke, ExtendedFetchFillsItsOwnCountAndStatusArguments) {
  const std::int64_t expected = countOf("SELECT COUNT(*) FROM Users");
  Statement s(connection_);
  constexpr SQLULEN kRows = 7;
  ASSERT_ODBC_OK(SQLSetStmtAttr(s.handle(), SQL_ROWSET_SIZE, reinterpret_cast<SQLPOINTER>(kRows), 0), SQL_HANDLE_STMT,
                 s.handle());
  ASSERT_ODBC_OK(s.execDirect("SELECT id FROM Users"), SQL_HANDLE_STMT, s.handle());
  std::int64_t ids[kRows];
  SQLLEN indicators[kRows];
  ASSERT_ODBC_OK(SQLBindCol(s.handle(), 1, SQL_C_SBIGINT, ids, 0, indicators), SQL_HANDLE_STMT, s.handle());
  SQLULEN fetched = 99;
  SQLUSMALLINT status[kRows];
  std::int64_t total = 0;
  for (;;) {
    const SQLRETURN rc = SQLExtendedFetch(s.handle(), SQL_FETCH_NEXT, 0, &fetched, status);
    if (rc == SQL_NO_DATA) break;
    ASSERT_TRUE(SQL_SUCCEEDED(rc)) << describe(s.diagnostics());
    ASSERT_GE(fetched, 1u);
    ASSERT_LE(fetched, kRows);
    for (SQLULEN i = 0; i < fetched; ++i) {
      EXPECT_EQ(status[i], SQL_ROW_SUCCESS);
      EXPECT_GT(ids[i], 0);
    }
    total += static_cast<std::int64_t>(fetched);
  }
  EXPECT_EQ(total, expected);
  EXPECT_EQ(SQLExtendedFetch(s.handle(), SQL_FETCH_PRIOR, 0, &fetched, status), SQL_ERROR);
}

// Many connections in many threads at once: one environment, a connection per thread, each
// thread querying and checking its answers; plus two threads sharing one connection (ODBC
// serialises calls per handle, so that must be safe too).
TEST(SmokeThreads, ManyConnectionsInManyThreadsGetTheirOwnRightAnswers) {
  Environment env;
  std::int64_t boards = 0;
  std::int64_t users = 0;
  {
    Connection probe(env);
    ASSERT_TRUE(SQL_SUCCEEDED(probe.connectDsn("monday-sandbox"))) << describe(probe.lastDiagnostics());
    boards = std::stoll(query(probe, "SELECT COUNT(*) FROM Boards").at(0).at(0).value());
    users = std::stoll(query(probe, "SELECT COUNT(*) FROM Users").at(0).at(0).value());
  }
  constexpr int kThreads = 8;
  constexpr int kRounds = 5;
  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> threads;
  Connection shared(env);
  ASSERT_TRUE(SQL_SUCCEEDED(shared.connectDsn("monday-sandbox"))) << describe(shared.lastDiagnostics());
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Threads 0 and 1 share one connection; the others have their own.
      std::unique_ptr<Connection> own;
      Connection* connection = &shared;
      if (t >= 2) {
        own = std::make_unique<Connection>(env);
        if (!SQL_SUCCEEDED(own->connectDsn("monday-sandbox"))) {
          failures[t] = "connect: " + describe(own->lastDiagnostics());
          return;
        }
        connection = own.get();
      }
      for (int round = 0; round < kRounds; ++round) {
        const bool ask_boards = (t + round) % 2 == 0;
        Statement s(*connection);
        if (!SQL_SUCCEEDED(s.execDirect(ask_boards ? "SELECT COUNT(*) FROM Boards" : "SELECT COUNT(*) FROM Users"))) {
          failures[t] = "query: " + describe(s.diagnostics());
          return;
        }
        const auto rows = s.fetchAllText();
        const std::int64_t got = rows.empty() || !rows[0][0] ? -1 : std::stoll(*rows[0][0]);
        if (got != (ask_boards ? boards : users)) {
          failures[t] = "round " + std::to_string(round) + ": got " + std::to_string(got);
          return;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], "") << "thread " << t;
}

// Data at execution: a long text sent in pieces with SQLPutData, a number whole, and a NULL.
TEST_F(Smoke, DataAtExecutionSendsValuesInPieces) {
  Statement s(connection_);
  ASSERT_ODBC_OK(SQLPrepare(s.handle(), (SQLCHAR*)"SELECT ? || '|' || length(?) || '|' || (? + 1) || '|' || coalesce(?, 'null')", SQL_NTS),
                 SQL_HANDLE_STMT, s.handle());
  SQLLEN at_exec = SQL_LEN_DATA_AT_EXEC(0);
  SQLLEN at_exec_number = SQL_DATA_AT_EXEC;
  SQLLEN at_exec_null = SQL_DATA_AT_EXEC;
  SQLLEN at_exec_wide = SQL_DATA_AT_EXEC;
  // The value pointers are tokens the driver hands back from SQLParamData.
  ASSERT_ODBC_OK(SQLBindParameter(s.handle(), 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_LONGVARCHAR, 100000, 0,
                                  reinterpret_cast<SQLPOINTER>(1), 0, &at_exec),
                 SQL_HANDLE_STMT, s.handle());
  ASSERT_ODBC_OK(SQLBindParameter(s.handle(), 2, SQL_PARAM_INPUT, SQL_C_WCHAR, SQL_WLONGVARCHAR, 100000, 0,
                                  reinterpret_cast<SQLPOINTER>(2), 0, &at_exec_wide),
                 SQL_HANDLE_STMT, s.handle());
  ASSERT_ODBC_OK(SQLBindParameter(s.handle(), 3, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0,
                                  reinterpret_cast<SQLPOINTER>(3), 0, &at_exec_number),
                 SQL_HANDLE_STMT, s.handle());
  ASSERT_ODBC_OK(SQLBindParameter(s.handle(), 4, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0,
                                  reinterpret_cast<SQLPOINTER>(4), 0, &at_exec_null),
                 SQL_HANDLE_STMT, s.handle());
  for (int run = 0; run < 2; ++run) {
    ASSERT_EQ(SQLExecute(s.handle()), SQL_NEED_DATA) << describe(s.diagnostics());
    SQLPOINTER token = nullptr;
    std::vector<std::intptr_t> order;
    SQLRETURN rc;
    while ((rc = SQLParamData(s.handle(), &token)) == SQL_NEED_DATA) {
      const auto which = reinterpret_cast<std::intptr_t>(token);
      order.push_back(which);
      if (which == 1) {
        const std::string piece(5000, 'x');
        for (int i = 0; i < 3; ++i) {
          ASSERT_ODBC_OK(SQLPutData(s.handle(), (SQLPOINTER)piece.data(), static_cast<SQLLEN>(piece.size())),
                         SQL_HANDLE_STMT, s.handle());
        }
      } else if (which == 2) {
        const char16_t text[] = u"héllo wörld";  // 11 characters, sent in two pieces
        ASSERT_ODBC_OK(SQLPutData(s.handle(), (SQLPOINTER)text, 5 * sizeof(char16_t)), SQL_HANDLE_STMT, s.handle());
        ASSERT_ODBC_OK(SQLPutData(s.handle(), (SQLPOINTER)(text + 5), SQL_NTS), SQL_HANDLE_STMT, s.handle());
      } else if (which == 3) {
        SQLINTEGER number = 41 + run;
        ASSERT_ODBC_OK(SQLPutData(s.handle(), &number, 0), SQL_HANDLE_STMT, s.handle());
      } else {
        ASSERT_ODBC_OK(SQLPutData(s.handle(), nullptr, SQL_NULL_DATA), SQL_HANDLE_STMT, s.handle());
      }
    }
    ASSERT_TRUE(SQL_SUCCEEDED(rc)) << describe(s.diagnostics());
    EXPECT_EQ(order, (std::vector<std::intptr_t>{1, 2, 3, 4}));
    const auto rows = s.fetchAllText();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0].value(), std::string(15000, 'x') + "|11|" + std::to_string(42 + run) + "|null");
    SQLCloseCursor(s.handle());
  }
  // A number sent in two pieces is HY019, and the error ends the sequence: SQLParamData is then
  // out of sequence (HY010).
  ASSERT_EQ(SQLExecute(s.handle()), SQL_NEED_DATA) << describe(s.diagnostics());
  SQLPOINTER token = nullptr;
  while (SQLParamData(s.handle(), &token) == SQL_NEED_DATA && reinterpret_cast<std::intptr_t>(token) != 3) {
    ASSERT_ODBC_OK(SQLPutData(s.handle(), (SQLPOINTER) "a", 1), SQL_HANDLE_STMT, s.handle());
  }
  ASSERT_EQ(reinterpret_cast<std::intptr_t>(token), 3);
  SQLINTEGER number = 1;
  ASSERT_ODBC_OK(SQLPutData(s.handle(), &number, 0), SQL_HANDLE_STMT, s.handle());
  EXPECT_EQ(SQLPutData(s.handle(), &number, 0), SQL_ERROR);
  EXPECT_EQ(s.diagnostics().at(0).state, "HY019");
  EXPECT_EQ(SQLParamData(s.handle(), &token), SQL_ERROR);
  EXPECT_EQ(s.diagnostics().at(0).state, "HY010");
}
