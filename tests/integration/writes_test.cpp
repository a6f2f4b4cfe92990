// INSERT, UPDATE and DELETE through the driver manager against the sandbox: batching into aliased
// mutations, exact row counts, parameters and parameter arrays, ReadOnly, the no-resend rule for
// mutations that may have reached monday, and monday's write errors as diagnostics. Every test
// resets the sandbox before and after, so other tests see the seeded data.
#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <cmath>
#include <map>
#include <thread>

#include "tests/integration/odbc_support.h"

using namespace monday::test;

namespace {

constexpr const char* kTracker = "boards.\"Project Tracker\"";
constexpr const char* kTrackerId = "5000000001";

// Requests since `from` whose document starts with `prefix` ("mutation DeleteRows", "query X").
std::size_t documentsSince(std::size_t from, const std::string& prefix) {
  std::size_t count = 0;
  for (const auto& request : requestsSince(from)) {
    auto query = request.FindMember("query");
    if (query == request.MemberEnd() || !query->value.IsString()) continue;
    if (std::string(query->value.GetString()).rfind(prefix, 0) == 0) ++count;
  }
  return count;
}

// Requests since `from` whose document is `mutation <operation>`.
std::size_t mutationsSince(std::size_t from, const std::string& operation) {
  return documentsSince(from, "mutation " + operation);
}

struct Outcome {
  SQLRETURN rc = SQL_ERROR;
  SQLLEN rows = -2;
  std::vector<Diagnostic> diagnostics;
  std::string state() const { return diagnostics.empty() ? "" : diagnostics.front().state; }
  std::string message() const { return diagnostics.empty() ? "" : diagnostics.front().message; }
  std::string all() const { return describe(diagnostics); }
};

Outcome run(Connection& connection, const std::string& sql) {
  Statement statement(connection);
  Outcome outcome;
  outcome.rc = statement.execDirect(sql);
  outcome.diagnostics = statement.diagnostics();
  if (SQL_SUCCEEDED(outcome.rc)) SQLRowCount(statement.handle(), &outcome.rows);
  return outcome;
}

long long scalar(Connection& connection, const std::string& sql) {
  auto rows = query(connection, sql);
  EXPECT_EQ(rows.size(), 1u) << sql;
  if (rows.empty() || !rows[0][0]) return -1;
  return std::stoll(*rows[0][0]);
}

class Writes : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sandboxControl("/__sandbox/reset", "{}"), 200);
    ASSERT_TRUE(SQL_SUCCEEDED(connection_.driverConnect(sandboxConnectionString("sandbox-admin-token", extra()))))
        << describe(connection_.lastDiagnostics());
  }
  void TearDown() override {
    clearSandboxFaults();
    sandboxControl("/__sandbox/reset", "{}");
  }
  virtual std::string extra() const { return ""; }

  Environment env_;
  Connection connection_{env_};
};

}  // namespace

TEST_F(Writes, ThousandRowInsertIntoABoardTableIsBatchedAndReadsBackTyped) {
  // monday's per-minute budget (10M points) pays for about 330 item creations a minute; the
  // budget waits are the limits feature's business, so this test gives the token a larger one.
  ASSERT_EQ(sandboxControl("/__sandbox/config", "{\"complexity_budget\": 1000000000}"), 200);
  query(connection_, std::string("SELECT COUNT(*) FROM ") + kTracker);  // metadata and table ready

  const std::size_t before = requestCount();
  const auto started = std::chrono::steady_clock::now();
  Outcome insert = run(connection_, std::string(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
      "INSERT INTO ") + kTracker + " (name, group_id, status, budget, due_date, approved, owner_ids, category, notes) "
      "SELECT 'Load ' || i, 'topics', CASE i % 3 WHEN 0 THEN 'Done' WHEN 1 THEN 'Stuck' ELSE 'Working on it' END, "
      "i * 1.5, date('2026-01-01', '+' || (i % 300) || ' days'), i % 2, '10000001', 'Design', 'note ' || i FROM n");
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_TRUE(SQL_SUCCEEDED(insert.rc)) << describe(insert.diagnostics);
  EXPECT_EQ(insert.rows, 1000);
  const std::size_t requests = requestsSince(before).size();
  const std::size_t inserts = mutationsSince(before, "InsertRows");
  EXPECT_LE(requests, 25u);
  EXPECT_EQ(inserts, 7u);  // 159 create_item aliases a request (5,000,000-point cap)
  std::cout << "[ measure  ] 1,000-row INSERT: " << requests << " requests (" << inserts << " mutations), "
            << seconds << " s" << std::endl;
  RecordProperty("insert_1000_requests", static_cast<int>(requests));
  RecordProperty("insert_1000_ms", static_cast<int>(seconds * 1000));

  auto rows = query(connection_, std::string("SELECT name, status, budget, due_date, approved, owner_ids, category, notes FROM ") +
                                     kTracker + " WHERE name LIKE 'Load %'");
  ASSERT_EQ(rows.size(), 1000u);
  std::map<int, const std::vector<std::optional<std::string>>*> by_number;
  for (const auto& row : rows) by_number[std::stoi(row[0]->substr(5))] = &row;
  ASSERT_EQ(by_number.size(), 1000u);
  for (const auto& [i, row_ptr] : by_number) {
    const auto& row = *row_ptr;
    const char* status = i % 3 == 0 ? "Done" : i % 3 == 1 ? "Stuck" : "Working on it";
    EXPECT_EQ(row[1].value_or("NULL"), status) << i;
    EXPECT_DOUBLE_EQ(std::stod(row[2].value_or("nan")), i * 1.5) << i;
    EXPECT_EQ(row[3].value_or("NULL").size(), 10u) << i;
    EXPECT_EQ(row[4].value_or("NULL"), i % 2 ? "1" : "0") << i;
    EXPECT_EQ(row[5].value_or("NULL"), "10000001") << i;
    EXPECT_EQ(row[6].value_or("NULL"), "Design") << i;
    EXPECT_EQ(row[7].value_or("NULL"), "note " + std::to_string(i)) << i;
  }
  EXPECT_EQ(query(connection_, std::string("SELECT due_date FROM ") + kTracker + " WHERE name = 'Load 31'")[0][0].value_or(""),
            "2026-02-01");
}

