// monday's bulk item jobs: the start is sent once and the polls wait exactly what the schedule
// says (asserted on the fake clock, never on elapsed time); a batch of many bulk-capable rows
// becomes one job per board, and what a job reports becomes each row's fate.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include <rapidjson/document.h>

#include "driver/client/api_client.h"
#include "driver/client/bulk_item_job.h"
#include "driver/client/mutation_batch.h"
#include "driver/client/mutation_outcome.h"
#include "driver/config/connection_string.h"
#include "driver/config/settings.h"
#include "schema/item_calls.h"
#include "tests/unit/fake_network.h"

namespace monday::client {
namespace {

using std::chrono::milliseconds;
using test::FakeSeams;
using test::secondsEach;

std::unique_ptr<ApiClient> clientFor(FakeSeams& fake) {
  const std::string token = "token-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name());
  const config::Settings settings = config::Settings::fromAttributes(
      config::parseConnectionString("APIURL=https://api.example.test/v2;APIToken=" + token));
  return std::make_unique<ApiClient>(settings, std::make_shared<log::Logger>(), fake.seams());
}

std::string status(const std::string& state, const std::string& result = "null") {
  return R"({"data":{"job_status":{"id":"77","status":")" + state +
         R"(","error":null,"created_at":"2026-12-06T10:00:00Z","updated_at":"2026-12-06T10:00:01Z","result":)" + result + "}}}";
}

constexpr const char* kStarted = R"({"data":{"job":{"job_id":"77"}}})";

