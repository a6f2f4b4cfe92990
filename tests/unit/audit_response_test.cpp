// Answers of monday's audit-log REST API, in every shape the driver must tell apart.
#include "driver/client/audit_response.h"

#include <gtest/gtest.h>

namespace monday::client {
namespace {

constexpr std::string_view kEndpoint = "https://acme.monday.com/audit-api/get-logs";

net::HttpResponse answer(long status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {}) {
  net::HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

TEST(AuditResponse, APageOfEntries) {
  auto outcome = readAuditResponse(
      answer(200, R"({"page":1,"per_page":1000,"next_page":null,"data":[{"timestamp":"2026-11-01T12:00:00Z"}]})"),
      kEndpoint);
  ASSERT_EQ(outcome.kind, AuditOutcome::Kind::Data);
  EXPECT_EQ(outcome.document["data"].Size(), 1u);
}

TEST(AuditResponse, UnauthorizedNamesTheAuditTokenAndTheOtherSource) {
  auto outcome = readAuditResponse(answer(401, R"({"error_message":"Not authorized","status_code":401})"), kEndpoint);
  ASSERT_EQ(outcome.kind, AuditOutcome::Kind::Failed);
  EXPECT_EQ(outcome.error->state(), "28000");
  EXPECT_NE(outcome.error->message().find("Monitor by API"), std::string::npos);
  EXPECT_NE(outcome.error->message().find("AuditLogSource=GraphQL"), std::string::npos);
  EXPECT_NE(outcome.error->message().find("Not authorized"), std::string::npos);
}

TEST(AuditResponse, ForbiddenTellsAPlanProblemFromAPermissionProblem) {
  auto plan = readAuditResponse(
      answer(403, R"({"error_code":"FeatureNotAvailable","error_message":"Only on the Enterprise plan"})"), kEndpoint);
  EXPECT_EQ(plan.error->state(), "42000");
  EXPECT_NE(plan.error->message().find("only on the Enterprise plan"), std::string::npos);
  auto other = readAuditResponse(answer(403, R"({"message":"Forbidden"})"), kEndpoint);
  EXPECT_EQ(other.error->state(), "42000");
  EXPECT_NE(other.error->message().find("account admin"), std::string::npos);
}

TEST(AuditResponse, NotFoundPointsAtDomain) {
  auto outcome = readAuditResponse(answer(404, "<html>Not Found</html>"), kEndpoint);
  ASSERT_EQ(outcome.kind, AuditOutcome::Kind::Failed);
  EXPECT_EQ(outcome.error->state(), "08001");
  EXPECT_NE(outcome.error->message().find("Check Domain"), std::string::npos);
  EXPECT_NE(outcome.error->message().find(std::string(kEndpoint)), std::string::npos);
}

TEST(AuditResponse, TheMinuteLimitIsWaitedOutForAsLongAsMondaySays) {
  auto header = readAuditResponse(answer(429, R"({"error_message":"Rate limit"})", {{"retry-after", "17"}}), kEndpoint);
  ASSERT_EQ(header.kind, AuditOutcome::Kind::RetryAfter);
  EXPECT_FALSE(header.transient_server_error);
  EXPECT_EQ(header.wait.count(), 17);
  auto body = readAuditResponse(answer(429, R"({"retry_in_seconds":23})"), kEndpoint);
  EXPECT_EQ(body.wait.count(), 23);
  auto bare = readAuditResponse(answer(429, "Too Many Requests"), kEndpoint);
  EXPECT_EQ(bare.kind, AuditOutcome::Kind::RetryAfter);
  EXPECT_GE(bare.wait.count(), 1);
}

TEST(AuditResponse, ServerErrorsAndNonJsonAreRetried) {
  EXPECT_TRUE(readAuditResponse(answer(502, "<html>Bad Gateway</html>"), kEndpoint).transient_server_error);
  auto page = readAuditResponse(answer(200, "<!DOCTYPE html><html>log in</html>"), kEndpoint);
  ASSERT_EQ(page.kind, AuditOutcome::Kind::RetryAfter);
  EXPECT_NE(page.error->message().find("Domain"), std::string::npos);
}

TEST(AuditResponse, BadRequestCarriesMondaysMessage) {
  auto outcome = readAuditResponse(
      answer(400, R"({"error_code":"InvalidArguments","error_message":"per_page must be at most 1000"})"), kEndpoint);
  ASSERT_EQ(outcome.kind, AuditOutcome::Kind::Failed);
  EXPECT_EQ(outcome.error->state(), "HY000");
  EXPECT_NE(outcome.error->message().find("per_page must be at most 1000"), std::string::npos);
  EXPECT_NE(outcome.error->message().find("InvalidArguments"), std::string::npos);
}

TEST(AuditResponse, AnAnswerWithoutDataIsAnError) {
  auto outcome = readAuditResponse(answer(200, R"({"page":1})"), kEndpoint);
  ASSERT_EQ(outcome.kind, AuditOutcome::Kind::Failed);
  EXPECT_EQ(outcome.error->state(), "08S01");
}

}  // namespace
}  // namespace monday::client