TEST_F(Writes, UpdateAndDeleteOnABoardTableChangeTheSandboxWithExactRowCounts) {
  Outcome insert = run(connection_, std::string("INSERT INTO ") + kTracker +
                                        " (name, status, rating, timeline_from, timeline_to, category_ids) VALUES "
                                        "('W1', 'Done', 3, '2026-03-01', '2026-03-15', '1,2'), ('W2', 'Stuck', NULL, NULL, NULL, NULL), "
                                        "('W3', NULL, 5, NULL, NULL, '3')");
  ASSERT_TRUE(SQL_SUCCEEDED(insert.rc)) << describe(insert.diagnostics);
  EXPECT_EQ(insert.rows, 3);

  const std::size_t before = requestCount();
  Outcome update = run(connection_, std::string("UPDATE ") + kTracker +
                                        " SET status = 'Working on it', notes = 'moved', timeline_to = '2026-04-30' "
                                        "WHERE name IN ('W1', 'W2', 'W3')");
  // W2 and W3 have no timeline start: only W1 can take a new end date.
  EXPECT_EQ(update.rc, SQL_ERROR);
  EXPECT_EQ(update.state(), "22018") << update.message();
  EXPECT_NE(update.message().find("timeline_from"), std::string::npos) << update.message();
  EXPECT_EQ(mutationsSince(before, "UpdateRows"), 0u) << "a row that cannot be written stops the statement before sending";

  update = run(connection_, std::string("UPDATE ") + kTracker +
                                " SET status = 'Working on it', notes = 'moved' WHERE name IN ('W1', 'W2', 'W3')");
  ASSERT_TRUE(SQL_SUCCEEDED(update.rc)) << describe(update.diagnostics);
  EXPECT_EQ(update.rows, 3);
  update = run(connection_, std::string("UPDATE ") + kTracker + " SET timeline_to = '2026-04-30', name = 'W1 renamed' WHERE name = 'W1'");
  ASSERT_TRUE(SQL_SUCCEEDED(update.rc)) << describe(update.diagnostics);
  EXPECT_EQ(update.rows, 1);

  auto rows = query(connection_, std::string("SELECT name, status, notes, timeline_from, timeline_to, category FROM ") + kTracker +
                                     " WHERE name LIKE 'W%' ORDER BY name");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0].value_or(""), "W1 renamed");
  EXPECT_EQ(rows[0][1].value_or(""), "Working on it");
  EXPECT_EQ(rows[0][2].value_or(""), "moved");
  EXPECT_EQ(rows[0][3].value_or(""), "2026-03-01");
  EXPECT_EQ(rows[0][4].value_or(""), "2026-04-30");
  EXPECT_EQ(rows[0][5].value_or(""), "Marketing, Design");
  EXPECT_EQ(rows[1][1].value_or(""), "Working on it");

  // SET x = x changes nothing in monday and costs no request, but the rows still count.
  const std::size_t quiet = requestCount();
  update = run(connection_, std::string("UPDATE ") + kTracker + " SET notes = notes WHERE name LIKE 'W%'");
  ASSERT_TRUE(SQL_SUCCEEDED(update.rc)) << describe(update.diagnostics);
  EXPECT_EQ(update.rows, 3);
  EXPECT_EQ(mutationsSince(quiet, "UpdateRows"), 0u);

  Outcome remove = run(connection_, std::string("DELETE FROM ") + kTracker + " WHERE name IN ('W2', 'W3')");
  ASSERT_TRUE(SQL_SUCCEEDED(remove.rc)) << describe(remove.diagnostics);
  EXPECT_EQ(remove.rows, 2);
  EXPECT_EQ(scalar(connection_, std::string("SELECT COUNT(*) FROM ") + kTracker + " WHERE name LIKE 'W%'"), 1);
  // Deleted items are gone from Items too (a different table, a fresh read).
  EXPECT_EQ(scalar(connection_, std::string("SELECT COUNT(*) FROM Items WHERE board_id = ") + kTrackerId + " AND name IN ('W2', 'W3')"), 0);
  remove = run(connection_, std::string("DELETE FROM ") + kTracker + " WHERE name = 'no such item'");
  ASSERT_TRUE(SQL_SUCCEEDED(remove.rc)) << describe(remove.diagnostics);
  EXPECT_EQ(remove.rows, 0);
}

