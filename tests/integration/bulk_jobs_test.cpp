// monday's asynchronous bulk item jobs through the driver manager against the sandbox: a DELETE
// or archive of more items than BulkJobThreshold goes as one bulk_delete_items /
// bulk_archive_items job per board and waits for job_status to say it ended; fewer items, or no
// threshold, keep the aliased calls. The BulkDeleteItems, BulkArchiveItems and GetJobStatus
// procedures run the same jobs. A job's start is never sent twice.
#include <gtest/gtest.h>

#include <string>

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

struct Outcome {
  SQLRETURN rc = SQL_ERROR;
  SQLLEN rows = -2;
  std::vector<Diagnostic> diagnostics;
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
  if (rows.size() != 1 || !rows[0][0]) return -1;
  return std::stoll(*rows[0][0]);
}

class BulkJobs : public ::testing::Test {
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
  virtual std::string extra() const { return "BulkJobThreshold=5"; }

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

  Environment env_;
  Connection connection_{env_};
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

TEST_F(BulkJobs, AtOrBelowTheThresholdTheUsualCallsAreSent) {
  createItems("bulk-few-", 5);
  const std::size_t before = requestCount();
  Outcome deleted = run(connection_, std::string("DELETE FROM ") + kTracker + " WHERE name LIKE 'bulk-few-%'");
  ASSERT_EQ(deleted.rc, SQL_SUCCESS) << deleted.all();
  EXPECT_EQ(deleted.rows, 5);
  EXPECT_EQ(documentsSince(before, "mutation DeleteRows"), 1u);
  EXPECT_EQ(documentsSince(before, "mutation BulkItemJob"), 0u);
}

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

TEST_F(NoBulkJobs, WithoutTheThresholdManyRowsStayAliasedCalls) {
  createItems("bulk-off-", 8);
  const std::size_t before = requestCount();
  Outcome deleted = run(connection_, std::string("DELETE FROM ") + kTracker + " WHERE name LIKE 'bulk-off-%'");
  ASSERT_EQ(deleted.rc, SQL_SUCCESS) << deleted.all();
  EXPECT_EQ(deleted.rows, 8);
  EXPECT_EQ(documentsSince(before, "mutation BulkItemJob"), 0u);
  EXPECT_EQ(documentsSince(before, "mutation DeleteRows"), 1u);
}

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
