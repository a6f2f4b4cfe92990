// monday's limits through the driver manager: the per-minute complexity budget is tracked and
// waited for before it runs out, limit answers (429 of every kind, 423) are waited out, the daily
// limit fails at once with its reset time, every documented error shape is understood, mutations
// are never resent once they may have reached monday, and sys_api_usage shows all of it.
//
// The sandbox's windows are shortened (window_seconds) so waits take seconds, not minutes; every
// test puts the sandbox back (POST /__sandbox/reset restores the start-up config) when it ends.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <numeric>

#include "tests/integration/odbc_support.h"

using namespace monday::test;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kBugBacklog = "5000000003";  // 1,250 items: three 500-item pages
constexpr const char* kSalesItem = "9000000091";

// Reads every item of the board: COUNT(name), not COUNT(*), which items_count would answer alone.
std::string itemsWorkload() { return std::string("SELECT COUNT(name) FROM Items WHERE board_id = ") + kBugBacklog; }

std::size_t activeItemsOf(const char* board_id) {
  for (const auto& board : dataset()["boards"].GetArray()) {
    if (std::string(board["id"].GetString()) != board_id) continue;
    std::size_t count = 0;
    for (const auto& item : board["items"].GetArray()) count += std::string(item["state"].GetString()) == "active";
    return count;
  }
  return 0;
}

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// One row of sys_api_usage, by column name (NULL → absent).
std::map<std::string, std::string> usageRow(Connection& connection, const std::string& scope = "connection") {
  static const std::vector<std::string> columns = {
      "connections", "requests", "retries", "complexity_used", "limit_answers", "waits", "wait_seconds",
      "budget_waits", "budget_wait_seconds", "last_query_cost", "budget_limit", "budget_left", "budget_reset_at",
      "budget_reset_in_seconds", "minute_request_limit", "minute_requests_left", "daily_limit_exceeded",
      "daily_limit_reset_at"};
  std::string sql = "SELECT ";
  for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
  sql += " FROM sys_api_usage WHERE scope = '" + scope + "'";
  const auto rows = query(connection, sql);
  std::map<std::string, std::string> out;
  if (rows.size() != 1) {
    ADD_FAILURE() << "sys_api_usage has " << rows.size() << " rows for scope " << scope;
    return out;
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (rows[0][i]) out[columns[i]] = *rows[0][i];
  }
  return out;
}

long long number(const std::map<std::string, std::string>& row, const std::string& column) {
  auto it = row.find(column);
  return it == row.end() ? -1 : std::atoll(it->second.c_str());
}

double real(const std::map<std::string, std::string>& row, const std::string& column) {
  auto it = row.find(column);
  return it == row.end() ? -1 : std::atof(it->second.c_str());
}

std::size_t countStatus(const std::vector<rapidjson::Document>& requests, int status) {
  std::size_t n = 0;
  for (const auto& request : requests) n += request["status"].GetInt() == status;
  return n;
}

class Limits : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200); }
  void TearDown() override {
    clearSandboxFaults();
    sandboxControl("/__sandbox/reset", "{}");  // start-up config, budgets and data again
  }

  void connect(Connection& connection, const std::string& extra = "") {
    ASSERT_TRUE(SQL_SUCCEEDED(connection.driverConnect(sandboxConnectionString("sandbox-admin-token", extra))))
        << describe(connection.lastDiagnostics());
  }

  // What one item page of the workload costs, measured on a fresh budget.
  long long itemPageCost() {
    Environment env;
    Connection connection(env);
    connect(connection);
    const std::size_t before = requestCount();
    EXPECT_EQ(query(connection, itemsWorkload()).at(0).at(0), std::to_string(activeItemsOf(kBugBacklog)));
    long long largest = 0;
    for (const auto& request : apiRequestsSince(before)) largest = std::max<long long>(largest, request["complexity"].GetInt64());
    return largest;
  }

  Environment env_;
};

