// More than one request in flight (MaxConcurrentRequests): a large board is read through its
// groups side by side and Items through its boards side by side, with exactly the rows, in
// exactly the order, that one request at a time gives; sys_api_usage and the sandbox both see
// several requests in flight; a cursor closed early starts no more requests; SQLCancel stops the
// workers too. The sandbox holds every answer 150 ms so that requests overlap (no time is
// asserted: what the driver asked for and how many requests it had in flight are).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>

#include <rapidjson/document.h>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

using Rows = std::vector<std::vector<std::optional<std::string>>>;

constexpr const char* kBugs = "boards.\"Bug Backlog\"";  // 1,250 items in several groups

class Concurrency : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200);
    ASSERT_TRUE(SQL_SUCCEEDED(parallel_.driverConnect(sandboxConnectionString("sandbox-admin-token",
                                                                               "MaxConcurrentRequests=4"))))
        << describe(parallel_.lastDiagnostics());
    ASSERT_TRUE(SQL_SUCCEEDED(serial_.driverConnect(sandboxConnectionString("sandbox-admin-token",
                                                                             "MaxConcurrentRequests=1"))))
        << describe(serial_.lastDiagnostics());
    ASSERT_EQ(sandboxControl("/__sandbox/config", R"({"latency_ms": 150})"), 200);
  }
  void TearDown() override { sandboxControl("/__sandbox/reset", "{}"); }

  long peakInFlight(Connection& connection) {
    const Rows rows = query(connection, "SELECT peak_in_flight FROM sys.sys_api_usage WHERE scope = 'connection'");
    return rows.empty() || !rows[0][0] ? -1 : std::stol(*rows[0][0]);
  }

  std::size_t itemPageRequestsSince(std::size_t from) {
    std::size_t n = 0;
    for (const auto& request : requestsSince(from)) {
      auto q = request.FindMember("query");
      if (q == request.MemberEnd() || !q->value.IsString()) continue;
      const std::string document = q->value.GetString();
      n += document.find("items_page") != std::string::npos;
    }
    return n;
  }

  Environment env_;
  Connection parallel_{env_};
  Connection serial_{env_};
};

}  // namespace

// Without ORDER BY the groups' pages are handed on as they arrive: the same rows, in an order
// SQL does not promise. With ORDER BY, one chain in monday's order, exactly as one at a time.
TEST_F(Concurrency, ALargeBoardIsReadThroughItsGroupsSideBySideWithTheSameRows) {
  const std::string sql = std::string("SELECT id, name, group_id FROM ") + kBugs;
  Rows one_at_a_time = query(serial_, sql);
  ASSERT_GT(one_at_a_time.size(), 1000u);
  EXPECT_EQ(peakInFlight(serial_), 1);

  Rows side_by_side = query(parallel_, sql);
  const Rows plan = query(parallel_, "SELECT fetch_method FROM sys.sys_last_query");
  std::sort(one_at_a_time.begin(), one_at_a_time.end());
  std::sort(side_by_side.begin(), side_by_side.end());
  EXPECT_EQ(side_by_side, one_at_a_time) << "rows changed";
  EXPECT_GE(peakInFlight(parallel_), 2) << "the groups were read one after another";
  EXPECT_LE(peakInFlight(parallel_), 4) << "more in flight than MaxConcurrentRequests";
  ASSERT_FALSE(plan.empty());
  EXPECT_NE(plan[0][0].value_or("").find("groups side by side"), std::string::npos) << plan[0][0].value_or("NULL");

  const std::string ordered = sql + " ORDER BY name, id";
  EXPECT_EQ(query(parallel_, ordered), query(serial_, ordered));
}

TEST_F(Concurrency, ItemsOfEveryBoardAreReadSideBySideInBoardOrder) {
  const std::string sql = "SELECT id, board_id FROM Items";
  const Rows one_at_a_time = query(serial_, sql);
  ASSERT_FALSE(one_at_a_time.empty());
  const Rows side_by_side = query(parallel_, sql);
  EXPECT_EQ(side_by_side, one_at_a_time);
  EXPECT_GE(peakInFlight(parallel_), 2);
  EXPECT_LE(peakInFlight(parallel_), 4);
}

