// SELECTs over the API tables, checked value by value against the sandbox's seeded data.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

std::string str(const rapidjson::Value& object, const char* name) {
  auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return it->value.GetString();
}

// items_page returns the board's active items.
std::vector<const rapidjson::Value*> activeItems(const rapidjson::Value& board) {
  std::vector<const rapidjson::Value*> items;
  for (const auto& item : board["items"].GetArray()) {
    if (str(item, "state") == "active") items.push_back(&item);
  }
  return items;
}

const rapidjson::Value& largestBoard() {
  const rapidjson::Value* best = nullptr;
  for (const auto& board : dataset()["boards"].GetArray()) {
    if (!best || activeItems(board).size() > activeItems(*best).size()) best = &board;
  }
  return *best;
}

class Query : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.connectDsn("monday-sandbox"))) << describe(connection_.lastDiagnostics());
  }
  Environment env_;
  Connection connection_{env_};
};

}  // namespace

TEST_F(Query, BoardsMatchTheSeededBoards) {
  auto rows = query(connection_, "SELECT id, name, state, board_kind, workspace_id FROM Boards ORDER BY id");
  std::vector<const rapidjson::Value*> expected;
  for (const auto& board : dataset()["boards"].GetArray()) expected.push_back(&board);
  std::sort(expected.begin(), expected.end(),
            [](auto* a, auto* b) { return std::stoll(str(*a, "id")) < std::stoll(str(*b, "id")); });
  ASSERT_EQ(rows.size(), expected.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i][0].value(), str(*expected[i], "id"));
    EXPECT_EQ(rows[i][1].value(), str(*expected[i], "name"));
    EXPECT_EQ(rows[i][2].value(), str(*expected[i], "state"));
    EXPECT_EQ(rows[i][3].value(), str(*expected[i], "board_kind"));
    EXPECT_EQ(rows[i][4].value_or(""), str(*expected[i], "workspace_id"));
  }
}

TEST_F(Query, ItemCountsPerBoardJoinEqualTheSeededCounts) {
  std::map<std::string, long> expected;
  for (const auto& board : dataset()["boards"].GetArray()) {
    long count = static_cast<long>(activeItems(board).size());
    if (count > 0) expected[str(board, "name")] += count;
  }
  const std::size_t before = requestCount();
  auto rows = query(connection_,
                    "SELECT b.name, COUNT(*) FROM Items i JOIN Boards b ON b.id = i.board_id GROUP BY b.name");
  std::map<std::string, long> actual;
  for (const auto& row : rows) actual[row[0].value()] = std::stol(row[1].value());
  EXPECT_EQ(actual, expected);
  // The join must not cost one request per item: boards are listed once, each board paged.
  std::size_t pages = 0;
  for (const auto& board : dataset()["boards"].GetArray()) {
    pages += activeItems(board).size() / 500 + 1;
  }
  EXPECT_LE(requestCount() - before, pages + 4) << "the join sent too many requests";
}

TEST_F(Query, LimitOnOneBoardCostsOneRequest) {
  const auto& board = largestBoard();
  const std::size_t before = requestCount();
  auto rows = query(connection_, "SELECT * FROM Items WHERE board_id = " + str(board, "id") + " LIMIT 5");
  ASSERT_EQ(rows.size(), 5u);
  auto requests = requestsSince(before);
  ASSERT_EQ(requests.size(), 1u) << "LIMIT 5 on one board must be one request";
  // And that request asked for 5 items, passed as variables, not spliced into the document.
  const auto& logged = requests[0];
  ASSERT_TRUE(logged.HasMember("variables"));
  EXPECT_EQ(logged["variables"]["limit"].GetInt(), 5);
  EXPECT_EQ(std::string(logged["query"].GetString()).find(str(board, "id")), std::string::npos);
}