TEST_F(Limits, BudgetExhaustingWorkloadWaitsInsteadOfFailing) {
  const long long page = itemPageCost();
  ASSERT_GT(page, 1000) << "an item page should cost real points";
  // A budget of two and a half pages: every pass over the three pages must wait once for the
  // (3-second) window to reset.
  ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200);
  const long long budget = page * 5 / 2;
  ASSERT_EQ(sandboxControl("/__sandbox/config",
                           R"({"complexity_budget":)" + std::to_string(budget) + R"(,"window_seconds":3})"),
            200);
  Connection connection(env_);
  connect(connection);
  const std::size_t before = requestCount();
  const auto started = Clock::now();
  constexpr int kPasses = 3;
  for (int pass = 0; pass < kPasses; ++pass) {
    Statement statement(connection);
    ASSERT_TRUE(SQL_SUCCEEDED(statement.execDirect(itemsWorkload()))) << describe(statement.diagnostics());
    const auto rows = statement.fetchAllText();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0][0], std::to_string(activeItemsOf(kBugBacklog)));
  }
  const double elapsed = secondsSince(started);
  const auto requests = apiRequestsSince(before);
  EXPECT_EQ(countStatus(requests, 429), 0u) << "the driver waited before the budget ran out, so monday never refused";
  EXPECT_EQ(countStatus(requests, 200), requests.size());

  const auto usage = usageRow(connection);
  EXPECT_GE(number(usage, "budget_waits"), kPasses - 1) << "one wait per window the workload outgrew";
  EXPECT_GT(real(usage, "budget_wait_seconds"), 1.0);
  // What the driver asked to wait, not the wall clock: each wait ends at the 3 s window's reset
  // (plus the 250 ms margin), never longer.
  EXPECT_LE(real(usage, "budget_wait_seconds"), number(usage, "budget_waits") * 3.3);
  EXPECT_EQ(number(usage, "limit_answers"), 0);
  EXPECT_EQ(number(usage, "budget_limit"), budget) << "from the RateLimit-Policy header";
  EXPECT_GE(number(usage, "budget_left"), 0);
  EXPECT_LE(number(usage, "budget_left"), budget);
  long long charged = 0;  // what the sandbox says it charged for this workload
  for (const auto& request : requests) charged += request["complexity"].GetInt64();
  EXPECT_GE(charged, page * 2 * kPasses);
  EXPECT_GE(number(usage, "complexity_used"), charged);
  std::printf("[ measured ] %d passes of 3 item pages (%lld points each) with a %lld-point budget and a 3 s window: "
              "%.1f s, %zu requests, %lld budget waits totalling %.1f s, no 429\n",
              kPasses, page, budget, elapsed, requests.size(), number(usage, "budget_waits"),
              real(usage, "budget_wait_seconds"));
}

TEST_F(Limits, ConnectionsOfOneTokenShareTheBudget) {
  const long long page = itemPageCost();
  ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200);
  ASSERT_EQ(sandboxControl("/__sandbox/config",
                           R"({"complexity_budget":)" + std::to_string(page * 7 / 2) + R"(,"window_seconds":4})"),
            200);
  Connection first(env_);
  Connection second(env_);
  connect(first);
  connect(second);
  const std::size_t before = requestCount();
  // The first connection spends three pages; the second one knows (the budget is the token's)
  // that its first page no longer fits and waits instead of drawing a 429.
  EXPECT_EQ(query(first, itemsWorkload()).size(), 1u);
  EXPECT_EQ(query(second, itemsWorkload()).size(), 1u);
  EXPECT_EQ(countStatus(apiRequestsSince(before), 429), 0u);
  const auto mine = usageRow(second);
  EXPECT_GE(number(mine, "budget_waits"), 1);
  EXPECT_EQ(number(usageRow(first), "budget_waits"), 0);
  const auto token = usageRow(second, "token");
  EXPECT_EQ(number(token, "connections"), 2);
  EXPECT_EQ(number(token, "requests"), number(usageRow(first), "requests") + number(mine, "requests"));
}

TEST_F(Limits, MinuteLimit429IsWaitedOut) {
  Connection connection(env_);
  connect(connection);
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"({"kind":"rate_limit_429","count":1,"retry_in_seconds":2})"), 200);
  const std::size_t before = requestCount();
  EXPECT_EQ(query(connection, "SELECT id FROM Workspaces").size(), dataset()["workspaces"].Size());
  const auto requests = apiRequestsSince(before);
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0]["status"].GetInt(), 429);
  EXPECT_EQ(requests[1]["status"].GetInt(), 200);
  const auto usage = usageRow(connection);
  EXPECT_EQ(number(usage, "waits"), 1);
  EXPECT_GE(real(usage, "wait_seconds"), 2.0) << "Retry-After: 2 was honoured";
  EXPECT_LE(real(usage, "wait_seconds"), 2.3) << "plus at most 250 ms of jitter";
  EXPECT_EQ(number(usage, "retries"), 1);
  EXPECT_EQ(number(usage, "limit_answers"), 1);
  EXPECT_EQ(number(usage, "waits"), 1);
  EXPECT_GE(real(usage, "wait_seconds"), 2.0);
}

