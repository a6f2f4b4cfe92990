// Aggregates answered by monday (AggregatePushdown): every shape the driver sends to monday's
// aggregate query is run twice, with pushdown on and off, and must give the same rows (NULLs,
// empty cells, labels, groups and values that the column cannot hold included); a pushed shape
// costs one request, sys_last_query names it, and an answer that reaches monday's group_by limit
// is not trusted: the statement then reads the board and aggregates locally.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

using Rows = std::vector<std::vector<std::optional<std::string>>>;

constexpr const char* kTracker = "boards.\"Project Tracker\"";

// Equal cells, or numbers equal to 12 significant digits: monday adds decimals in its own order,
// so a sum may differ from SQLite's in the last binary digit.
bool sameCell(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (a == b) return true;
  if (!a || !b) return false;
  char* end_a = nullptr;
  char* end_b = nullptr;
  const double x = std::strtod(a->c_str(), &end_a);
  const double y = std::strtod(b->c_str(), &end_b);
  if (*end_a != '\0' || *end_b != '\0') return false;
  return std::fabs(x - y) <= 1e-12 * std::max(std::fabs(x), std::fabs(y));
}

std::string show(const Rows& rows) {
  std::string out;
  for (const auto& row : rows) {
    out += "(";
    for (const auto& cell : row) out += (cell ? *cell : "NULL") + ", ";
    out += ")\n";
  }
  return out;
}

class AggregatePushdown : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200);
    ASSERT_TRUE(SQL_SUCCEEDED(pushed_.driverConnect(sandboxConnectionString())))
        << describe(pushed_.lastDiagnostics());
    ASSERT_TRUE(SQL_SUCCEEDED(local_.driverConnect(sandboxConnectionString("sandbox-admin-token",
                                                                            "AggregatePushdown=false"))))
        << describe(local_.lastDiagnostics());
    // The board list and the board table's shape are read once per connection; counted requests
    // below are the statements' own.
    query(pushed_, "SELECT COUNT(*) FROM " + std::string(kTracker));
  }
  void TearDown() override {
    clearSandboxFaults();
    sandboxControl("/__sandbox/reset", "{}");
  }

  // The requests `sql` sent with pushdown on, after checking it gives what the local path gives.
  std::vector<std::string> expectSameAnswer(const std::string& sql) {
    const Rows expected = query(local_, sql);
    const std::size_t before = requestCount();
    const Rows answer = query(pushed_, sql);
    std::vector<std::string> documents;
    for (const auto& request : requestsSince(before)) {
      auto q = request.FindMember("query");
      if (q != request.MemberEnd() && q->value.IsString()) documents.emplace_back(q->value.GetString());
    }
    EXPECT_EQ(answer.size(), expected.size()) << sql << "\npushed:\n" << show(answer) << "local:\n" << show(expected);
    for (std::size_t r = 0; r < std::min(answer.size(), expected.size()); ++r) {
      EXPECT_EQ(answer[r].size(), expected[r].size()) << sql;
      for (std::size_t c = 0; c < std::min(answer[r].size(), expected[r].size()); ++c) {
        EXPECT_TRUE(sameCell(answer[r][c], expected[r][c]))
            << sql << "\nrow " << r << " column " << c << ": pushed " << answer[r][c].value_or("NULL") << ", local "
            << expected[r][c].value_or("NULL");
      }
    }
    return documents;
  }

  // Runs `sql` with pushdown and checks it went to monday as one aggregate request.
  void expectPushed(const std::string& sql) {
    const auto documents = expectSameAnswer(sql);
    ASSERT_EQ(documents.size(), 1u) << sql << ": expected one aggregate request";
    EXPECT_NE(documents[0].find("aggregate(query:"), std::string::npos) << sql << "\n" << documents[0];
    const Rows plan = query(pushed_, "SELECT fetch_method, table_requests FROM sys.sys_last_query");
    ASSERT_EQ(plan.size(), 1u);
    EXPECT_EQ(plan[0][0].value_or("").rfind("aggregate ", 0), 0u) << plan[0][0].value_or("NULL");
    EXPECT_EQ(plan[0][1].value_or(""), "1");
  }

  // Runs `sql` with pushdown on and checks it read the items (the shape is not monday's to answer).
  void expectLocal(const std::string& sql) {
    const auto documents = expectSameAnswer(sql);
    for (const auto& document : documents) EXPECT_EQ(document.find("aggregate("), std::string::npos) << sql;
  }

  Environment env_;
  Connection pushed_{env_};
  Connection local_{env_};
};

}  // namespace