TEST_F(Query, FullScanOfTheLargestBoardPagesThroughEveryItem) {
  const auto& board = largestBoard();
  auto items = activeItems(board);
  ASSERT_GT(items.size(), 1000u) << "the sandbox should seed a board that needs several pages";
  const std::size_t before = requestCount();
  auto rows = query(connection_, "SELECT id, name, group_id FROM Items WHERE board_id = " + str(board, "id"));
  ASSERT_EQ(rows.size(), items.size());
  std::map<std::string, std::pair<std::string, std::string>> expected;
  for (const auto* item : items) expected[str(*item, "id")] = {str(*item, "name"), str(*item, "group_id")};
  for (const auto& row : rows) {
    auto it = expected.find(row[0].value());
    ASSERT_NE(it, expected.end()) << row[0].value();
    EXPECT_EQ(row[1].value(), it->second.first);
    EXPECT_EQ(row[2].value(), it->second.second);
  }
  EXPECT_EQ(requestCount() - before, (items.size() + 499) / 500);
}

TEST_F(Query, IdLookupsUseItemsByIdInBatches) {
  const auto& board = largestBoard();
  auto items = activeItems(board);
  std::string list;
  for (std::size_t i = 0; i < 150; ++i) list += (i ? "," : "") + str(*items[i], "id");
  const std::size_t before = requestCount();
  auto rows = query(connection_, "SELECT id, name FROM Items WHERE id IN (" + list + ")");
  EXPECT_EQ(rows.size(), 150u);
  EXPECT_EQ(requestCount() - before, 2u) << "150 ids are two items(ids:) calls of up to 100";
}

TEST_F(Query, ColumnsAndGroupsOfOneBoard) {
  const auto& board = largestBoard();
  auto rows = query(connection_, "SELECT id, title, type FROM Columns WHERE board_id = " + str(board, "id") + " ORDER BY id");
  std::set<std::string> expected;
  for (const auto& column : board["columns"].GetArray()) expected.insert(str(column, "id"));
  std::set<std::string> actual;
  for (const auto& row : rows) actual.insert(row[0].value());
  EXPECT_EQ(actual, expected);

  auto groups = query(connection_, "SELECT id, title FROM Groups WHERE board_id = " + str(board, "id"));
  EXPECT_EQ(groups.size(), board["groups"].Size());
}

TEST_F(Query, UsersIncludeEveryStatusAndUnicodeNames) {
  auto rows = query(connection_, "SELECT id, name, email FROM Users");
  EXPECT_EQ(rows.size(), dataset()["users"].Size());
  std::set<std::string> names;
  for (const auto& row : rows) names.insert(row[1].value());
  for (const auto& user : dataset()["users"].GetArray()) {
    EXPECT_TRUE(names.contains(str(user, "name"))) << str(user, "name");
  }
}

TEST_F(Query, PreparedStatementWithParameters) {
  const auto& board = largestBoard();
  Statement statement(connection_);
  SQLRETURN rc = SQLPrepare(statement.handle(), (SQLCHAR*)"SELECT name FROM Boards WHERE id = ?", SQL_NTS);
  ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, statement.handle());
  SQLBIGINT id = std::stoll(str(board, "id"));
  SQLLEN indicator = 0;
  rc = SQLBindParameter(statement.handle(), 1, SQL_PARAM_INPUT, SQL_C_SBIGINT, SQL_BIGINT, 0, 0, &id, 0, &indicator);
  ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, statement.handle());
  rc = SQLExecute(statement.handle());
  ASSERT_ODBC_OK(rc, SQL_HANDLE_STMT, statement.handle());
  auto rows = statement.fetchAllText();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0].value(), str(board, "name"));
}