TEST_F(Writes, ParametersAndParameterArraysShareBatchedRequests) {
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLPrepare(statement.handle(),
                            (SQLCHAR*)"INSERT INTO boards.\"Sales Pipeline\" (name, group_id) VALUES (?, ?)", SQL_NTS),
                 SQL_HANDLE_STMT, statement.handle());
  constexpr int kSets = 300;
  std::vector<char> names(kSets * 32, '\0');
  std::vector<SQLLEN> name_lengths(kSets, SQL_NTS);
  for (int i = 0; i < kSets; ++i) std::snprintf(&names[static_cast<std::size_t>(i) * 32], 32, "Lead %03d", i);
  std::vector<SQLUSMALLINT> status(kSets, 99);
  SQLULEN processed = 0;
  SQLSetStmtAttr(statement.handle(), SQL_ATTR_PARAM_BIND_TYPE, SQL_PARAM_BIND_BY_COLUMN, 0);
  SQLSetStmtAttr(statement.handle(), SQL_ATTR_PARAMSET_SIZE, reinterpret_cast<SQLPOINTER>(kSets), 0);
  SQLSetStmtAttr(statement.handle(), SQL_ATTR_PARAM_STATUS_PTR, status.data(), 0);
  SQLSetStmtAttr(statement.handle(), SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0);
  ASSERT_ODBC_OK(SQLBindParameter(statement.handle(), 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 31, 0, names.data(), 32,
                                  name_lengths.data()),
                 SQL_HANDLE_STMT, statement.handle());
  std::vector<char> groups(kSets * 8, '\0');
  std::vector<SQLLEN> group_lengths(kSets, SQL_NTS);
  for (int i = 0; i < kSets; ++i) std::memcpy(&groups[static_cast<std::size_t>(i) * 8], "topics", 7);
  ASSERT_ODBC_OK(SQLBindParameter(statement.handle(), 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 7, 0, groups.data(), 8,
                                  group_lengths.data()),
                 SQL_HANDLE_STMT, statement.handle());
  const std::size_t before = requestCount();
  ASSERT_ODBC_OK(SQLExecute(statement.handle()), SQL_HANDLE_STMT, statement.handle());
  SQLLEN rows = 0;
  SQLRowCount(statement.handle(), &rows);
  EXPECT_EQ(rows, kSets);
  EXPECT_EQ(processed, static_cast<SQLULEN>(kSets));
  for (int i = 0; i < kSets; ++i) EXPECT_EQ(status[static_cast<std::size_t>(i)], SQL_PARAM_SUCCESS) << i;
  EXPECT_EQ(mutationsSince(before, "InsertRows"), 2u);  // 300 sets: 159 + 141, not 300 requests
  EXPECT_EQ(scalar(connection_, "SELECT COUNT(*) FROM boards.\"Sales Pipeline\" WHERE name LIKE 'Lead %'"), kSets);
}

TEST_F(Writes, ParameterMarkersBindThroughSqlite) {
  Statement statement(connection_);
  ASSERT_ODBC_OK(SQLPrepare(statement.handle(), (SQLCHAR*)"UPDATE Items SET name = ? WHERE id = ?", SQL_NTS), SQL_HANDLE_STMT,
                 statement.handle());
  char name[] = "Renamed by parameter";
  SQLLEN name_length = SQL_NTS;
  SQLBIGINT id = 9000000031;
  ASSERT_ODBC_OK(SQLBindParameter(statement.handle(), 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 64, 0, name, 0, &name_length),
                 SQL_HANDLE_STMT, statement.handle());
  ASSERT_ODBC_OK(SQLBindParameter(statement.handle(), 2, SQL_PARAM_INPUT, SQL_C_SBIGINT, SQL_BIGINT, 0, 0, &id, 0, nullptr),
                 SQL_HANDLE_STMT, statement.handle());
  ASSERT_ODBC_OK(SQLExecute(statement.handle()), SQL_HANDLE_STMT, statement.handle());
  SQLLEN rows = 0;
  SQLRowCount(statement.handle(), &rows);
  EXPECT_EQ(rows, 1);
  auto check = query(connection_, "SELECT name FROM Items WHERE id = 9000000031");
  ASSERT_EQ(check.size(), 1u);
  EXPECT_EQ(check[0][0].value_or(""), "Renamed by parameter");
}

namespace {
class ReadOnlyWrites : public Writes {
 protected:
  std::string extra() const override { return "ReadOnly=true"; }
};
}  // namespace

TEST_F(ReadOnlyWrites, EveryWriteIsRefusedBeforeAnythingIsSent) {
  const std::size_t before = requestCount();
  for (const std::string& sql : {std::string("INSERT INTO Items (name, board_id) VALUES ('x', ") + kTrackerId + ")",
                                std::string("UPDATE Items SET name = 'x' WHERE id = 9000000031"),
                                std::string("DELETE FROM Items WHERE id = 9000000031"),
                                std::string("DELETE FROM ") + kTracker + " WHERE name = 'nothing matches'"}) {
    Outcome outcome = run(connection_, sql);
    EXPECT_EQ(outcome.rc, SQL_ERROR) << sql;
    EXPECT_EQ(outcome.state(), "42000") << sql;
    EXPECT_NE(outcome.message().find("read-only (ReadOnly=true)"), std::string::npos) << outcome.message();
  }
  for (const auto& request : requestsSince(before)) {
    auto query_text = request.FindMember("query");
    if (query_text != request.MemberEnd() && query_text->value.IsString()) {
      EXPECT_EQ(std::string(query_text->value.GetString()).rfind("mutation", 0), std::string::npos);
    }
  }
  EXPECT_EQ(query(connection_, "SELECT COUNT(*) FROM Items WHERE id = 9000000031").size(), 1u);  // reads still work
}

namespace {
class ShortTimeoutWrites : public Writes {
 protected:
  std::string extra() const override { return "Timeout=1"; }
};
}  // namespace