TEST_F(AggregatePushdown, GroupedCountsSumsAndAveragesAreOneRequest) {
  const std::string t = kTracker;
  expectPushed("SELECT status, COUNT(*) FROM " + t + " GROUP BY status");
  expectPushed("SELECT status, COUNT(*) FROM " + t + " GROUP BY 1");
  expectPushed("SELECT group_id, COUNT(*), SUM(budget), AVG(budget), MIN(budget), MAX(budget), COUNT(budget) FROM " +
               t + " GROUP BY group_id");
  expectPushed("SELECT group_title, COUNT(*) FROM " + t + " GROUP BY group_title HAVING COUNT(*) > 15");
  expectPushed("SELECT approved, status, COUNT(budget), COUNT(DISTINCT budget), COUNT(DISTINCT notes) FROM " + t +
               " GROUP BY approved, status");
  expectPushed("SELECT notes, COUNT(*) FROM " + t + " GROUP BY notes ORDER BY notes LIMIT 3");
  expectPushed("SELECT budget, COUNT(*) FROM " + t + " GROUP BY budget ORDER BY budget DESC LIMIT 5");
}

TEST_F(AggregatePushdown, TheShapesBiToolsWriteArePushed) {
  // Tableau: qualified, quoted, aliased, grouped by ordinal; Power BI / Excel: COUNT(1).
  expectPushed("SELECT \"Project Tracker\".\"status\" AS \"status\", SUM(\"Project Tracker\".\"budget\") AS "
               "\"sum:budget:ok\" FROM \"boards\".\"Project Tracker\" \"Project Tracker\" GROUP BY 1");
  expectPushed("SELECT \"t\".\"status\" AS \"s\", COUNT(1) AS \"cnt\" FROM \"boards\".\"Project Tracker\" \"t\" "
               "GROUP BY \"t\".\"status\" ORDER BY 2 DESC");
  expectPushed("SELECT boards.\"Project Tracker\".status, AVG(budget) AS a FROM boards.\"Project Tracker\" "
               "GROUP BY boards.\"Project Tracker\".status ORDER BY a");
  expectPushed("SELECT COUNT(due_date), COUNT(status), MIN(budget) + 1, CAST(SUM(budget) AS INTEGER) FROM " +
               std::string(kTracker) + " WHERE group_id IN ('topics', 'new_group12345')");
}

TEST_F(AggregatePushdown, EmptyGroupsAndFiltersThatMatchNothing) {
  const std::string t = kTracker;
  expectPushed("SELECT status, SUM(budget) FROM " + t + " WHERE group_id = 'no_such_group' GROUP BY status");
  expectPushed("SELECT SUM(budget), COUNT(*), COUNT(budget), AVG(budget) FROM " + t +
               " WHERE group_id = 'no_such_group'");
}

TEST_F(AggregatePushdown, CountOfAWholeBoardIsItsItemsCount) {
  const auto documents = expectSameAnswer("SELECT COUNT(*) FROM " + std::string(kTracker));
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_NE(documents[0].find("items_count"), std::string::npos) << documents[0];
  // A new item counts at once: items_count is asked, not taken from the board list of the catalog.
  Statement insert(pushed_);
  ASSERT_TRUE(SQL_SUCCEEDED(insert.execDirect("INSERT INTO " + std::string(kTracker) + " (name) VALUES ('one more')")))
      << describe(insert.diagnostics());
  expectSameAnswer("SELECT COUNT(*) FROM " + std::string(kTracker));
}