// Every board listed, with its items_count: boards that fit in one page are read several to a
// request (boards(ids: [...]) { items_page }), and give exactly the items that reading each board
// alone gives.
TEST_F(Concurrency, SmallBoardsAreReadSeveralToARequest) {
  const Rows boards = query(serial_, "SELECT id FROM Boards");
  ASSERT_GT(boards.size(), 5u);
  std::string ids;
  for (const auto& board : boards) ids += (ids.empty() ? "" : ",") + board[0].value_or("0");

  for (Connection* connection : {&serial_, &parallel_}) {
    const std::size_t before = requestCount();
    Rows together = query(*connection, "SELECT id, board_id FROM Items");
    const std::size_t page_requests = itemPageRequestsSince(before);
    const Rows plan = query(*connection, "SELECT fetch_method FROM sys.sys_last_query");
    const std::size_t middle = requestCount();
    Rows one_by_one = query(*connection, "SELECT id, board_id FROM Items WHERE board_id IN (" + ids + ")");
    const std::size_t board_by_board_requests = itemPageRequestsSince(middle);
    ASSERT_FALSE(together.empty());
    std::sort(together.begin(), together.end());
    std::sort(one_by_one.begin(), one_by_one.end());
    EXPECT_EQ(together, one_by_one);
    EXPECT_LT(page_requests + 5, board_by_board_requests) << "boards were read one request each";
    ASSERT_FALSE(plan.empty());
    EXPECT_NE(plan[0][0].value_or("").find("several boards a request"), std::string::npos) << plan[0][0].value_or("NULL");
  }
}

// Every other table read board by board, without a board filter, gives the same rows in the same
// order side by side as one request at a time.
TEST_F(Concurrency, TablesReadBoardByBoardGiveTheSameRowsSideBySide) {
  for (const char* sql : {"SELECT * FROM ColumnValues", "SELECT * FROM Subitems", "SELECT * FROM Updates",
                          "SELECT * FROM Assets"}) {
    const Rows one_at_a_time = query(serial_, sql);
    ASSERT_FALSE(one_at_a_time.empty()) << sql;
    EXPECT_EQ(query(parallel_, sql), one_at_a_time) << sql;
  }
  EXPECT_GE(peakInFlight(parallel_), 2);
  EXPECT_LE(peakInFlight(parallel_), 4);
}

TEST_F(Concurrency, ACursorClosedEarlyStartsNoMoreRequests) {
  // Every board's items: many pages, of which a cursor closed after one row needs only the first.
  const std::string sql = "SELECT id FROM Items";
  std::size_t before = requestCount();
  query(parallel_, sql);
  const std::size_t full = itemPageRequestsSince(before);

  Statement statement(parallel_);
  before = requestCount();
  ASSERT_ODBC_OK(statement.execDirect(sql), SQL_HANDLE_STMT, statement.handle());
  ASSERT_ODBC_OK(SQLFetch(statement.handle()), SQL_HANDLE_STMT, statement.handle());
  ASSERT_ODBC_OK(SQLCloseCursor(statement.handle()), SQL_HANDLE_STMT, statement.handle());
  const std::size_t at_close = itemPageRequestsSince(before);
  // Whatever was in flight when the cursor closed was cancelled; nothing new starts after.
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  EXPECT_EQ(itemPageRequestsSince(before), at_close);
  EXPECT_LT(at_close, full) << "the closed cursor read the whole board anyway";
}

TEST_F(Concurrency, CancelStopsTheWorkersToo) {
  Statement statement(parallel_);
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    SQLCancel(statement.handle());
  });
  const SQLRETURN rc = statement.execDirect(std::string("SELECT COUNT(name) FROM Items"));
  canceller.join();
  ASSERT_EQ(rc, SQL_ERROR);
  const auto d = statement.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].state, "HY008") << d[0].message;
  // The connection still works, and a new statement runs in full.
  EXPECT_FALSE(query(parallel_, std::string("SELECT COUNT(name) FROM ") + kBugs).empty());
}
