// How monday's answers are read: data, limits to wait out, and errors with the right SQLSTATE.
#include <gtest/gtest.h>

#include <chrono>

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

// ---- Every error shape of REFERENCE §5 / §10.4 ----

using monday::client::Limit;

namespace {

// A fixed clock for the daily-limit message: 2026-03-01 18:48:00 UTC, 5 h 12 min before midnight.
std::chrono::system_clock::time_point eveningOfMarchFirst() {
  using namespace std::chrono;
  return sys_days{year{2026} / 3 / 1} + hours(18) + minutes(48);
}

}  // namespace

TEST(ApiResponseShapes, Current2025_07ComplexityShapeIsARejectedLimit) {
  auto outcome = readApiResponse(response(
      429, R"({"errors":[{"message":"Complexity budget exhausted","extensions":{"code":"COMPLEXITY_BUDGET_EXHAUSTED","retry_in_seconds":60}}]})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.limit, Limit::ComplexityBudget);
  EXPECT_TRUE(outcome.rejected_unexecuted);
  EXPECT_EQ(outcome.wait.count(), 60);
  EXPECT_EQ(outcome.budget_left, 0) << "no figure in the body: the budget is spent";
  EXPECT_FALSE(outcome.budget_limit.has_value());
}

TEST(ApiResponseShapes, Hotfix2025_01ComplexityShapeCarriesBudgetFigures) {
  auto outcome = readApiResponse(response(
      429, R"({"errors":[{"message":"Complexity budget exhausted","extensions":{"code":"COMPLEXITY_BUDGET_EXHAUSTED","complexity":6182,"complexity_budget_left":100,"complexity_budget_limit":5000000,"retry_in_seconds":60,"status_code":429}}]})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.limit, Limit::ComplexityBudget);
  EXPECT_EQ(outcome.wait.count(), 60);
  EXPECT_EQ(outcome.budget_left, 100);
  EXPECT_EQ(outcome.budget_limit, 5000000);
}

TEST(ApiResponseShapes, LegacyComplexityExceptionIsParsedFromItsMessage) {
  // The exact legacy body of REFERENCE §10.4, without Retry-After: the wait comes from the text.
  auto outcome = readApiResponse(response(
      429, R"({"error_code":"ComplexityException","status_code":429,"error_message":"Complexity budget exhausted, query cost 30001 budget remaining 19986 out of 1000000 reset in 3 seconds","error_data":{},"errors":["Complexity budget exhausted, query cost 30001 budget remaining 19986 out of 1000000 reset in 3 seconds"],"account_id":1234567890})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.limit, Limit::ComplexityBudget);
  EXPECT_TRUE(outcome.rejected_unexecuted);
  EXPECT_EQ(outcome.wait.count(), 3);
  EXPECT_EQ(outcome.budget_left, 19986);
  EXPECT_EQ(outcome.budget_limit, 1000000);
}

TEST(ApiResponseShapes, LegacyStringErrorsAloneAreEnough) {
  auto outcome = readApiResponse(response(
      200, R"({"errors":["Complexity budget exhausted, query cost 500 budget remaining 20 out of 10000000 reset in 41 seconds"]})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.limit, Limit::ComplexityBudget);
  EXPECT_EQ(outcome.wait.count(), 41);
  EXPECT_EQ(outcome.budget_left, 20);
}

TEST(ApiResponseShapes, LegacyMessageParser) {
  auto parsed = monday::client::parseLegacyComplexityMessage(
      "Complexity budget exhausted, query cost 3607822 budget remaining 2784356 out of 10000000 reset in 13 seconds");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->cost, 3607822);
  EXPECT_EQ(parsed->remaining, 2784356);
  EXPECT_EQ(parsed->budget, 10000000);
  EXPECT_EQ(parsed->reset_seconds, 13);
  EXPECT_FALSE(monday::client::parseLegacyComplexityMessage("Complexity budget exhausted").has_value());
  EXPECT_FALSE(monday::client::parseLegacyComplexityMessage("Board not found").has_value());
}

TEST(ApiResponseShapes, LegacyGraphqlErrorWithoutExtensionsIsReported) {
  auto outcome = readApiResponse(response(
      200, R"({"errors":[{"message":"Field 'x' doesn't exist on type 'User'","locations":[{"line":1,"column":9}],"fields":["query","me","x"]}],"account_id":1})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::Failed);
  EXPECT_EQ(outcome.limit, Limit::None);
  EXPECT_NE(outcome.error->message().find("Field 'x' doesn't exist on type 'User'"), std::string::npos);
}

TEST(ApiResponseShapes, LegacyTopLevelErrorCodeIsReported) {
  auto outcome = readApiResponse(response(
      200, R"({"error_code":"InvalidBoardIdException","status_code":404,"error_message":"Board not found","error_data":{"board_id":1}})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::Failed);
  EXPECT_NE(outcome.error->message().find("[InvalidBoardIdException]"), std::string::npos);
  EXPECT_NE(outcome.error->message().find("Board not found"), std::string::npos);
  EXPECT_EQ(outcome.error->nativeCode(), 404);
}

TEST(ApiResponseShapes, LegacyInternalServerErrorWithHttp200IsTransient) {
  auto outcome = readApiResponse(response(200, R"({"error_message":"Internal server error","status_code":500})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_TRUE(outcome.transient_server_error);
  EXPECT_FALSE(outcome.rejected_unexecuted) << "a server error may have run the request";
}

TEST(ApiResponseShapes, MinuteLimitWithCodeWaitsRetryAfter) {
  auto outcome = readApiResponse(response(
      429, R"({"errors":[{"message":"Rate Limit Exceeded","extensions":{"code":"RATE_LIMIT_EXCEEDED","status_code":429,"retry_in_seconds":7}}]})",
      {{"retry-after", "9"}}));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.limit, Limit::MinuteRate);
  EXPECT_TRUE(outcome.rejected_unexecuted);
  EXPECT_EQ(outcome.wait.count(), 9) << "the longer of Retry-After and retry_in_seconds";
}

TEST(ApiResponseShapes, MinuteLimitByMessageOnly) {
  for (const char* body : {R"({"errors":[{"message":"Rate Limit Exceeded"}]})",
                           R"({"error_message":"Minute limit rate exceeded","status_code":429})",
                           R"({"errors":["Rate Limit Exceeded"]})"}) {
    auto outcome = readApiResponse(response(429, body, {{"retry-after", "4"}}));
    ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter) << body;
    EXPECT_EQ(outcome.limit, Limit::MinuteRate) << body;
    EXPECT_EQ(outcome.wait.count(), 4) << body;
  }
}

TEST(ApiResponseShapes, MinuteLimitUsesTheRateLimitHeaderReset) {
  auto outcome = readApiResponse(response(429, R"({"errors":[{"message":"Rate Limit Exceeded"}]})",
                                          {{"ratelimit", R"("minuteRate";r=0;t=38, "complexityMinute";r=10)"}}));
  EXPECT_EQ(outcome.limit, Limit::MinuteRate);
  EXPECT_EQ(outcome.wait.count(), 38);
  EXPECT_EQ(outcome.rate_limits.minute_remaining, 0);
}

TEST(ApiResponseShapes, ConcurrencyLimitIsRetried) {
  auto outcome = readApiResponse(response(
      429, R"({"errors":[{"message":"Concurrency limit exceeded","extensions":{"code":"maxConcurrencyExceeded"}}]})",
      {{"retry-after", "2"}}));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.limit, Limit::Concurrency);
  EXPECT_TRUE(outcome.rejected_unexecuted);
  EXPECT_EQ(outcome.wait.count(), 2);
}

TEST(ApiResponseShapes, IpRateLimitWaitsRetryInSeconds) {
  auto outcome = readApiResponse(response(
      429, R"({"errors":[{"message":"IP rate limit exceeded","extensions":{"code":"IP_RATE_LIMIT_EXCEEDED","retry_in_seconds":10}}]})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.limit, Limit::IpRate);
  EXPECT_EQ(outcome.wait.count(), 10);
}

TEST(ApiResponseShapes, PerFieldLimitWaitsItsRetryInSecondsInEitherShape) {
  // 2025-04 and later: in errors[], the wait under extensions (REFERENCE §5.2).
  auto current = readApiResponse(response(
      429, R"({"data":{"boards":null},"errors":[{"message":"Field limit exceeded","path":["boards"],)"
           R"("extensions":{"code":"FIELD_LIMIT_EXCEEDED","status_code":429,"retry_in_seconds":7,)"
           R"("error_data":{"entity":"boards"}}}]})"));
  ASSERT_EQ(current.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(current.limit, monday::client::Limit::FieldConcurrency);
  EXPECT_EQ(current.wait, std::chrono::seconds(7));
  EXPECT_TRUE(current.rejected_unexecuted) << "no field of it ran";
  // The changelog's top-level shape keeps the wait in error_data.
  auto legacy = readApiResponse(response(
      429, R"({"error_message":"Field limit exceeded","error_code":"FIELD_LIMIT_EXCEEDED",)"
           R"("error_data":{"retry_in_seconds":9,"entity":"boards"},"status_code":429})"));
  ASSERT_EQ(legacy.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(legacy.limit, monday::client::Limit::FieldConcurrency);
  EXPECT_EQ(legacy.wait, std::chrono::seconds(9));
}

TEST(ApiResponseShapes, PerFieldLimitOnARequestThatPartlyRanIsNotCalledUnexecuted) {
  // Two aliased changes, one ran and one hit the limit: sending the request again would repeat
  // the one that ran.
  auto outcome = readApiResponse(response(
      429, R"({"data":{"a0":{"id":"11"},"a1":null},"errors":[{"message":"Field limit exceeded","path":["a1"],)"
           R"("extensions":{"code":"FIELD_LIMIT_EXCEEDED","retry_in_seconds":1}}]})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_FALSE(outcome.rejected_unexecuted);
}

TEST(ApiResponseShapes, UnknownHttp429IsStillARejectedLimit) {
  auto outcome = readApiResponse(response(429, R"({"errors":[{"message":"Call limit exceeded for CreateBoard"}]})",
                                          {{"retry-after", "30"}}));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.limit, Limit::OtherRate);
  EXPECT_TRUE(outcome.rejected_unexecuted);
  EXPECT_EQ(outcome.wait.count(), 30);
  auto html = readApiResponse(response(429, "<html>Too Many Requests</html>", {{"retry-after", "5"}}));
  ASSERT_EQ(html.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(html.limit, Limit::OtherRate);
  EXPECT_FALSE(html.transient_server_error);
  EXPECT_EQ(html.wait.count(), 5);
}

TEST(ApiResponseShapes, Http423LockIsRetriedButNotCalledUnexecuted) {
  auto outcome = readApiResponse(response(423, R"({"errors":[{"message":"Resource is locked"}]})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.limit, Limit::Locked);
  EXPECT_FALSE(outcome.rejected_unexecuted);
  EXPECT_GE(outcome.wait.count(), 1);
}

TEST(ApiResponseShapes, DailyLimitSaysHowLongUntilMidnightUtc) {
  auto outcome = readApiResponse(
      response(429, R"({"errors":[{"message":"Daily limit exceeded","extensions":{"code":"DAILY_LIMIT_EXCEEDED","status_code":429,"retry_in_seconds":18720}}]})"),
      eveningOfMarchFirst());
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::Failed);
  EXPECT_EQ(outcome.limit, Limit::DailyLimit);
  EXPECT_NE(outcome.error->message().find("00:00 UTC, in 5 h 12 min"), std::string::npos) << outcome.error->message();
  ASSERT_TRUE(outcome.daily_limit_resets_at.has_value());
  using namespace std::chrono;
  EXPECT_EQ(*outcome.daily_limit_resets_at, sys_days{year{2026} / 3 / 2});
  // The legacy top-level shape too.
  auto legacy = readApiResponse(response(429, R"({"error_code":"DAILY_LIMIT_EXCEEDED","status_code":429,"error_message":"Daily limit exceeded"})"),
                                eveningOfMarchFirst());
  EXPECT_EQ(legacy.kind, ApiOutcome::Kind::Failed);
  EXPECT_EQ(legacy.limit, Limit::DailyLimit);
}

TEST(ApiResponseShapes, OverThePerQueryCapFailsWithoutWaiting) {
  auto outcome = readApiResponse(response(
      200, R"({"errors":[{"message":"Query has complexity of 6020010, which exceeds max complexity of 5000000","extensions":{"code":"ComplexityException","status_code":400}}]})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::Failed);
  EXPECT_EQ(outcome.limit, Limit::None);
  EXPECT_NE(outcome.error->message().find("6020010"), std::string::npos);
  EXPECT_NE(outcome.error->message().find("5000000"), std::string::npos);
  EXPECT_NE(outcome.error->message().find("Waiting does not help"), std::string::npos);
}

TEST(ApiResponseShapes, ALimitAmongSeveralErrorsDecides) {
  auto outcome = readApiResponse(response(
      200, R"({"errors":[{"message":"something else"},{"message":"Complexity budget exhausted","extensions":{"code":"COMPLEXITY_BUDGET_EXHAUSTED","retry_in_seconds":5}}]})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::RetryAfter);
  EXPECT_EQ(outcome.limit, Limit::ComplexityBudget);
  EXPECT_EQ(outcome.wait.count(), 5);
}

TEST(ApiResponseShapes, RateLimitHeadersAreReadFromEveryAnswer) {
  auto outcome = readApiResponse(response(
      200, R"({"data":{"me":{"id":"1"}}})",
      {{"ratelimit-policy", R"("complexityMinute";q=5000000;w=60)"}, {"ratelimit", R"("complexityMinute";r=4000;t=20)"}}));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::Data);
  EXPECT_EQ(outcome.rate_limits.complexity_quota, 5000000);
  EXPECT_EQ(outcome.rate_limits.complexity_remaining, 4000);
  EXPECT_EQ(outcome.rate_limits.complexity_reset_seconds, 20);
}

TEST(ApiResponseShapes, ErrorsKeepThePartialDataForMutations) {
  auto outcome = readApiResponse(response(
      200, R"({"data":{"a0":{"id":"1"},"a1":null},"errors":[{"message":"bad value","path":["a1"],"extensions":{"code":"ColumnValueException"}}]})"));
  ASSERT_EQ(outcome.kind, ApiOutcome::Kind::Failed);
  ASSERT_TRUE(outcome.document.IsObject());
  EXPECT_TRUE(outcome.document["data"]["a0"].IsObject());
}

TEST(ApiResponseShapes, DurationsAreWrittenForPeople) {
  using monday::client::describeDuration;
  EXPECT_EQ(describeDuration(std::chrono::seconds(18720)), "5 h 12 min");
  EXPECT_EQ(describeDuration(std::chrono::seconds(200)), "3 min 20 s");
  EXPECT_EQ(describeDuration(std::chrono::seconds(45)), "45 s");
}

TEST(ApiClient, MutationDocumentsAreRecognised) {
  using monday::client::isMutationDocument;
  EXPECT_TRUE(isMutationDocument("mutation { create_item(board_id: 1, item_name: \"x\") { id } }"));
  EXPECT_TRUE(isMutationDocument("  # a comment with query in it\n mutation M($b: ID!) { delete_item(item_id: $b) { id } }"));
  EXPECT_TRUE(isMutationDocument("fragment F on Item { id } mutation { archive_item(item_id: 1) { ...F } }"));
  EXPECT_FALSE(isMutationDocument("query Boards { boards { id } }"));
  EXPECT_FALSE(isMutationDocument("{ me { id } }"));
  EXPECT_FALSE(isMutationDocument("query Q { items(ids: [1]) { name } } # mutation"));
  EXPECT_FALSE(isMutationDocument("fragment F on Item { id } query { items { ...F } }"));
}

TEST(ApiClient, OperationNameIsReadFromTheDocument) {
  EXPECT_EQ(monday::client::operationName("query Boards($ids: [ID!]) { boards { id } }"), "Boards");
  EXPECT_EQ(monday::client::operationName("  mutation CreateItem { x }"), "CreateItem");
  EXPECT_EQ(monday::client::operationName("{ me { id } }"), "anonymous");
}