TEST_F(Limits, SpentMinuteRequestQuotaIsWaitedForBeforeSending) {
  ASSERT_EQ(sandboxControl("/__sandbox/config", R"({"minute_limit":3,"window_seconds":3})"), 200);
  Connection connection(env_);
  connect(connection);  // request 1 of the window
  const std::size_t before = requestCount();
  for (int n = 0; n < 4; ++n) {
    EXPECT_EQ(query(connection, "SELECT id FROM Workspaces").size(), dataset()["workspaces"].Size()) << n;
  }
  const auto requests = apiRequestsSince(before);
  EXPECT_EQ(requests.size(), 4u);
  EXPECT_EQ(countStatus(requests, 429), 0u) << "the RateLimit header said r=0: the driver waited for t seconds";
  const auto usage = usageRow(connection);
  EXPECT_GE(number(usage, "budget_waits"), 1);
  EXPECT_EQ(number(usage, "minute_request_limit"), 3);
}

TEST_F(Limits, ConcurrencyIpAndLockAnswersAreWaitedOut) {
  Connection connection(env_);
  connect(connection);
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"([{"kind":"concurrency","count":2,"retry_in_seconds":1},
                                                    {"kind":"ip_rate_limit","retry_in_seconds":1},
                                                    {"kind":"locked","retry_in_seconds":1}])"),
            200);
  const std::size_t before = requestCount();
  EXPECT_EQ(query(connection, "SELECT id FROM Workspaces").size(), dataset()["workspaces"].Size());
  const auto requests = apiRequestsSince(before);
  ASSERT_EQ(requests.size(), 5u);
  EXPECT_EQ(countStatus(requests, 429), 3u);
  EXPECT_EQ(countStatus(requests, 423), 1u);
  const auto usage = usageRow(connection);
  EXPECT_EQ(number(usage, "limit_answers"), 4);
  EXPECT_EQ(number(usage, "retries"), 4);
  EXPECT_GE(real(usage, "wait_seconds"), 4.0);
}

TEST_F(Limits, PerFieldConcurrencyLimitIsWaitedOut) {
  // FIELD_LIMIT_EXCEEDED (REFERENCE §5.2): monday ran the request, the limited field came back
  // null with the error, and retry_in_seconds says when to ask again. Both shapes: errors[] with
  // extensions (2025-04 and later) and the changelog's top-level body.
  Connection connection(env_);
  connect(connection);
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"([
    {"kind":"field_limit_exceeded","entity":"workspaces","count":1,"retry_in_seconds":1},
    {"kind":"field_limit_exceeded","entity":"workspaces","format":"legacy","count":1,"retry_in_seconds":1}])"),
            200);
  const std::size_t before = requestCount();
  EXPECT_EQ(query(connection, "SELECT id FROM Workspaces").size(), dataset()["workspaces"].Size());
  const auto requests = apiRequestsSince(before);
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(countStatus(requests, 429), 2u);
  const auto usage = usageRow(connection);
  EXPECT_EQ(number(usage, "limit_answers"), 2);
  EXPECT_EQ(number(usage, "retries"), 2);
  EXPECT_GE(real(usage, "wait_seconds"), 2.0) << "each answer asked for a second";
}

TEST_F(Limits, ALongWaitIsReportedWithTheStatement) {
  Connection connection(env_);
  connect(connection);
  // A wait of a second goes unmentioned; one of three seconds is a 01000 warning saying how long
  // and why, and the log says it too.
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"({"kind":"rate_limit_429","count":1,"retry_in_seconds":1})"), 200);
  {
    Statement statement(connection);
    EXPECT_EQ(statement.execDirect("SELECT id FROM Workspaces"), SQL_SUCCESS) << describe(statement.diagnostics());
  }
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"({"kind":"rate_limit_429","count":1,"retry_in_seconds":3})"), 200);
  Statement statement(connection);
  ASSERT_EQ(statement.execDirect("SELECT id FROM Workspaces"), SQL_SUCCESS_WITH_INFO);
  const auto d = statement.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].state, "01000");
  EXPECT_NE(d[0].message.find("waited 3."), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("limit answers"), std::string::npos) << d[0].message;
}