TEST_F(ShortTimeoutWrites, AMutationThatTimedOutIsNotResentAndTheMessageSaysWhatMayHaveHappened) {
  query(connection_, std::string("SELECT COUNT(*) FROM ") + kTracker + " WHERE name = 'warm up'");
  ASSERT_EQ(sandboxControl("/__sandbox/faults", "{\"kind\":\"delay\",\"delay_ms\":2500,\"count\":1}"), 200);
  const std::size_t before = requestCount();
  Outcome insert = run(connection_, std::string("INSERT INTO ") + kTracker + " (name) VALUES ('T1'), ('T2'), ('T3')");
  EXPECT_EQ(insert.rc, SQL_ERROR);
  EXPECT_EQ(insert.state(), "HYT00") << insert.message();
  EXPECT_NE(insert.message().find("rows 1-3 may or may not have been created"), std::string::npos) << insert.message();
  EXPECT_NE(insert.message().find("check in monday before running the statement again"), std::string::npos) << insert.message();
  // The sandbox ran the delayed request after the driver gave up: the rows exist exactly once.
  std::this_thread::sleep_for(std::chrono::milliseconds(3000));
  EXPECT_EQ(mutationsSince(before, "InsertRows"), 1u);
  EXPECT_EQ(scalar(connection_, std::string("SELECT COUNT(*) FROM ") + kTracker + " WHERE name IN ('T1', 'T2', 'T3')"), 3);
}

TEST_F(Writes, LostConnectionsAndServerErrorsAreNotResentButRateLimitsAre) {
  query(connection_, std::string("SELECT COUNT(*) FROM ") + kTracker + " WHERE name = 'warm up'");
  ASSERT_EQ(sandboxControl("/__sandbox/faults", "{\"kind\":\"drop\",\"count\":1}"), 200);
  std::size_t before = requestCount();
  Outcome dropped = run(connection_, std::string("INSERT INTO ") + kTracker + " (name) VALUES ('D1')");
  EXPECT_EQ(dropped.rc, SQL_ERROR);
  EXPECT_EQ(dropped.state(), "08S01") << dropped.message();
  EXPECT_NE(dropped.message().find("row 1 may or may not have been created"), std::string::npos) << dropped.message();
  EXPECT_EQ(mutationsSince(before, "InsertRows"), 1u);

  ASSERT_EQ(sandboxControl("/__sandbox/faults", "{\"kind\":\"http500\",\"count\":1}"), 200);
  before = requestCount();
  Outcome failed = run(connection_, std::string("INSERT INTO ") + kTracker + " (name) VALUES ('E1')");
  EXPECT_EQ(failed.rc, SQL_ERROR);
  EXPECT_NE(failed.message().find("may or may not have been created"), std::string::npos) << failed.message();
  EXPECT_EQ(mutationsSince(before, "InsertRows"), 1u);

  // A 429 is monday refusing the request before running it: waited out and sent again.
  ASSERT_EQ(sandboxControl("/__sandbox/faults", "{\"kind\":\"rate_limit_429\",\"count\":1,\"retry_in_seconds\":1}"), 200);
  before = requestCount();
  Outcome limited = run(connection_, std::string("INSERT INTO ") + kTracker + " (name) VALUES ('R1')");
  ASSERT_TRUE(SQL_SUCCEEDED(limited.rc)) << describe(limited.diagnostics);
  EXPECT_EQ(mutationsSince(before, "InsertRows"), 2u);
  EXPECT_EQ(scalar(connection_, std::string("SELECT COUNT(*) FROM ") + kTracker + " WHERE name = 'R1'"), 1);
}

TEST_F(Writes, MondayWriteErrorsBecomeDiagnosticsThatNameTheRow) {
  // ColumnValueException: a status label the column does not have. Rows 1 and 3 are created.
  Outcome bad_label = run(connection_, std::string("INSERT INTO ") + kTracker +
                                           " (name, status) VALUES ('C1', 'Done'), ('C2', 'No such label'), ('C3', 'Stuck')");
  EXPECT_EQ(bad_label.rc, SQL_ERROR);
  EXPECT_EQ(bad_label.state(), "22018") << bad_label.message();
  EXPECT_NE(bad_label.message().find("row 2"), std::string::npos) << bad_label.message();
  EXPECT_NE(bad_label.message().find("ColumnValueException"), std::string::npos) << bad_label.message();
  EXPECT_NE(bad_label.message().find("rows 1, 3 were created"), std::string::npos) << bad_label.message();
  EXPECT_EQ(scalar(connection_, std::string("SELECT COUNT(*) FROM ") + kTracker + " WHERE name IN ('C1', 'C2', 'C3')"), 2);

  // ItemNameTooLongException: monday allows 255 characters.
  Outcome long_name = run(connection_, std::string("INSERT INTO Items (name, board_id) VALUES ('") + std::string(300, 'x') +
                                           "', " + kTrackerId + ")");
  EXPECT_EQ(long_name.rc, SQL_ERROR);
  EXPECT_EQ(long_name.state(), "22001") << long_name.message();
  EXPECT_NE(long_name.message().find("ItemNameTooLongException"), std::string::npos) << long_name.message();

  // InvalidColumnIdException: a column deleted after this connection read the board's columns.
  query(connection_, "SELECT deal_value FROM boards.\"Sales Pipeline\" LIMIT 1");
  {
    Connection other(env_);
    ASSERT_TRUE(SQL_SUCCEEDED(other.connectDsn("monday-sandbox"))) << describe(other.lastDiagnostics());
    auto columns = query(other, "SELECT id FROM Columns WHERE board_id = 5000000002 AND title = 'Deal value'");
    ASSERT_EQ(columns.size(), 1u);
    Outcome drop = run(other, "DELETE FROM Columns WHERE board_id = 5000000002 AND id = '" + columns[0][0].value() + "'");
    ASSERT_TRUE(SQL_SUCCEEDED(drop.rc)) << describe(drop.diagnostics);
    EXPECT_EQ(drop.rows, 1);
  }
  Outcome stale = run(connection_, "UPDATE boards.\"Sales Pipeline\" SET deal_value = 5 WHERE id = (SELECT MIN(id) FROM boards.\"Sales Pipeline\")");
  EXPECT_EQ(stale.rc, SQL_ERROR);
  EXPECT_EQ(stale.state(), "42S22") << stale.message();
  EXPECT_NE(stale.message().find("InvalidColumnIdException"), std::string::npos) << stale.message();
}

