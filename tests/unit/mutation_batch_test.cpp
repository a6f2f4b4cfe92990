// MutationBatch: rows become aliased mutations in few requests, and every failure says which rows
// reached monday. The sender is a fake that records documents and answers like monday would.
#include <gtest/gtest.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "driver/client/mutation_batch.h"
#include "driver/client/mutation_outcome.h"
#include "schema/mutation.h"

using namespace monday;
using namespace monday::client;

namespace {

schema::MutationCall createItem(const std::string& name) {
  return {"create_item", {schema::idArgument("board_id", "5000000001"), schema::stringArgument("item_name", name)}};
}

std::string toJson(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

// Answers every alias with {"id": "..."} unless told otherwise.
struct FakeMonday {
  std::vector<std::string> documents;
  std::vector<std::string> variables;
  std::function<std::string(std::size_t request, std::size_t aliases)> answer;

  MutationBatch::Send sender() {
    return [this](const std::string& document, const rapidjson::Value& vars) {
      documents.push_back(document);
      variables.push_back(toJson(vars));
      std::size_t aliases = 0;
      for (std::size_t at = document.find(": create_item"); at != std::string::npos; at = document.find(": create_item", at + 1)) ++aliases;
      std::string body;
      if (answer) body = answer(documents.size(), aliases);
      if (body.empty()) {
        body = "{\"data\":{";
        for (std::size_t k = 0; k < aliases; ++k) body += (k ? "," : "") + std::string("\"m") + std::to_string(k) + "\":{\"id\":\"1\"}";
        body += "}}";
      }
      rapidjson::Document parsed;
      parsed.Parse(body.c_str());
      return parsed;
    };
  }
};

}  // namespace

TEST(MutationBatch, DocumentAliasesEveryCallAndKeepsValuesInVariables) {
  auto first = createItem("Fix \"login\" {now}");
  auto second = createItem("Second");
  rapidjson::Document variables;
  const std::string document = aliasedMutationDocument("InsertRows", {&first, &second}, variables);
  EXPECT_EQ(document,
            "mutation InsertRows($m0_board_id: ID!, $m0_item_name: String!, $m1_board_id: ID!, $m1_item_name: String!) "
            "{ m0: create_item(board_id: $m0_board_id, item_name: $m0_item_name) { id } m1: create_item(board_id: "
            "$m1_board_id, item_name: $m1_item_name) { id } }");
  EXPECT_EQ(std::string(variables["m0_item_name"].GetString()), "Fix \"login\" {now}");
  EXPECT_EQ(document.find("login"), std::string::npos);  // values never enter the document text
}

TEST(MutationBatch, ScalarFieldsHaveNoSelection) {
  schema::MutationCall call{"update_board", {schema::enumArgument("board_attribute", "BoardAttributes!", "name")}};
  call.selection = "";
  rapidjson::Document variables;
  EXPECT_EQ(aliasedMutationDocument("UpdateRows", {&call}, variables),
            "mutation UpdateRows($m0_board_attribute: BoardAttributes!) { m0: update_board(board_attribute: $m0_board_attribute) }");
}

TEST(MutationBatch, ThousandRowsTravelInRequestsOfAtMostTheCallLimit) {
  FakeMonday monday;
  MutationBatch batch(WriteVerb::Insert, "Tasks", kMaxCallsPerRequest, monday.sender());
  for (int i = 0; i < 1000; ++i) batch.add(0, {createItem("Row " + std::to_string(i))});
  batch.flush();
  EXPECT_EQ(monday.documents.size(), (1000 + kMaxCallsPerRequest - 1) / kMaxCallsPerRequest);
  EXPECT_EQ(batch.rowsWith(RowFate::Applied), 1000u);
  EXPECT_LE(static_cast<long long>(kMaxCallsPerRequest) * kPointsPerMutation, 5'000'000);
}

TEST(MutationBatch, RowsWithSeveralCallsAreNeverSplitAcrossRequests) {
  FakeMonday monday;
  MutationBatch batch(WriteVerb::Insert, "Tasks", 3, monday.sender());
  batch.add(0, {createItem("a"), createItem("b")});
  batch.add(0, {createItem("c"), createItem("d")});  // does not fit beside the first row
  batch.flush();
  ASSERT_EQ(monday.documents.size(), 2u);
  EXPECT_NE(monday.documents[0].find("m1: create_item"), std::string::npos);
  EXPECT_EQ(monday.documents[0].find("m2:"), std::string::npos);
}

TEST(MutationBatch, FieldErrorsNameTheRowAndWhatWasApplied) {
  FakeMonday monday;
  monday.answer = [](std::size_t, std::size_t) {
    return std::string(
        "{\"data\":{\"m0\":{\"id\":\"1\"},\"m1\":null,\"m2\":{\"id\":\"3\"}},\"errors\":[{\"message\":\"invalid value for "
        "column status\",\"path\":[\"m1\"],\"extensions\":{\"code\":\"ColumnValueException\",\"status_code\":400}}]}");
  };
  MutationBatch batch(WriteVerb::Insert, "Tasks", 10, monday.sender());
  for (int i = 0; i < 3; ++i) batch.add(0, {createItem("r")});
  try {
    batch.flush();
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), "22018");
    EXPECT_NE(error.message().find("monday refused row 2"), std::string::npos) << error.message();
    EXPECT_NE(error.message().find("ColumnValueException"), std::string::npos);
    EXPECT_NE(error.message().find("rows 1, 3 were created"), std::string::npos) << error.message();
  }
  EXPECT_EQ(batch.rowsWith(RowFate::Applied), 2u);
  EXPECT_EQ(batch.rowsWith(RowFate::Failed), 1u);
}