TEST(BulkItemJob, TheStartIsSentOnceThenPollsWaitLongerEachTimeUntilTheJobEnds) {
  FakeSeams fake;
  fake.network.answer(200, kStarted);
  fake.network.answer(200, status("PENDING"));
  fake.network.answer(200, status("RUNNING"));
  fake.network.answer(200, status("COMPLETED", R"({"total":3,"succeeded":2,"failed":1,"details":"{\"failed_item_ids\":[\"12\"]}"})"));
  auto api = clientFor(fake);
  const BulkJobOutcome outcome = runBulkItemJob(*api, {"bulk_delete_items", "5", {"11", "12", "13"}});
  EXPECT_EQ(outcome.job_id, "77");
  EXPECT_EQ(outcome.status, "COMPLETED");
  EXPECT_EQ(outcome.total, 3);
  EXPECT_EQ(outcome.succeeded, 2);
  EXPECT_EQ(outcome.failed_item_ids, std::vector<std::string>{"12"});
  EXPECT_EQ(outcome.polls, 3);
  EXPECT_EQ(fake.network.requestCount(), 4u);
  EXPECT_EQ(fake.clock->sleeps(), (std::vector<milliseconds>{milliseconds(500), milliseconds(1000), milliseconds(2000)}));
  // The start names the board and the items as variables.
  const std::string start = fake.network.requests().front().body;
  EXPECT_NE(start.find("bulk_delete_items(board_id: $board_id, item_ids: $item_ids)"), std::string::npos) << start;
  EXPECT_NE(start.find(R"("item_ids":["11","12","13"])"), std::string::npos) << start;
}

TEST(BulkItemJob, DetailsAsAnObjectAreReadToo) {
  FakeSeams fake;
  fake.network.answer(200, kStarted);
  fake.network.answer(200, status("COMPLETED", R"({"total":2,"succeeded":0,"failed":2,"details":{"failed_item_ids":[11,"12"]}})"));
  auto api = clientFor(fake);
  const BulkJobOutcome outcome = runBulkItemJob(*api, {"bulk_archive_items", "5", {"11", "12"}});
  EXPECT_EQ(outcome.failed_item_ids, (std::vector<std::string>{"11", "12"}));
}

TEST(BulkItemJob, AJobThatDoesNotEndInTimeIsReportedWithItsIdNotWaitedForever) {
  FakeSeams fake;
  fake.network.answer(200, kStarted);
  for (int i = 0; i < 3; ++i) fake.network.answer(200, status("RUNNING"));
  auto api = clientFor(fake);
  const JobPolling polling{.first = std::chrono::seconds(1), .longest = std::chrono::seconds(4), .give_up_after = std::chrono::seconds(6)};
  try {
    runBulkItemJob(*api, {"bulk_delete_items", "5", {"11"}}, polling);
    FAIL() << "expected HYT00";
  } catch (const MutationOutcomeUnknown& error) {
    EXPECT_EQ(error.state(), "HYT00");
    EXPECT_NE(error.cause().find("job 77"), std::string::npos) << error.cause();
    EXPECT_NE(error.cause().find("EXEC GetJobStatus @JobId = 77"), std::string::npos) << error.cause();
  }
  EXPECT_EQ(fake.clock->sleeps(), secondsEach({1, 2, 4}));
  EXPECT_EQ(fake.network.requestCount(), 4u);
}

TEST(BulkItemJob, ALostStartIsNeverSentAgainNorPolled) {
  FakeSeams fake;
  fake.network.fail(net::FailureKind::Timeout, "no answer");
  auto api = clientFor(fake);
  EXPECT_THROW(runBulkItemJob(*api, {"bulk_delete_items", "5", {"11"}}), MutationOutcomeUnknown);
  EXPECT_EQ(fake.network.requestCount(), 1u);
}

TEST(BulkItemJob, ARefusedStartIsAnErrorThatChangedNothing) {
  FakeSeams fake;
  fake.network.answer(200, R"({"data":{"job":null},"errors":[{"message":"Board not found","path":["job"],"extensions":{"code":"InvalidBoardIdException"}}]})");
  auto api = clientFor(fake);
  try {
    runBulkItemJob(*api, {"bulk_delete_items", "5", {"11"}});
    FAIL() << "expected an error";
  } catch (const MutationOutcomeUnknown&) {
    FAIL() << "a refused start changed nothing";
  } catch (const Error& error) {
    EXPECT_NE(error.message().find("[InvalidBoardIdException] Board not found"), std::string::npos) << error.message();
  }
  EXPECT_EQ(fake.network.requestCount(), 1u);
}

// A batch whose jobs are run by a fake: what it asked for, and what it answers.
struct FakeJobs {
  std::vector<BulkItemJob> asked;
  std::function<BulkJobOutcome(const BulkItemJob&)> answer = [](const BulkItemJob& job) {
    BulkJobOutcome outcome{.job_id = "7", .status = "COMPLETED", .has_result = true};
    outcome.total = outcome.succeeded = static_cast<long long>(job.item_ids.size());
    return outcome;
  };
  MutationBatch::BulkJobs jobs(std::size_t threshold) {
    return {threshold, [this](const BulkItemJob& job) {
              asked.push_back(job);
              return answer(job);
            }};
  }
};

MutationBatch::Send noAliasedRequests(int& sent) {
  // Answers every alias of the request as applied.
  return [&sent](const std::string& document, const rapidjson::Value&) {
    ++sent;
    std::string body = "{\"data\":{";
    std::size_t aliases = 0;
    for (std::size_t at = document.find(": delete_item"); at != std::string::npos; at = document.find(": delete_item", at + 1)) {
      body += (aliases ? "," : "") + std::string("\"m") + std::to_string(aliases) + "\":{\"id\":\"1\"}";
      ++aliases;
    }
    rapidjson::Document answer;
    answer.Parse((body + "}}").c_str());
    return answer;
  };
}

TEST(BulkItemJobBatch, ManyRowsBecomeOneJobPerBoardAndAFailedItemIsANoteNotAnError) {
  FakeJobs fake;
  fake.answer = [](const BulkItemJob& job) {
    BulkJobOutcome outcome{.job_id = job.board_id == "1" ? "7" : "8", .status = "COMPLETED", .has_result = true};
    outcome.total = static_cast<long long>(job.item_ids.size());
    outcome.failed = job.board_id == "1" ? 1 : 0;
    outcome.succeeded = outcome.total - outcome.failed;
    if (job.board_id == "1") outcome.failed_item_ids = {"102"};
    return outcome;
  };
  int sent = 0;
  MutationBatch batch(WriteVerb::Delete, "Items", 159, noAliasedRequests(sent));
  batch.useBulkJobs(fake.jobs(3));
  for (const std::string id : {"101", "102", "103"}) batch.add(0, {schema::item_calls::remove(id, "1")});
  for (const std::string id : {"201", "202"}) batch.add(0, {schema::item_calls::remove(id, "2")});
  EXPECT_TRUE(fake.asked.empty()) << "rows are held until the statement ends";
  batch.flush();
  EXPECT_EQ(sent, 0);
  ASSERT_EQ(fake.asked.size(), 2u);
  EXPECT_EQ(fake.asked[0].field, "bulk_delete_items");
  EXPECT_EQ(fake.asked[0].item_ids, (std::vector<std::string>{"101", "102", "103"}));
  EXPECT_EQ(fake.asked[1].board_id, "2");
  EXPECT_EQ(batch.rowsWith(RowFate::Applied), 4u);
  EXPECT_EQ(batch.rowsWith(RowFate::Failed), 1u);
  const auto report = batch.takeJobReport();
  EXPECT_EQ(report.rows_unchanged, 1u);
  ASSERT_EQ(report.notes.size(), 3u);
  EXPECT_NE(report.notes[0].find("bulk_delete_items job 7 on board 1: 2 of 3 items deleted"), std::string::npos) << report.notes[0];
  EXPECT_NE(report.notes[1].find("Row 2 (item 102) was not deleted"), std::string::npos) << report.notes[1];
  EXPECT_TRUE(batch.takeJobReport().notes.empty()) << "taken once";
}

TEST(BulkItemJobBatch, FewRowsOrRowsWithoutABulkFormKeepTheAliasedCalls) {
  FakeJobs fake;
  int sent = 0;
  MutationBatch few(WriteVerb::Delete, "Items", 159, noAliasedRequests(sent));
  few.useBulkJobs(fake.jobs(3));
  for (const std::string id : {"101", "102", "103"}) few.add(0, {schema::item_calls::remove(id, "1")});
  few.flush();
  EXPECT_EQ(sent, 1);
  // A subitem's delete has no bulk form (no board): the whole statement stays aliased calls.
  MutationBatch mixed(WriteVerb::Delete, "Items", 159, noAliasedRequests(sent));
  mixed.useBulkJobs(fake.jobs(3));
  for (const std::string id : {"101", "102", "103", "104"}) mixed.add(0, {schema::item_calls::remove(id, "1")});
  mixed.add(0, {schema::item_calls::remove("105")});
  mixed.flush();
  EXPECT_EQ(sent, 2);
  EXPECT_TRUE(fake.asked.empty());
}

TEST(BulkItemJobBatch, AJobWhoseOutcomeIsUnknownStopsTheStatementAndLeavesLaterBoardsUnsent) {
  FakeJobs fake;
  fake.answer = [](const BulkItemJob&) -> BulkJobOutcome {
    throw MutationOutcomeUnknown("08S01", "monday did not answer.");
  };
  int sent = 0;
  MutationBatch batch(WriteVerb::Delete, "Items", 159, noAliasedRequests(sent));
  batch.useBulkJobs(fake.jobs(1));
  batch.add(0, {schema::item_calls::remove("101", "1")});
  batch.add(0, {schema::item_calls::remove("102", "1")});
  batch.add(0, {schema::item_calls::remove("201", "2")});
  try {
    batch.flush();
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), "08S01");
    EXPECT_NE(error.message().find("rows 1-2 may or may not have been deleted"), std::string::npos) << error.message();
  }
  EXPECT_EQ(fake.asked.size(), 1u);
  EXPECT_EQ(batch.rowsWith(RowFate::Unknown), 2u);
  EXPECT_EQ(batch.rowsWith(RowFate::Dropped), 1u);
}

TEST(BulkItemJobBatch, AJobThatDoesNotNameItsFailuresClaimsNothing) {
  FakeJobs fake;
  fake.answer = [](const BulkItemJob&) {
    return BulkJobOutcome{.job_id = "7", .status = "COMPLETED", .has_result = true, .total = 2, .succeeded = 1, .failed = 1};
  };
  int sent = 0;
  MutationBatch batch(WriteVerb::Delete, "Items", 159, noAliasedRequests(sent));
  batch.useBulkJobs(fake.jobs(1));
  batch.add(0, {schema::item_calls::remove("101", "1")});
  batch.add(0, {schema::item_calls::remove("102", "1")});
  EXPECT_THROW(batch.flush(), Error);
  EXPECT_EQ(batch.rowsWith(RowFate::Unknown), 2u);
  EXPECT_EQ(batch.rowsWith(RowFate::Applied), 0u);
}

}  // namespace
}  // namespace monday::client