TEST_F(Limits, AUsersOwnComplexityFieldDoesNotZeroTheSharedBudget) {
  Connection connection(env_);
  connect(connection);
  // The user asks for complexity themselves: the driver's own budget fields must still be read.
  const auto rows = query(connection, "EXEC ExecuteGraphQL @Query = '{ me { id } complexity { query } }'");
  bool complexity_row = false;
  for (const auto& row : rows) complexity_row = complexity_row || row[0] == std::optional<std::string>("complexity");
  EXPECT_TRUE(complexity_row) << "what the user asked for is theirs";
  const auto usage = usageRow(connection);
  EXPECT_GT(number(usage, "budget_left"), 1'000'000) << "the sandbox's 10M budget is nowhere near spent";
  Connection other(env_);
  connect(other);
  EXPECT_EQ(query(other, "SELECT id FROM Workspaces").size(), dataset()["workspaces"].Size());
  EXPECT_EQ(number(usageRow(other), "budget_waits"), 0) << "nobody waits for a budget that is not spent";
}

TEST_F(Limits, DailyLimitFailsAtOnceAndSaysWhenItResets) {
  Connection connection(env_);
  connect(connection);
  ASSERT_EQ(sandboxControl("/__sandbox/config", R"({"daily_limit":0})"), 200);
  const std::size_t before = requestCount();
  Statement statement(connection);
  ASSERT_EQ(statement.execDirect("SELECT id FROM Workspaces"), SQL_ERROR);
  EXPECT_EQ(number(usageRow(connection), "waits"), 0) << "no waiting for a limit that lasts until midnight";
  const auto diagnostics = statement.diagnostics();
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0].state, "HY000");
  EXPECT_NE(diagnostics[0].message.find("DAILY_LIMIT_EXCEEDED"), std::string::npos) << diagnostics[0].message;
  EXPECT_NE(diagnostics[0].message.find("resets at 00:00 UTC, in "), std::string::npos) << diagnostics[0].message;
  EXPECT_EQ(apiRequestsSince(before).size(), 1u) << "not retried";

  // sys_api_usage is local: it still answers, and shows the state.
  const auto usage = usageRow(connection);
  EXPECT_EQ(number(usage, "daily_limit_exceeded"), 1);
  const auto reset = usage.find("daily_limit_reset_at");
  ASSERT_NE(reset, usage.end());
  EXPECT_EQ(reset->second.substr(10), " 00:00:00") << reset->second;
}

TEST_F(Limits, LegacyAndHotfixLimitShapesAreWaitedOut) {
  Connection connection(env_);
  connect(connection);
  // REFERENCE §10.4 and §5.1, verbatim: no Retry-After in the legacy body, the wait is in its text.
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"([
    {"kind":"respond","status":429,"body":{"error_code":"ComplexityException","status_code":429,
      "error_message":"Complexity budget exhausted, query cost 30001 budget remaining 19986 out of 1000000 reset in 1 seconds",
      "error_data":{},"errors":["Complexity budget exhausted, query cost 30001 budget remaining 19986 out of 1000000 reset in 1 seconds"],
      "account_id":1234567890}},
    {"kind":"respond","status":429,"body":{"errors":[{"message":"Complexity budget exhausted","extensions":{
      "code":"COMPLEXITY_BUDGET_EXHAUSTED","complexity":6182,"complexity_budget_left":100,"complexity_budget_limit":5000000,
      "retry_in_seconds":1,"status_code":429}}]}},
    {"kind":"respond","status":429,"body":{"errors":["Rate Limit Exceeded"]},"headers":{"Retry-After":"1"}},
    {"kind":"respond","status":500,"body":{"error_message":"Internal server error","status_code":500}}])"),
            200);
  const std::size_t before = requestCount();
  EXPECT_EQ(query(connection, "SELECT id FROM Workspaces").size(), dataset()["workspaces"].Size());
  EXPECT_GE(real(usageRow(connection), "wait_seconds"), 3.0) << "three limit answers asked for a second each";
  EXPECT_EQ(apiRequestsSince(before).size(), 5u);
  const auto usage = usageRow(connection);
  EXPECT_EQ(number(usage, "limit_answers"), 3);
  EXPECT_EQ(number(usage, "retries"), 4);
}