TEST_F(Writes, TablesAndColumnsMondayCannotWriteAreRefusedByName) {
  Outcome users = run(connection_, "UPDATE Users SET name = 'x' WHERE id = 10000001");
  EXPECT_EQ(users.rc, SQL_ERROR);
  EXPECT_EQ(users.state(), "HYC00");
  EXPECT_NE(users.message().find("Users is read-only"), std::string::npos) << users.message();
  EXPECT_NE(users.message().find("Items (INSERT, UPDATE, DELETE)"), std::string::npos) << users.message();

  Outcome tags = run(connection_, "DELETE FROM Tags WHERE id = 21000001");
  EXPECT_EQ(tags.state(), "HYC00");
  EXPECT_NE(tags.message().find("Tags accepts INSERT"), std::string::npos) << tags.message();

  Outcome created = run(connection_, "UPDATE Items SET created_at = '2020-01-01 00:00:00' WHERE id = 9000000031");
  EXPECT_EQ(created.state(), "42000");
  EXPECT_NE(created.message().find("Items.created_at cannot be changed"), std::string::npos) << created.message();

  Outcome formula = run(connection_, std::string("INSERT INTO ") + kTracker + " (name, budget_20) VALUES ('f', '1')");
  EXPECT_EQ(formula.state(), "42000");
  EXPECT_NE(formula.message().find("budget_20"), std::string::npos) << formula.message();
}

TEST_F(Writes, EntityTablesInsertUpdateDelete) {
  // Items: create, rename + move + archive, delete.
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, std::string("INSERT INTO Items (name, board_id, group_id) VALUES ('E item', ") +
                                                 kTrackerId + ", 'new_group12345')").rc));
  const long long item = scalar(connection_, std::string("SELECT id FROM Items WHERE board_id = ") + kTrackerId + " AND name = 'E item'");
  ASSERT_GT(item, 0);
  Outcome moved = run(connection_, "UPDATE Items SET name = 'E item 2', group_id = 'topics' WHERE id = " + std::to_string(item));
  ASSERT_TRUE(SQL_SUCCEEDED(moved.rc)) << describe(moved.diagnostics);
  auto row = query(connection_, "SELECT name, group_id FROM Items WHERE id = " + std::to_string(item));
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0][0].value_or(""), "E item 2");
  EXPECT_EQ(row[0][1].value_or(""), "topics");
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "UPDATE Items SET state = 'archived' WHERE id = " + std::to_string(item)).rc));
  EXPECT_EQ(query(connection_, "SELECT id FROM Items WHERE id = " + std::to_string(item)).size(), 0u);  // active items only

  // Subitem through Items.parent_item_id, then Subitems itself.
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "INSERT INTO Items (name, parent_item_id) VALUES ('E sub', 9000000031)").rc));
  EXPECT_EQ(scalar(connection_, "SELECT COUNT(*) FROM Subitems WHERE parent_item_id = 9000000031 AND name = 'E sub'"), 1);
  Outcome sub_delete = run(connection_, "DELETE FROM Subitems WHERE parent_item_id = 9000000031 AND name = 'E sub'");
  ASSERT_TRUE(SQL_SUCCEEDED(sub_delete.rc)) << describe(sub_delete.diagnostics);
  EXPECT_EQ(sub_delete.rows, 1);

  // Boards.
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "INSERT INTO Boards (name, board_kind, description) VALUES ('E board', 'private', 'd')").rc));
  const long long board = scalar(connection_, "SELECT id FROM Boards WHERE name = 'E board'");
  ASSERT_GT(board, 0);
  Outcome renamed = run(connection_, "UPDATE Boards SET name = 'E board 2', description = 'd2' WHERE id = " + std::to_string(board));
  ASSERT_TRUE(SQL_SUCCEEDED(renamed.rc)) << describe(renamed.diagnostics);
  row = query(connection_, "SELECT name, description, board_kind FROM Boards WHERE id = " + std::to_string(board));
  EXPECT_EQ(row[0][0].value_or(""), "E board 2");
  EXPECT_EQ(row[0][1].value_or(""), "d2");
  EXPECT_EQ(row[0][2].value_or(""), "private");

  // Groups.
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "INSERT INTO Groups (board_id, title, color) VALUES (" + std::to_string(board) +
                                                 ", 'E group', '#ff0000')").rc));
  const std::string group = query(connection_, "SELECT id FROM Groups WHERE board_id = " + std::to_string(board) +
                                                   " AND title = 'E group'")[0][0].value_or("");
  ASSERT_FALSE(group.empty());
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "UPDATE Groups SET title = 'E group 2' WHERE board_id = " + std::to_string(board) +
                                                 " AND id = '" + group + "'").rc));
  EXPECT_EQ(scalar(connection_, "SELECT COUNT(*) FROM Groups WHERE board_id = " + std::to_string(board) + " AND title = 'E group 2'"), 1);
  Outcome group_delete = run(connection_, "DELETE FROM Groups WHERE board_id = " + std::to_string(board) + " AND id = '" + group + "'");
  ASSERT_TRUE(SQL_SUCCEEDED(group_delete.rc)) << describe(group_delete.diagnostics);
  EXPECT_EQ(scalar(connection_, "SELECT COUNT(*) FROM Groups WHERE board_id = " + std::to_string(board) +
                                    " AND id = '" + group + "' AND deleted = 0"), 0);

  // Columns.
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "INSERT INTO Columns (board_id, title, type, id) VALUES (" + std::to_string(board) +
                                                 ", 'Score', 'numbers', 'score')").rc));
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "UPDATE Columns SET title = 'Points', description = 'how many' WHERE board_id = " +
                                                 std::to_string(board) + " AND id = 'score'").rc));
  row = query(connection_, "SELECT title, type, description FROM Columns WHERE board_id = " + std::to_string(board) + " AND id = 'score'");
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0][0].value_or(""), "Points");
  EXPECT_EQ(row[0][1].value_or(""), "numbers");
  EXPECT_EQ(row[0][2].value_or(""), "how many");
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "DELETE FROM Columns WHERE board_id = " + std::to_string(board) + " AND id = 'score'").rc));
  EXPECT_EQ(query(connection_, "SELECT id FROM Columns WHERE board_id = " + std::to_string(board) + " AND id = 'score'").size(), 0u);

  // Updates.
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "INSERT INTO Updates (item_id, body) VALUES (9000000031, '<p>E update</p>')").rc));
  const long long update = scalar(connection_, "SELECT id FROM Updates WHERE item_id = 9000000031 AND body = '<p>E update</p>'");
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "UPDATE Updates SET body = '<p>edited</p>' WHERE id = " + std::to_string(update)).rc));
  EXPECT_EQ(query(connection_, "SELECT text_body FROM Updates WHERE id = " + std::to_string(update))[0][0].value_or(""), "edited");
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "DELETE FROM Updates WHERE id = " + std::to_string(update)).rc));
  EXPECT_EQ(query(connection_, "SELECT id FROM Updates WHERE id = " + std::to_string(update)).size(), 0u);

  // Tags: create_or_get_tag reuses a tag of the same name.
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "INSERT INTO Tags (name) VALUES ('e-tag'), ('urgent')").rc));
  EXPECT_EQ(scalar(connection_, "SELECT COUNT(*) FROM Tags WHERE name IN ('e-tag', 'urgent')"), 2);

  // Webhooks.
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, std::string("INSERT INTO Webhooks (board_id, url, event) VALUES (") + kTrackerId +
                                                 ", 'https://example.com/hook', 'create_item')").rc));
  const long long hook = scalar(connection_, std::string("SELECT MAX(id) FROM Webhooks WHERE board_id = ") + kTrackerId +
                                                 " AND event = 'create_item'");
  ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "DELETE FROM Webhooks WHERE board_id = " + std::string(kTrackerId) + " AND id = " +
                                                 std::to_string(hook)).rc));
  EXPECT_EQ(query(connection_, "SELECT id FROM Webhooks WHERE board_id = " + std::string(kTrackerId) + " AND id = " +
                                   std::to_string(hook)).size(), 0u);

  // Boards last: delete the board made above.
  Outcome board_delete = run(connection_, "DELETE FROM Boards WHERE id = " + std::to_string(board));
  ASSERT_TRUE(SQL_SUCCEEDED(board_delete.rc)) << describe(board_delete.diagnostics);
  EXPECT_EQ(query(connection_, "SELECT state FROM Boards WHERE id = " + std::to_string(board))[0][0].value_or(""), "deleted");
}