TEST_F(AggregatePushdown, ValuesTheColumnCannotHoldCountAsNullBothWays) {
  ASSERT_EQ(sandboxControl("/__sandbox/cells", R"({"item_id":9000000031,"column_id":"numbers","raw":"about 40"})"), 200);
  ASSERT_EQ(sandboxControl("/__sandbox/cells", R"({"item_id":9000000032,"column_id":"text","raw":""})"), 200);
  const std::string t = kTracker;
  expectPushed("SELECT group_id, COUNT(budget), SUM(budget), COUNT(DISTINCT budget) FROM " + t + " GROUP BY group_id");
  expectPushed("SELECT notes, COUNT(*) FROM " + t + " GROUP BY notes");
}

TEST_F(AggregatePushdown, ShapesMondayCannotAnswerExactlyRunLocally) {
  const std::string t = kTracker;
  expectLocal("SELECT COUNT(*) FROM " + t + " WHERE status = 'Done'");       // a filter not exact in monday
  expectLocal("SELECT status, COUNT(*), name FROM " + t + " GROUP BY status");  // a bare column
  expectLocal("SELECT status, TOTAL(budget) FROM " + t + " GROUP BY status");   // TOTAL is not SUM
  expectLocal("SELECT DISTINCT status FROM " + t);
  expectLocal("SELECT status, COUNT(*) FROM " + t + " GROUP BY status, name");  // name is not a group monday has
  expectLocal("SELECT SUM(notes) FROM " + t);                                   // SUM of text
  expectLocal("SELECT COUNT(*) FROM " + t + " a JOIN " + t + " b ON a.id = b.id");
}

TEST_F(AggregatePushdown, AnAnswerAtMondaysGroupLimitIsNotTrusted) {
  // monday caps each group_by entry at 1,000 values: an answer with 1,000 may have lost groups.
  std::string sets;
  for (int i = 0; i < 1000; ++i) {
    sets += std::string(i ? "," : "") + R"({"entries":[{"alias":"a0","value":{"result":1}},{"alias":"g0","value":{"value":)" +
            std::to_string(i) + "}}]}";
  }
  const std::string fault =
      R"({"kind":"respond","status":200,"count":1,"path":"/v2","body":{"data":{"aggregate":{"results":[)" + sets +
      "]}}}}";
  const std::string sql = "SELECT budget, COUNT(*) FROM " + std::string(kTracker) + " GROUP BY budget";
  const Rows expected = query(local_, sql);
  ASSERT_EQ(sandboxControl("/__sandbox/faults", fault), 200);
  const std::size_t before = requestCount();
  EXPECT_EQ(query(pushed_, sql), expected) << "the aggregate answer was used as it was";
  std::vector<std::string> documents;
  for (const auto& request : requestsSince(before)) documents.emplace_back(request["query"].GetString());
  ASSERT_GE(documents.size(), 2u);
  EXPECT_NE(documents[0].find("aggregate("), std::string::npos);
  EXPECT_NE(documents[1].find("items_page"), std::string::npos);
  const Rows plan = query(pushed_, "SELECT fetch_method FROM sys.sys_last_query");
  ASSERT_FALSE(plan.empty());
  EXPECT_NE(plan[0][0].value_or("").find("aggregated locally"), std::string::npos) << plan[0][0].value_or("NULL");
}

TEST_F(AggregatePushdown, APreparedAggregateRunsAgainWithFreshValues) {
  Statement statement(pushed_);
  const std::string sql = "SELECT COUNT(*) FROM " + std::string(kTracker) + " WHERE group_id = 'topics'";
  ASSERT_ODBC_OK(SQLPrepare(statement.handle(), (SQLCHAR*)sql.c_str(), SQL_NTS), SQL_HANDLE_STMT, statement.handle());
  ASSERT_ODBC_OK(SQLExecute(statement.handle()), SQL_HANDLE_STMT, statement.handle());
  const auto first = statement.fetchAllText();
  ASSERT_EQ(first.size(), 1u);
  SQLFreeStmt(statement.handle(), SQL_CLOSE);
  Statement insert(local_);
  ASSERT_TRUE(SQL_SUCCEEDED(insert.execDirect("INSERT INTO " + std::string(kTracker) +
                                              " (name, group_id) VALUES ('in topics', 'topics')")))
      << describe(insert.diagnostics());
  ASSERT_ODBC_OK(SQLExecute(statement.handle()), SQL_HANDLE_STMT, statement.handle());
  const auto second = statement.fetchAllText();
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(std::stol(second[0][0].value()), std::stol(first[0][0].value()) + 1);
}