TEST_F(Limits, LegacyApplicationErrorShapesAreReportedNotRetried) {
  Connection connection(env_);
  connect(connection);
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"([
    {"kind":"respond","status":200,"body":{"error_code":"InvalidBoardIdException","status_code":404,"error_message":"Board not found","error_data":{}}},
    {"kind":"respond","status":200,"body":{"errors":[{"message":"Field 'x' doesn't exist on type 'User'","locations":[{"line":1,"column":9}]}]}}])"),
            200);
  const std::size_t before = requestCount();
  {
    Statement statement(connection);
    ASSERT_EQ(statement.execDirect("SELECT id FROM Workspaces"), SQL_ERROR);
    const auto d = statement.diagnostics();
    ASSERT_FALSE(d.empty());
    EXPECT_NE(d[0].message.find("[InvalidBoardIdException]: Board not found"), std::string::npos) << d[0].message;
    EXPECT_EQ(d[0].native, 404);
  }
  {
    Statement statement(connection);
    ASSERT_EQ(statement.execDirect("SELECT id FROM Workspaces"), SQL_ERROR);
    const auto d = statement.diagnostics();
    ASSERT_FALSE(d.empty());
    EXPECT_NE(d[0].message.find("Field 'x' doesn't exist on type 'User'"), std::string::npos) << d[0].message;
  }
  EXPECT_EQ(apiRequestsSince(before).size(), 2u) << "errors that are not limits are not retried";
}

TEST_F(Limits, RetriesStopAtMaxRetriesAndMaxRetryWait) {
  Connection no_retries(env_);
  connect(no_retries, "MaxRetries=0");
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"({"kind":"rate_limit_429","retry_in_seconds":1})"), 200);
  {
    Statement statement(no_retries);
    ASSERT_EQ(statement.execDirect("SELECT id FROM Workspaces"), SQL_ERROR);
    const auto d = statement.diagnostics();
    ASSERT_FALSE(d.empty());
    EXPECT_NE(d[0].message.find("MaxRetries=0"), std::string::npos) << d[0].message;
  }
  Connection short_wait(env_);
  connect(short_wait, "MaxRetryWait=2");
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"({"kind":"complexity_exhausted","retry_in_seconds":30})"), 200);
  Statement statement(short_wait);
  ASSERT_EQ(statement.execDirect("SELECT id FROM Workspaces"), SQL_ERROR);
  EXPECT_LE(real(usageRow(short_wait), "wait_seconds"), 2.0) << "a 30 s wait is over MaxRetryWait=2: fail now, do not wait";
  const auto d = statement.diagnostics();
  ASSERT_FALSE(d.empty());
  EXPECT_NE(d[0].message.find("monday asked to wait 30.0s"), std::string::npos) << d[0].message;
  EXPECT_NE(d[0].message.find("MaxRetryWait"), std::string::npos) << d[0].message;
}

TEST_F(Limits, MutationRejectedByARateLimitIsSentAgainAfterTheWait) {
  Connection connection(env_);
  connect(connection);
  ASSERT_EQ(sandboxControl("/__sandbox/faults", R"({"kind":"complexity_exhausted","retry_in_seconds":1})"), 200);
  const std::size_t before = requestCount();
  const auto rows = query(connection, std::string("EXEC ArchiveItem ") + kSalesItem);
  ASSERT_EQ(rows.size(), 1u);
  const auto requests = apiRequestsSince(before);
  ASSERT_EQ(requests.size(), 2u) << "a 429 is a rejection before running: safe to send again";
  EXPECT_EQ(requests[0]["status"].GetInt(), 429);
  EXPECT_EQ(requests[1]["status"].GetInt(), 200);
  EXPECT_NE(std::string(requests[1]["query"].GetString()).find("complexity"), std::string::npos)
      << "mutations ask for their cost too";
}

TEST_F(Limits, MutationThatMayHaveRunIsNeverSentTwice) {
  Connection connection(env_);
  connect(connection);
  for (const char* fault : {R"({"kind":"http500"})", R"({"kind":"garbage"})", R"({"kind":"drop"})"}) {
    ASSERT_EQ(sandboxControl("/__sandbox/faults", fault), 200);
    const std::size_t before = requestCount();
    Statement statement(connection);
    ASSERT_EQ(statement.execDirect(std::string("EXEC ArchiveItem ") + kSalesItem), SQL_ERROR) << fault;
    const auto d = statement.diagnostics();
    ASSERT_FALSE(d.empty());
    EXPECT_NE(d[0].message.find("may or may not have been applied"), std::string::npos) << fault << ": " << d[0].message;
    EXPECT_EQ(apiRequestsSince(before).size(), 1u) << fault << ": sent once, not retried";
  }
}

}  // namespace