// monday's asynchronous bulk item jobs: a DELETE or archive of more items than BulkJobThreshold
// goes as one bulk_delete_items / bulk_archive_items job per board and waits for job_status to
// say it ended; fewer items, or no threshold, keep the aliased calls. The BulkDeleteItems,
// BulkArchiveItems and GetJobStatus procedures run the same jobs. A job's start is never sent twice.
namespace {

class BulkJobs : public Writes {
 protected:
  std::string extra() const override { return "BulkJobThreshold=5"; }

  // Creates `count` items named <prefix>1 … on the tracker board; returns their ids in order.
  std::vector<std::string> createItems(const std::string& prefix, int count) {
    std::string values;
    for (int i = 1; i <= count; ++i) values += std::string(i > 1 ? ", " : "") + "('" + prefix + std::to_string(i) + "')";
    Outcome insert = run(connection_, std::string("INSERT INTO ") + kTracker + " (name) VALUES " + values);
    EXPECT_TRUE(SQL_SUCCEEDED(insert.rc)) << insert.all();
    std::vector<std::string> ids;
    for (const auto& row : query(connection_, std::string("SELECT id FROM ") + kTracker + " WHERE name LIKE '" + prefix +
                                                 "%' ORDER BY id")) {
      ids.push_back(*row[0]);
    }
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(count));
    return ids;
  }

  // Deletes `count` new items and checks they went as the usual aliased DeleteRows, with no job.
  void expectDeletedWithoutAJob(const std::string& prefix, int count) {
    createItems(prefix, count);
    const std::size_t before = requestCount();
    Outcome deleted = run(connection_, std::string("DELETE FROM ") + kTracker + " WHERE name LIKE '" + prefix + "%'");
    ASSERT_EQ(deleted.rc, SQL_SUCCESS) << deleted.all();
    EXPECT_EQ(deleted.rows, count);
    EXPECT_EQ(documentsSince(before, "mutation DeleteRows"), 1u);
    EXPECT_EQ(documentsSince(before, "mutation BulkItemJob"), 0u);
  }
};