TEST(MutationBatch, ARequestThatMayHaveBeenAppliedIsNotResentAndLaterRowsAreNotSent) {
  FakeMonday monday;
  MutationBatch::Send send = [&](const std::string& document, const rapidjson::Value& variables) -> rapidjson::Document {
    if (monday.documents.size() == 1) {
      monday.documents.push_back(document);
      throw client::MutationOutcomeUnknown("HYT00", "monday did not answer within 1 seconds (127.0.0.1).");
    }
    return monday.sender()(document, variables);
  };
  MutationBatch batch(WriteVerb::Insert, "Tasks", 2, send);
  try {
    for (int i = 0; i < 7; ++i) batch.add(0, {createItem("r")});
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), "HYT00");
    EXPECT_NE(error.message().find("rows 3-4 failed after it was sent"), std::string::npos) << error.message();
    EXPECT_NE(error.message().find("rows 1-2 were created"), std::string::npos) << error.message();
    EXPECT_NE(error.message().find("rows 3-4 may or may not have been created"), std::string::npos) << error.message();
    EXPECT_NE(error.message().find("never sends a change twice"), std::string::npos);
  }
  EXPECT_EQ(monday.documents.size(), 2u);  // sent once each, the failed one included, never again
  EXPECT_EQ(batch.rowsWith(RowFate::Unknown), 2u);
}

TEST(MutationBatch, ARequestMondayRejectedAsAWholeCreatedNothing) {
  FakeMonday monday;
  monday.answer = [](std::size_t, std::size_t) {
    return std::string("{\"errors\":[{\"message\":\"Variable $m0_board_id of type ID! was provided invalid value\","
                       "\"extensions\":{\"code\":\"GRAPHQL_VALIDATION_FAILED\"}}]}");
  };
  MutationBatch batch(WriteVerb::Insert, "Tasks", 10, monday.sender());
  batch.add(0, {createItem("a")});
  batch.add(0, {createItem("b")});
  EXPECT_THROW(batch.flush(), Error);
  EXPECT_EQ(batch.rowsWith(RowFate::Failed), 2u);
  EXPECT_EQ(batch.rowsWith(RowFate::Unknown), 0u);
}

TEST(MutationBatch, DroppingAParameterSetKeepsTheOthersQueued) {
  FakeMonday monday;
  MutationBatch batch(WriteVerb::Insert, "Tasks", 10, monday.sender());
  batch.add(0, {createItem("a")});
  batch.add(1, {createItem("b")});
  batch.add(2, {createItem("c")});
  batch.dropQueuedOfGroup(1);
  batch.flush();
  ASSERT_EQ(monday.documents.size(), 1u);
  EXPECT_EQ(monday.documents[0].find("m2:"), std::string::npos);
  EXPECT_EQ(batch.appliedPerGroup(3), (std::vector<long long>{1, 0, 1}));
}

TEST(MutationBatch, RowRangesAreCompact) {
  EXPECT_EQ(rowRanges({1, 2, 3, 5, 7, 8}), "1-3, 5, 7-8");
  EXPECT_EQ(rowRanges({}), "");
}

TEST(MutationBatch, MondayErrorCodesMapToSqlStates) {
  EXPECT_EQ(writeErrorState("ColumnValueException"), "22018");
  EXPECT_EQ(writeErrorState("ItemNameTooLongException"), "22001");
  EXPECT_EQ(writeErrorState("InvalidColumnIdException"), "42S22");
  EXPECT_EQ(writeErrorState("UserUnauthorizedException"), "42000");
  EXPECT_EQ(writeErrorState("SomethingElse"), "HY000");
}
