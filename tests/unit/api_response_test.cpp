// How monday's answers are read: data, limits to wait out, and errors with the right SQLSTATE.
#include <gtest/gtest.h>

#include "driver/client/api_client.h"
#include "driver/client/api_response.h"

using monday::client::ApiOutcome;
using monday::client::readApiResponse;
using monday::net::HttpResponse;

namespace {

HttpResponse response(long status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {}) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

}  // namespace

TEST(ApiResponse, DataWithComplexityIsRead) {
  auto outcome = readApiResponse(response(
      200, R"({"data":{"boards":[],"complexity":{"before":100,"query":7,"after":93,"reset_in_x_seconds":40}},"account_id":1})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::Data);
  ASSERT_TRUE(outcome.complexity.has_value());
  EXPECT_EQ(outcome.complexity->query, 7);
  EXPECT_EQ(outcome.complexity->after, 93);
  EXPECT_TRUE(outcome.document["data"]["boards"].IsArray());
}

TEST(ApiResponse, Http401IsRejectedTokenWithoutEchoingIt) {
  auto outcome = readApiResponse(response(401, R"({"errors":[{"message":"Not Authenticated"}]})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::Failed);
  EXPECT_EQ(outcome.error->state(), "28000");
  EXPECT_NE(outcome.error->message().find("rejected the API token"), std::string::npos);
}

TEST(ApiResponse, ComplexityBudgetExhaustedWaitsWhatMondayAsks) {
  auto outcome = readApiResponse(response(
      429,
      R"({"errors":[{"message":"Complexity budget exhausted","extensions":{"code":"COMPLEXITY_BUDGET_EXHAUSTED","retry_in_seconds":17}}]})",
      {{"retry-after", "12"}}));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.wait.count(), 17);
  EXPECT_FALSE(outcome.transient_server_error);
}

TEST(ApiResponse, LegacyComplexityShapeIsAlsoALimit) {
  auto outcome = readApiResponse(response(
      429,
      R"({"error_code":"ComplexityException","status_code":429,"error_message":"Complexity budget exhausted, query cost 30001 budget remaining 19986 out of 1000000 reset in 3 seconds","errors":["Complexity budget exhausted"]})",
      {{"retry-after", "3"}}));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.wait.count(), 3);
}

TEST(ApiResponse, DailyLimitFailsAtOnceAndSaysWhenItResets) {
  auto outcome = readApiResponse(
      response(429, R"({"errors":[{"message":"Daily limit exceeded","extensions":{"code":"DAILY_LIMIT_EXCEEDED"}}]})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::Failed);
  EXPECT_NE(outcome.error->message().find("00:00 UTC"), std::string::npos);
}

TEST(ApiResponse, ApplicationErrorCarriesCodeAndMessage) {
  auto outcome = readApiResponse(response(
      200,
      R"({"errors":[{"message":"Board not found","extensions":{"code":"InvalidBoardIdException","status_code":404,"request_id":"abc"}}],"account_id":1})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::Failed);
  EXPECT_EQ(outcome.error->state(), "HY000");
  EXPECT_NE(outcome.error->message().find("InvalidBoardIdException"), std::string::npos);
  EXPECT_NE(outcome.error->message().find("Board not found"), std::string::npos);
  EXPECT_EQ(outcome.error->nativeCode(), 404);
}

TEST(ApiResponse, PermissionErrorIs42000) {
  auto outcome = readApiResponse(response(
      200, R"({"errors":[{"message":"User unauthorized","extensions":{"code":"UserUnauthorizedException","status_code":403}}]})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::Failed);
  EXPECT_EQ(outcome.error->state(), "42000");
}

TEST(ApiResponse, GarbageBodyIsATransientLinkFailure) {
  auto outcome = readApiResponse(response(200, "<html>Bad gateway</html>"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_TRUE(outcome.transient_server_error);
  EXPECT_EQ(outcome.error->state(), "08S01");
  EXPECT_NE(outcome.error->message().find("not JSON"), std::string::npos);
}

TEST(ApiResponse, ServerErrorIsRetriedThenReported) {
  auto outcome = readApiResponse(response(500, R"({"error_message":"Internal server error","status_code":500})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_TRUE(outcome.transient_server_error);
  EXPECT_NE(outcome.error->message().find("Internal server error"), std::string::npos);
}

TEST(ApiResponse, MissingDataIsReported) {
  auto outcome = readApiResponse(response(200, R"({"account_id":1})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::Failed);
  EXPECT_EQ(outcome.error->state(), "08S01");
}

TEST(ApiClient, OperationNameIsReadFromTheDocument) {
  EXPECT_EQ(monday::client::operationName("query Boards($ids: [ID!]) { boards { id } }"), "Boards");
  EXPECT_EQ(monday::client::operationName("  mutation CreateItem { x }"), "CreateItem");
  EXPECT_EQ(monday::client::operationName("{ me { id } }"), "anonymous");
}