class NoBulkJobs : public BulkJobs {
 protected:
  std::string extra() const override { return ""; }
};

class ReadOnlyBulkJobs : public BulkJobs {
 protected:
  std::string extra() const override { return "BulkJobThreshold=5;ReadOnly=true"; }
};

bool mentions(const Outcome& outcome, const std::string& text) { return outcome.all().find(text) != std::string::npos; }

}  // namespace


TEST_F(BulkJobs, ADeleteOfMoreItemsThanTheThresholdIsOneJobWaitedForAndCounted) {
  createItems("bulk-del-", 8);
  const std::size_t before = requestCount();
  Outcome deleted = run(connection_, std::string("DELETE FROM ") + kTracker + " WHERE name LIKE 'bulk-del-%'");
  ASSERT_EQ(deleted.rc, SQL_SUCCESS_WITH_INFO) << deleted.all();
  EXPECT_EQ(deleted.rows, 8);
  EXPECT_TRUE(mentions(deleted, "ran as monday's bulk_delete_items job")) << deleted.all();
  EXPECT_TRUE(mentions(deleted, "8 of 8 items deleted (COMPLETED)")) << deleted.all();
  EXPECT_EQ(documentsSince(before, "mutation BulkItemJob"), 1u);
  EXPECT_EQ(documentsSince(before, "mutation DeleteRows"), 0u);
  // The sandbox's job ends at its second poll; the driver asked until it had.
  EXPECT_EQ(documentsSince(before, "query BulkItemJobStatus"), 2u);
  EXPECT_EQ(scalar(connection_, std::string("SELECT COUNT(*) FROM ") + kTracker + " WHERE name LIKE 'bulk-del-%'"), 0);
  // The job named the board and every item, as variables.
  for (const auto& request : requestsSince(before)) {
    const std::string document = request["query"].IsString() ? request["query"].GetString() : "";
    if (document.rfind("mutation BulkItemJob", 0) != 0) continue;
    EXPECT_EQ(std::string(request["variables"]["board_id"].GetString()), kTrackerId);
    EXPECT_EQ(request["variables"]["item_ids"].Size(), 8u);
    EXPECT_EQ(document.find("5000000001"), std::string::npos) << "values travel as variables";
  }
}

TEST_F(BulkJobs, AnArchiveOfManyItemsIsOneArchiveJob) {
  createItems("bulk-arch-", 6);
  const std::size_t before = requestCount();
  Outcome archived = run(connection_, std::string("UPDATE ") + kTracker + " SET state = 'archived' WHERE name LIKE 'bulk-arch-%'");
  ASSERT_EQ(archived.rc, SQL_SUCCESS_WITH_INFO) << archived.all();
  EXPECT_EQ(archived.rows, 6);
  EXPECT_TRUE(mentions(archived, "bulk_archive_items job")) << archived.all();
  EXPECT_EQ(documentsSince(before, "mutation BulkItemJob"), 1u);
  EXPECT_EQ(documentsSince(before, "mutation UpdateRows"), 0u);
  EXPECT_EQ(documentsSince(before, "mutation BulkItemJob($board_id: ID!, $item_ids: [ID!]!) { job: bulk_archive_items"), 1u);
  // Items lists active items only: archived ones have left it.
  EXPECT_EQ(scalar(connection_, "SELECT COUNT(*) FROM Items WHERE board_id = 5000000001 AND name LIKE 'bulk-arch-%'"), 0);
}

TEST_F(BulkJobs, AtOrBelowTheThresholdTheUsualCallsAreSent) { expectDeletedWithoutAJob("bulk-few-", 5); }

TEST_F(BulkJobs, ItemsOfSeveralBoardsGoAsOneJobPerBoard) {
  createItems("bulk-multi-", 6);
  // Items: rows of every board; the tracker's new items plus six of another board.
  auto others = query(connection_, "SELECT id FROM Items WHERE board_id <> 5000000001 AND state = 'active' ORDER BY id LIMIT 6");
  ASSERT_EQ(others.size(), 6u);
  std::string ids;
  for (const auto& row : others) ids += (ids.empty() ? "" : ", ") + *row[0];
  const std::size_t before = requestCount();
  Outcome deleted = run(connection_, "DELETE FROM Items WHERE name LIKE 'bulk-multi-%' OR id IN (" + ids + ")");
  ASSERT_TRUE(SQL_SUCCEEDED(deleted.rc)) << deleted.all();
  EXPECT_EQ(deleted.rows, 12);
  const std::size_t jobs = documentsSince(before, "mutation BulkItemJob");
  EXPECT_GE(jobs, 2u);
  EXPECT_EQ(documentsSince(before, "mutation DeleteRows"), 0u);
  EXPECT_EQ(scalar(connection_, "SELECT COUNT(*) FROM Items WHERE id IN (" + ids + ")"), 0);
}

TEST_F(NoBulkJobs, WithoutTheThresholdManyRowsStayAliasedCalls) { expectDeletedWithoutAJob("bulk-off-", 8); }