TEST_F(AggregatePushdown, DescribedAsTheStatementWritesIt) {
  Statement statement(pushed_);
  const std::string sql = "SELECT status AS s, COUNT(*) AS n, SUM(budget) FROM " + std::string(kTracker) + " GROUP BY s";
  ASSERT_ODBC_OK(SQLPrepare(statement.handle(), (SQLCHAR*)sql.c_str(), SQL_NTS), SQL_HANDLE_STMT, statement.handle());
  SQLCHAR name[64];
  SQLSMALLINT name_length = 0, type = 0, digits = 0, nullable = 0;
  SQLULEN size = 0;
  ASSERT_ODBC_OK(SQLDescribeCol(statement.handle(), 1, name, sizeof name, &name_length, &type, &size, &digits, &nullable),
                 SQL_HANDLE_STMT, statement.handle());
  EXPECT_EQ(std::string(reinterpret_cast<char*>(name)), "s");
  EXPECT_TRUE(type == SQL_VARCHAR || type == SQL_WVARCHAR) << type;
  ASSERT_ODBC_OK(SQLDescribeCol(statement.handle(), 2, name, sizeof name, &name_length, &type, &size, &digits, &nullable),
                 SQL_HANDLE_STMT, statement.handle());
  EXPECT_EQ(std::string(reinterpret_cast<char*>(name)), "n");
  EXPECT_EQ(type, SQL_BIGINT);
  SQLCHAR table[64] = {0};
  SQLSMALLINT table_length = 0;
  ASSERT_ODBC_OK(SQLColAttribute(statement.handle(), 1, SQL_DESC_BASE_TABLE_NAME, table, sizeof table, &table_length,
                                 nullptr),
                 SQL_HANDLE_STMT, statement.handle());
  EXPECT_EQ(std::string(reinterpret_cast<char*>(table)), "Project Tracker");
}

TEST_F(AggregatePushdown, CountingItemsOfEveryBoardReadsTheirItemsCounts) {
  // The whole account, per board, and some boards: boards' items_count, 100 boards a request,
  // instead of every item of every board.
  for (const std::string sql : {"SELECT COUNT(*) FROM Items", "SELECT board_id, COUNT(*) FROM Items GROUP BY board_id",
                                "SELECT board_id, COUNT(*) AS n FROM Items GROUP BY 1 ORDER BY n DESC, board_id"}) {
    const auto documents = expectSameAnswer(sql);
    ASSERT_FALSE(documents.empty()) << sql;
    for (const auto& document : documents) {
      EXPECT_NE(document.find("items_count"), std::string::npos) << sql << "\n" << document;
      EXPECT_EQ(document.find("items_page"), std::string::npos) << sql << "\n" << document;
    }
    const Rows plan = query(pushed_, "SELECT fetch_method FROM sys.sys_last_query");
    ASSERT_FALSE(plan.empty());
    EXPECT_EQ(plan[0][0].value_or("").rfind("boards.items_count", 0), 0u) << plan[0][0].value_or("NULL");
  }
  const Rows boards = query(local_, "SELECT id FROM Boards ORDER BY id LIMIT 3");
  ASSERT_EQ(boards.size(), 3u);
  const std::string in = *boards[0][0] + ", " + *boards[1][0] + ", " + *boards[2][0] + ", 1";
  const auto documents = expectSameAnswer("SELECT board_id, COUNT(*) FROM Items WHERE board_id IN (" + in + ") GROUP BY board_id");
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_NE(documents[0].find("items_count"), std::string::npos);
  expectSameAnswer("SELECT COUNT(*) FROM Items WHERE board_id = " + *boards[0][0]);
  expectLocal("SELECT COUNT(*) FROM Items WHERE group_id = 'topics'");  // not what items_count counts
  expectLocal("SELECT group_id, COUNT(*) FROM Items GROUP BY group_id");
}