TEST_F(Query, LongTextComesBackInChunks) {
  // Column settings JSON is long; read it 16 bytes at a time and compare with one big read.
  const auto& board = largestBoard();
  const std::string sql = "SELECT settings FROM Columns WHERE board_id = " + str(board, "id") +
                          " ORDER BY length(settings) DESC LIMIT 1";
  Statement whole(connection_);
  ASSERT_ODBC_OK(whole.execDirect(sql), SQL_HANDLE_STMT, whole.handle());
  auto rows = whole.fetchAllText();
  ASSERT_EQ(rows.size(), 1u);
  const std::string expected = rows[0][0].value();
  ASSERT_GT(expected.size(), 40u);

  Statement chunked(connection_);
  ASSERT_ODBC_OK(chunked.execDirect(sql), SQL_HANDLE_STMT, chunked.handle());
  ASSERT_ODBC_OK(SQLFetch(chunked.handle()), SQL_HANDLE_STMT, chunked.handle());
  std::string assembled;
  int pieces = 0;
  for (;;) {
    char buffer[17];
    SQLLEN indicator = 0;
    SQLRETURN rc = SQLGetData(chunked.handle(), 1, SQL_C_CHAR, buffer, sizeof buffer, &indicator);
    if (rc == SQL_NO_DATA) break;
    ASSERT_TRUE(SQL_SUCCEEDED(rc));
    if (rc == SQL_SUCCESS_WITH_INFO) {
      EXPECT_EQ(chunked.diagnostics().at(0).state, "01004");
    }
    assembled += buffer;
    ++pieces;
  }
  EXPECT_EQ(assembled, expected);
  EXPECT_GT(pieces, 2);
}

TEST_F(Query, DescribeColReportsDeclaredTypes) {
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLPrepare(statement.handle(), (SQLCHAR*)"SELECT id, name, created_at, COUNT(*) AS n FROM Boards GROUP BY id", SQL_NTS),
                 SQL_HANDLE_STMT, statement.handle());
  SQLSMALLINT expected_types[] = {SQL_BIGINT, SQL_WVARCHAR, SQL_TYPE_TIMESTAMP, SQL_BIGINT};
  for (SQLUSMALLINT c = 1; c <= 4; ++c) {
    SQLCHAR name[64];
    SQLSMALLINT name_length = 0, type = 0, digits = 0, nullable = 0;
    SQLULEN size = 0;
    ASSERT_ODBC_OK(SQLDescribeCol(statement.handle(), c, name, sizeof name, &name_length, &type, &size, &digits, &nullable),
                   SQL_HANDLE_STMT, statement.handle());
    EXPECT_EQ(type, expected_types[c - 1]) << "column " << c << " " << name;
  }
}

TEST_F(Query, UnknownTableIs42S02) {
  Statement statement(connection_);
  ASSERT_EQ(statement.execDirect("SELECT * FROM NoSuchTable"), SQL_ERROR);
  auto d = statement.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].state, "42S02");
  EXPECT_NE(d[0].message.find("NoSuchTable"), std::string::npos);
}

TEST_F(Query, SyntaxErrorIs42000AndTheConnectionSurvives) {
  {
    Statement statement(connection_);
    ASSERT_EQ(statement.execDirect("SELEC id FROM Boards"), SQL_ERROR);
    EXPECT_EQ(statement.diagnostics().at(0).state, "42000");
  }
  EXPECT_EQ(query(connection_, "SELECT 1").size(), 1u);
}

TEST_F(Query, UnknownColumnIs42S22) {
  Statement statement(connection_);
  ASSERT_EQ(statement.execDirect("SELECT nope FROM Boards"), SQL_ERROR);
  EXPECT_EQ(statement.diagnostics().at(0).state, "42S22");
}

TEST_F(Query, MondayServerErrorsAreRetriedThenReported) {
  // Two 500s are absorbed by retries.
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"({"kind":"http500","count":2,"path":"/v2"})"), 200);
  EXPECT_EQ(query(connection_, "SELECT id FROM Workspaces").size(), dataset()["workspaces"].Size());
  // Garbage every time: a clear 08S01, not a crash.
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"({"kind":"garbage","count":5,"path":"/v2"})"), 200);
  Statement statement(connection_);
  ASSERT_EQ(statement.execDirect("SELECT id FROM Workspaces"), SQL_ERROR);
  auto d = statement.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].state, "08S01");
  EXPECT_NE(d[0].message.find("not JSON"), std::string::npos);
  clearSandboxFaults();
  EXPECT_EQ(query(connection_, "SELECT COUNT(*) FROM Workspaces").size(), 1u) << "the connection survives";
}

TEST_F(Query, RateLimitIsWaitedOut) {
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"({"kind":"complexity_exhausted","count":1,"path":"/v2"})"), 200);
  EXPECT_EQ(query(connection_, "SELECT id FROM Workspaces").size(), dataset()["workspaces"].Size());
}