TEST_F(BulkJobs, TheProceduresRunAJobAndReportItsFailuresPerItem) {
  auto ids = createItems("bulk-proc-", 3);
  const std::string foreign = "9000000999999";  // no such item
  auto rows = query(connection_, "EXEC BulkDeleteItems @BoardId = " + std::string(kTrackerId) + ", @ItemIds = '" + ids[0] +
                                     ", " + ids[1] + "," + ids[2] + ", " + foreign + "'");
  ASSERT_EQ(rows.size(), 1u);
  const std::string job_id = *rows[0][0];
  EXPECT_EQ(*rows[0][1], "COMPLETED");
  EXPECT_EQ(*rows[0][3], "4");                // total
  EXPECT_EQ(*rows[0][4], "3");                // succeeded
  EXPECT_EQ(*rows[0][5], "1");                // failed
  EXPECT_EQ(*rows[0][6], foreign);            // failed_item_ids
  EXPECT_EQ(scalar(connection_, std::string("SELECT COUNT(*) FROM ") + kTracker + " WHERE name LIKE 'bulk-proc-%'"), 0);
  // GetJobStatus reads the same job back, without changing anything.
  auto status = query(connection_, "EXEC GetJobStatus @JobId = " + job_id);
  ASSERT_EQ(status.size(), 1u);
  EXPECT_EQ(*status[0][0], job_id);
  EXPECT_EQ(*status[0][1], "COMPLETED");
  EXPECT_EQ(*status[0][6], foreign);

  auto archive_ids = createItems("bulk-parch-", 2);
  auto archived = query(connection_, "CALL BulkArchiveItems(" + std::string(kTrackerId) + ", '" + archive_ids[0] + "," +
                                         archive_ids[1] + "')");
  ASSERT_EQ(archived.size(), 1u);
  EXPECT_EQ(*archived[0][4], "2");
  EXPECT_EQ(*archived[0][1], "COMPLETED");
  EXPECT_EQ(scalar(connection_, "SELECT COUNT(*) FROM Items WHERE board_id = 5000000001 AND name LIKE 'bulk-parch-%'"), 0);
}

TEST_F(BulkJobs, BadInputIsRefusedBeforeAnythingIsSent) {
  const std::size_t before = requestCount();
  for (const std::string& list : {std::string("1, x"), std::string("1,,2"), std::string("")}) {
    Outcome bad = run(connection_, "EXEC BulkDeleteItems @BoardId = 5000000001, @ItemIds = '" + list + "'");
    EXPECT_EQ(bad.rc, SQL_ERROR) << list;
    ASSERT_FALSE(bad.diagnostics.empty());
    EXPECT_EQ(bad.diagnostics.front().state, "22018") << bad.all();
  }
  EXPECT_EQ(documentsSince(before, "mutation"), 0u);
  Outcome unknown = run(connection_, "EXEC GetJobStatus @JobId = 123");
  EXPECT_EQ(unknown.rc, SQL_ERROR);
  EXPECT_TRUE(mentions(unknown, "Job not found")) << unknown.all();
}

TEST_F(BulkJobs, AJobWhoseStartWasLostIsNotStartedAgain) {
  auto ids = createItems("bulk-lost-", 2);
  ASSERT_EQ(sandboxControl("/__sandbox/faults", "{\"kind\":\"drop\",\"count\":1}"), 200);
  const std::size_t before = requestCount();
  Outcome lost = run(connection_, "EXEC BulkDeleteItems @BoardId = " + std::string(kTrackerId) + ", @ItemIds = '" + ids[0] +
                                      "," + ids[1] + "'");
  EXPECT_EQ(lost.rc, SQL_ERROR);
  EXPECT_TRUE(mentions(lost, "may or may not have been applied")) << lost.all();
  EXPECT_EQ(documentsSince(before, "mutation BulkItemJob"), 1u);
  EXPECT_EQ(documentsSince(before, "query BulkItemJobStatus"), 0u);
}

TEST_F(ReadOnlyBulkJobs, JobsAreRefusedOnAReadOnlyConnection) {
  const std::size_t before = requestCount();
  Outcome refused = run(connection_, "EXEC BulkDeleteItems @BoardId = 5000000001, @ItemIds = '1,2'");
  EXPECT_EQ(refused.rc, SQL_ERROR);
  ASSERT_FALSE(refused.diagnostics.empty());
  EXPECT_EQ(refused.diagnostics.front().state, "42000") << refused.all();
  EXPECT_EQ(documentsSince(before, "mutation"), 0u);
}

TEST_F(BulkJobs, ItemsRowsArchiveAsAJobButSubitemsKeepTheirOwnCalls) {
  createItems("bulk-items-", 6);
  std::size_t before = requestCount();
  Outcome archived = run(connection_, "UPDATE Items SET state = 'archived' WHERE board_id = 5000000001 AND name LIKE 'bulk-items-%'");
  ASSERT_EQ(archived.rc, SQL_SUCCESS_WITH_INFO) << archived.all();
  EXPECT_EQ(archived.rows, 6);
  EXPECT_EQ(documentsSince(before, "mutation BulkItemJob($board_id: ID!, $item_ids: [ID!]!) { job: bulk_archive_items"), 1u);
  EXPECT_EQ(documentsSince(before, "mutation UpdateRows"), 0u);

  // Subitems live on monday's hidden subitems board: their deletes stay aliased calls.
  for (int i = 1; i <= 6; ++i) {
    ASSERT_TRUE(SQL_SUCCEEDED(run(connection_, "INSERT INTO Subitems (name, parent_item_id) VALUES ('bulk-sub-" +
                                                   std::to_string(i) + "', 9000000031)").rc));
  }
  before = requestCount();
  Outcome deleted = run(connection_, "DELETE FROM Subitems WHERE parent_item_id = 9000000031 AND name LIKE 'bulk-sub-%'");
  ASSERT_EQ(deleted.rc, SQL_SUCCESS) << deleted.all();
  EXPECT_EQ(deleted.rows, 6);
  EXPECT_EQ(documentsSince(before, "mutation BulkItemJob"), 0u);
  EXPECT_EQ(documentsSince(before, "mutation DeleteRows"), 1u);
}
